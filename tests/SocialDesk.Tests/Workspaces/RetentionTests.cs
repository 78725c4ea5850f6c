using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialDesk.Features.Workspaces;
using SocialDesk.Tests.Reporting;

namespace SocialDesk.Tests.Workspaces;

/// <summary>
/// The bootstrap workspace keeps text 30 days, and every pass runs at the same instant, so that each test's old texts
/// are blanked by its own pass and its recent ones by none.
/// </summary>
public sealed class RetentionTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private const int RetentionDays = 30;
    private const string OldPeriod = "?from=2024-05-01&to=2024-05-31";
    private static readonly DateTime Old = ReportingApp.At("2024-05-10T09:00:00Z");
    private static readonly DateTime Recent = ReportingApp.At("2024-06-20T09:00:00Z");
    private static readonly DateTimeOffset PassTime = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A conversation with a message and a note from 2024-05-10, and another with both from 2024-06-20.</summary>
    private async Task<(Guid Old, Guid Recent)> ConversationsAsync(string prefix)
    {
        var channel = await app.CreateXChannelAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PatchAsJsonAsync("/api/v1/workspaces/current", new { retentionDays = RetentionDays })).StatusCode);
        return (await ConversationAsync(channel.Id, $"{prefix}-old", Old), await ConversationAsync(channel.Id, $"{prefix}-recent", Recent));
    }

    private async Task<Guid> ConversationAsync(Guid channel, string customer, DateTime at)
    {
        app.Clock.Set(at);
        await app.SendAsync(ReportingApp.Customer(channel, customer, customer, at, text: $"text of {customer}"));
        var conversation = await app.ConversationOfAsync(channel, customer);
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/notes", new { text = $"note on {customer}" })).StatusCode);
        return conversation;
    }

    private RetentionWorker Worker(TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new RetentionOptions()), NullLogger<RetentionWorker>.Instance);

    private async Task<RetentionWorker.RetentionRun> PassAsync() => Assert.Single(await Worker(new FakeTimeProvider(PassTime)).RunPassAsync(CancellationToken.None));

    [Fact]
    public async Task Text_older_than_the_retention_is_blanked_and_newer_text_is_kept()
    {
        var (old, recent) = await ConversationsAsync("kept");

        await PassAsync();

        var blanked = await app.ConversationAsync(old);
        var kept = await app.ConversationAsync(recent);
        Assert.Equal("", Assert.Single(blanked.Messages).Text);
        Assert.Equal("", Assert.Single(blanked.Notes).Text);
        Assert.NotNull(blanked.Messages[0].Triage);
        Assert.Equal("text of kept-recent", Assert.Single(kept.Messages).Text);
        Assert.Equal("note on kept-recent", Assert.Single(kept.Notes).Text);
    }

    [Fact]
    public async Task A_failed_deliverys_body_is_blanked_as_the_processed_ones_are()
    {
        var channel = await app.CreateXChannelAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PatchAsJsonAsync("/api/v1/workspaces/current", new { retentionDays = RetentionDays })).StatusCode);
        app.Clock.Set(Old);
        await app.ReceiveXAsync(channel.Id, """{"for_user_id": "999", "tweet_create_events": []}""");
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        await SocialDeskFactory.EventuallyAsync(() => db.RawEvents.AsNoTracking().SingleAsync(e => e.ChannelId == channel.Id), e => e.Status == Features.Ingestion.RawEventStatus.Failed);

        await PassAsync();

        Assert.Equal("", (await db.RawEvents.AsNoTracking().SingleAsync(e => e.ChannelId == channel.Id)).Body);
    }

    [Fact]
    public async Task Retention_keeps_the_report_counts()
    {
        await ConversationsAsync("counted");
        string[] reports = ["overview", "volumes/channel", "volumes/sentiment", "volumes/topic", "volumes/language"];
        var before = await Task.WhenAll(reports.Select(r => app.Api.GetStringAsync($"/api/v1/reports/{r}{OldPeriod}")));

        await PassAsync();

        Assert.Equal(before, await Task.WhenAll(reports.Select(r => app.Api.GetStringAsync($"/api/v1/reports/{r}{OldPeriod}"))));
    }

    [Fact]
    public async Task A_pass_is_recorded_as_the_system_with_what_it_blanked()
    {
        await ConversationsAsync("recorded");

        var run = await PassAsync();

        var entry = (await app.AuditAsync($"?action={RetentionWorker.Action}")).Items[0];
        Assert.Equal((1, 1, 1), (run.Messages, run.Notes, run.RawEvents));
        Assert.Equal(run.WorkspaceId.ToString(), entry.EntityId);
        Assert.Null(entry.ActorUserId);
        Assert.Null(entry.ActorAddress);
        Assert.Equal(PassTime.UtcDateTime, entry.At);
        Assert.Equal(1, entry.After!.Value.GetProperty("messages").GetInt32());
        Assert.Equal(RetentionDays, entry.After.Value.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public async Task A_second_pass_blanks_nothing_and_records_nothing()
    {
        await ConversationsAsync("repeated");
        await PassAsync();
        var recorded = (await app.AuditAsync($"?action={RetentionWorker.Action}")).Total;

        var again = await PassAsync();

        Assert.Equal((0, 0, 0), (again.Messages, again.Notes, again.RawEvents));
        Assert.Equal(recorded, (await app.AuditAsync($"?action={RetentionWorker.Action}")).Total);
    }

    [Fact]
    public async Task The_worker_makes_a_pass_at_start_and_after_each_interval_of_its_clock()
    {
        // A day before the other passes, so that their entries stay the newest.
        var clock = new FakeTimeProvider(PassTime.AddDays(-1));
        using var worker = Worker(clock);
        await worker.StartAsync(CancellationToken.None);
        var (old, _) = await ConversationsAsync("scheduled");

        clock.Advance(new RetentionOptions().Interval);

        await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(old), c => c.Messages[0].Text == "");
        await worker.StopAsync(CancellationToken.None);
    }
}
