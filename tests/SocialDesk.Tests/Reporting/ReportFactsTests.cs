using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Reporting;

namespace SocialDesk.Tests.Reporting;

/// <summary>
/// What each reporting event carries for the reports (answered, reopened, next response time, labels, team, minute
/// of the day) is the same whether the pipeline wrote it or migration ReportFacts rebuilt it from earlier events.
/// </summary>
public sealed class ReportFactsTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private static readonly string[] Reports =
        ["overview", "agents", "teams", "volumes/channel", "volumes/topic", "volumes/sentiment", "volumes/language", "volumes/hour"];

    [Fact]
    public async Task Facts_rebuilt_by_the_migration_from_earlier_events_give_the_same_reports()
    {
        await SeedWeekAsync("rb", ReportingApp.At("2024-09-02T08:00:00Z"));
        const string Week = "?from=2024-09-02&to=2024-09-08";
        var written = await ReadAllAsync(Week, $"{Week}&tz=Europe/Paris", $"{Week}&tz=Asia/Kolkata");

        // The events as written before they carried the facts.
        using (var scope = app.Services.CreateScope())
        {
            var db = SocialDeskFactory.Database(scope);
            await db.ReportingEvents.ExecuteUpdateAsync(e => e
                .SetProperty(r => r.TeamId, (Guid?)null)
                .SetProperty(r => r.MinuteOfDay, 0)
                .SetProperty(r => r.Answered, false)
                .SetProperty(r => r.Reopened, false)
                .SetProperty(r => r.Language, (string?)null)
                .SetProperty(r => r.Sentiment, (string?)null)
                .SetProperty(r => r.Topics, (string?)null));
            await db.ReportingEvents.Where(e => e.Name == ReportingEventNames.ReplySent).ExecuteUpdateAsync(e => e.SetProperty(r => r.ValueSeconds, (double?)null));
            // The counts follow the flags as the pipeline sets them, not an update by hand: rebuilt as migration ReportRollups does.
            await db.ReportCounts.ExecuteDeleteAsync();
            Assert.Equal(0, (await app.OverviewAsync(Week)).Rows[0].Current.MessagesAnswered);
            await RunMigrationSqlAsync(db, "ReportFacts", _ => true);
            await db.ReportCounts.ExecuteDeleteAsync();
            await RunMigrationSqlAsync(db, "ReportRollups", IsBackfill);
        }

        Assert.Equal(written, await ReadAllAsync(Week, $"{Week}&tz=Europe/Paris", $"{Week}&tz=Asia/Kolkata"));
        var figures = (await app.OverviewAsync(Week)).Rows[0].Current;
        Assert.Equal((6, 5, 3, 2), (figures.MessagesReceived, figures.MessagesAnswered, figures.Conversations, figures.ConversationsAnswered));
        Assert.Equal((2, 2, 1), (figures.NextResponses, figures.Resolutions, figures.ResolutionsReopened));
    }

    [Fact]
    public async Task Reports_read_from_the_roll_up_equal_the_reports_read_from_the_events()
    {
        var start = ReportingApp.At("2024-11-04T08:00:00Z");
        var channel = await SeedWeekAsync("ru", start);
        const string Week = "?from=2024-11-04&to=2024-11-10";
        string[] queries = [Week, $"{Week}&tz=Europe/Paris", $"{Week}&tz=America/Los_Angeles", $"{Week}&hours=business", "?from=2024-11-05&to=2024-11-05&tz=Asia/Kolkata"];
        var rollup = app.Services.GetRequiredService<ReportRollupWorker>();
        var fromEvents = await ReadAllAsync(queries);

        Assert.True(await rollup.RunPassAsync(CancellationToken.None) > 0);
        Assert.Equal(fromEvents, await ReadAllAsync(queries));

        // After the roll-up: a reply answers a rolled-up message, a customer writes again and reopens a rolled-up resolution.
        await app.SendAsync(ReportingApp.Brand(channel.Id, "ru-10", "ru-7", start.AddHours(31)));
        await app.SendAsync(ReportingApp.Customer(channel.Id, "ru-11", "ru-ann", start.AddHours(29), replyTo: "ru-9"));
        var since = await ReadAllAsync(queries);
        var figures = (await app.OverviewAsync(Week)).Rows[0].Current;
        Assert.Equal((7, 6, 3, 3), (figures.MessagesReceived, figures.MessagesAnswered, figures.Conversations, figures.ConversationsAnswered));
        Assert.Equal((2, 2), (figures.Resolutions, figures.ResolutionsReopened));

        Assert.True(await rollup.RunPassAsync(CancellationToken.None) > 0);
        Assert.Equal(since, await ReadAllAsync(queries));
        Assert.Equal(0, await rollup.RunPassAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Counts_rebuilt_by_the_migration_equal_the_counts_the_triggers_keep()
    {
        await app.CreatePolicyAsync(new { name = "Counted", isDefault = true, firstResponseMinutes = 60, nextResponseMinutes = 30 });
        await SeedWeekAsync("rc", ReportingApp.At("2024-12-02T08:00:00Z"));
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        var kept = await CountsAsync(db);
        Assert.Superset(
            new HashSet<string>([ReportCount.Conversations, ReportCount.ConversationsAnswered, ReportCount.MessagesAnswered, ReportCount.ResolutionsReopened,
                "sla:FirstResponse:Met"]),
            kept.Select(c => c.Split(' ')[2]).ToHashSet());

        await db.ReportCounts.ExecuteDeleteAsync();
        await RunMigrationSqlAsync(db, "ReportRollups", IsBackfill);

        Assert.Equal(kept, await CountsAsync(db));
    }

    [Fact]
    public async Task A_reply_answers_the_messages_before_it_written_in_the_same_save_or_earlier()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-10-07T08:00:00Z");
        await app.SendAsync(ReportingApp.Customer(channel.Id, "an-1", "an-dan", start));
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "an-2", "an-dan", start.AddMinutes(5), replyTo: "an-1"),
            ReportingApp.Brand(channel.Id, "an-3", "an-2", start.AddMinutes(9)),
            ReportingApp.Customer(channel.Id, "an-4", "an-dan", start.AddMinutes(20), replyTo: "an-3"));

        var figures = (await app.OverviewAsync("?from=2024-10-07&to=2024-10-13")).Rows[0].Current;

        Assert.Equal((3, 2), (figures.MessagesReceived, figures.MessagesAnswered));
        Assert.Equal((1, 540.0), (figures.FirstResponses, figures.FirstResponseSeconds!.Mean));
    }

    /// <summary>
    /// A week of a bit of everything: a first response, two messages answered by one reply (a next response), a
    /// resolution reopened, answered and resolved again, an agent's first response, a message never answered.
    /// </summary>
    private async Task<ChannelEndpoints.ChannelView> SeedWeekAsync(string prefix, DateTime start)
    {
        var channel = await app.CreateFacebookChannelAsync();
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, $"{prefix}-1", $"{prefix}-ann", start, text: "My bill is wrong and nobody helps"),
            ReportingApp.Brand(channel.Id, $"{prefix}-2", $"{prefix}-1", start.AddMinutes(12)),
            ReportingApp.Customer(channel.Id, $"{prefix}-3", $"{prefix}-ann", start.AddMinutes(40), replyTo: $"{prefix}-2"),
            ReportingApp.Customer(channel.Id, $"{prefix}-4", $"{prefix}-ann", start.AddMinutes(50), replyTo: $"{prefix}-3", text: "Still waiting, the outage goes on"),
            ReportingApp.Brand(channel.Id, $"{prefix}-5", $"{prefix}-4", start.AddHours(1).AddMinutes(5)),
            ReportingApp.Customer(channel.Id, $"{prefix}-6", $"{prefix}-bea", start.AddHours(2).AddMinutes(20), text: "Merci beaucoup, tout va bien"),
            ReportingApp.Customer(channel.Id, $"{prefix}-7", $"{prefix}-cal", start.AddHours(30)));
        var ann = await app.ConversationOfAsync(channel.Id, $"{prefix}-ann");
        await app.ResolveAsync(ann, start.AddHours(3));
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, $"{prefix}-8", $"{prefix}-ann", start.AddHours(26).AddMinutes(45), replyTo: $"{prefix}-5"),
            ReportingApp.Brand(channel.Id, $"{prefix}-9", $"{prefix}-8", start.AddHours(27)));
        await app.ResolveAsync(ann, start.AddHours(28));
        await app.AgentReplyAsync(await app.ConversationOfAsync(channel.Id, $"{prefix}-bea"), start.AddHours(2).AddMinutes(50));
        return channel;
    }

    private async Task<List<string>> ReadAllAsync(params string[] queries)
    {
        var tables = new List<string>();
        foreach (var query in queries)
        {
            foreach (var report in Reports)
            {
                tables.Add(JsonSerializer.Serialize(await app.Api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{report}{query}")));
            }
        }

        return tables;
    }

    /// <summary>Whether a statement of migration ReportRollups fills the counts from the data already there.</summary>
    private static bool IsBackfill(string sql) => sql.TrimStart().StartsWith("INSERT", StringComparison.Ordinal);

    /// <summary>The counts kept for the reports, each a line; the ones back to zero left out.</summary>
    private static async Task<List<string>> CountsAsync(AppDbContext db) =>
        [.. (await db.ReportCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync()).Select(c => $"{c.WorkspaceId} {c.Day:O} {c.Name} {c.TeamId} {c.Count}").Order(StringComparer.Ordinal)];

    /// <summary>Runs the SQL of a migration that <paramref name="runs"/> selects (its rebuild of what it adds), as the migration runs it on the database's engine.</summary>
    private static async Task RunMigrationSqlAsync(DbContext db, string name, Func<string, bool> runs)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var type = migrations.Migrations.Single(m => m.Key.EndsWith($"_{name}", StringComparison.Ordinal)).Value;
        var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
        foreach (var sql in migration.UpOperations.OfType<SqlOperation>().Select(o => o.Sql).Where(runs))
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }
}
