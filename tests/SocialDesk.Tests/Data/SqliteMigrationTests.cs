using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialDesk.Data;

namespace SocialDesk.Tests.Data;

/// <summary>The SQLite migrations that change tables without EF's rebuilds, run on a database holding rows from before them.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"socialdesk_migration_{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_database_from_before_memberships_keeps_its_users_with_their_role_as_membership()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [$"--ConnectionStrings:SocialDesk=Data Source={file}"] });
        builder.Services.AddSocialDeskCore(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("Initial");
        var workspaceId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Workspaces" ("Id", "Name", "CreatedAt") VALUES ({workspaceId}, 'Acme', '2026-11-24 08:00:00')""");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Users" ("Id", "WorkspaceId", "Email", "DisplayName", "PasswordHash", "Role", "CreatedAt") VALUES ({userId}, {workspaceId}, 'ada@acme.test', 'Ada', 'hash', 'supervisor', '2026-11-24 08:00:00')""");

        await migrator.MigrateAsync();

        var user = await db.Users.AsNoTracking().SingleAsync();
        Assert.Equal((userId, "ada@acme.test", "ADA@ACME.TEST", "hash"), (user.Id, user.UserName, user.NormalizedEmail, user.PasswordHash));
        var membership = await db.Memberships.AsNoTracking().SingleAsync();
        Assert.Equal((workspaceId, userId, "supervisor"), (membership.WorkspaceId, membership.UserId, membership.Role));
        Assert.Empty(await db.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_check""").ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
        {
            File.Delete(path);
        }
    }
}
