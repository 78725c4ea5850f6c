using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;

namespace SocialDesk.Tests.Security;

/// <summary>A webhook's 200 and a reply's "may have posted" mark promise that their write is on disk, power loss or not.</summary>
public sealed class DurabilityTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_commit_waits_for_the_disk()
    {
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = app.Provider == DatabaseProvider.Sqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit";

        var setting = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // SQLite's FULL is 2 (NORMAL, 1, may lose the last commits in write-ahead logging); PostgreSQL's default is on.
        Assert.Equal(app.Provider == DatabaseProvider.Sqlite ? "2" : "on", setting);
    }
}
