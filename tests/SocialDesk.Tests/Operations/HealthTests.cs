using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialDesk.Data;
using SocialDesk.Features.Operations;

namespace SocialDesk.Tests.Operations;

public sealed class HealthTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Live_answers_healthy_to_anyone()
    {
        using var anonymous = app.CreateClient();

        var live = await anonymous.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_names_its_checks_and_their_status_and_nothing_else()
    {
        using var anonymous = app.CreateClient();

        var ready = await anonymous.GetAsync(HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","migrations":"Healthy"}}""", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_fails_while_a_migration_is_pending()
    {
        var (status, answer) = await ReadyOfOwnServerAsync(new SocialDeskFactory(), async behind =>
        {
            await using var scope = behind.Services.CreateAsyncScope();
            var db = SocialDeskFactory.Database(scope);
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().SkipLast(1).Last());
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(("Unhealthy", "Healthy", "Unhealthy"), (answer.Status, answer.Checks["database"], answer.Checks["migrations"]));
    }

    [Fact]
    public async Task Ready_fails_when_the_database_cannot_be_reached()
    {
        var (status, answer) = await ReadyOfOwnServerAsync(new SocialDeskFactory(), CutOffAsync);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", answer.Checks["database"]);
    }

    [Fact]
    public async Task Ready_fails_when_the_configured_redis_cannot_be_reached_and_says_no_more_than_that()
    {
        var (status, answer) = await ReadyOfOwnServerAsync(new UnreachableRedisApp(), _ => Task.CompletedTask);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["redis"] = "Unhealthy" }, answer.Checks);
    }

    private static async Task<(HttpStatusCode Status, HealthEndpoints.HealthAnswer Answer)> ReadyAsync(SocialDeskFactory server)
    {
        using var anonymous = server.CreateClient();
        var ready = await anonymous.GetAsync(HealthEndpoints.ReadyPath);
        return (ready.StatusCode, JsonSerializer.Deserialize<HealthEndpoints.HealthAnswer>(await ready.Content.ReadAsStringAsync(), SocialDeskFactory.Json)!);
    }

    /// <summary>The readiness answer of a server of the test's own, once <paramref name="prepare"/> has done to it what the test needs.</summary>
    private static async Task<(HttpStatusCode Status, HealthEndpoints.HealthAnswer Answer)> ReadyOfOwnServerAsync(SocialDeskFactory server, Func<SocialDeskFactory, Task> prepare)
    {
        try
        {
            await server.InitializeAsync();
            await prepare(server);
            return await ReadyAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
            if (server.Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(server.ConnectionString).DataSource is var file && Directory.Exists(file))
            {
                Directory.Delete(file);
            }
        }
    }

    /// <summary>Takes the server's database away: PostgreSQL's is dropped, SQLite's file becomes a folder no connection can open.</summary>
    private static async Task CutOffAsync(SocialDeskFactory server)
    {
        if (server.Provider == DatabaseProvider.Postgres)
        {
            await using var admin = new NpgsqlConnection(SocialDeskFactory.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {new NpgsqlConnectionStringBuilder(server.ConnectionString).Database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            return;
        }

        var file = new SqliteConnectionStringBuilder(server.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        // The workers may open the file again in between: go on until the folder stands where the file was.
        while (!Directory.Exists(file))
        {
            foreach (var part in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
            {
                File.Delete(part);
            }

            try
            {
                Directory.CreateDirectory(file);
            }
            catch (IOException)
            {
                // A worker opened the file again first.
            }
        }
    }
}
