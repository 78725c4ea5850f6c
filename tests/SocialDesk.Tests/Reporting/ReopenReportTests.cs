namespace SocialDesk.Tests.Reporting;

/// <summary>
/// A reopened conversation keeps its one first response; its later replies are next responses. Resolution time is
/// counted per resolution cycle, from the first message or the reopening to the resolution.
/// </summary>
public sealed class ReopenReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task A_reopened_conversation_counts_its_first_response_once()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-03-04T10:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "ro-1", "ro-erin", start),
            ReportingApp.Brand(channel.Id, "ro-2", "ro-1", start.AddMinutes(10)));
        await app.ResolveAsync(await app.ConversationOfAsync(channel.Id, "ro-erin"), start.AddHours(1));
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "ro-3", "ro-erin", start.AddHours(2), replyTo: "ro-2"),
            ReportingApp.Brand(channel.Id, "ro-4", "ro-3", start.AddHours(2).AddMinutes(30)));

        var figures = Assert.Single((await app.OverviewAsync("?from=2024-03-04&to=2024-03-10")).Rows).Current;

        Assert.Equal(1, figures.FirstResponses);
        Assert.Equal(600, figures.FirstResponseSeconds!.Mean);
        Assert.Equal(1, figures.NextResponses);
        Assert.Equal(1800, figures.NextResponseSeconds!.Mean);
        Assert.Equal((1, 1), (figures.Conversations, figures.ConversationsAnswered));
    }

    [Fact]
    public async Task Resolution_time_is_counted_per_resolution_cycle()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-04-08T10:00:00Z");
        await app.SendAsync(ReportingApp.Customer(channel.Id, "rc-1", "rc-frank", start));
        var conversation = await app.ConversationOfAsync(channel.Id, "rc-frank");
        await app.ResolveAsync(conversation, start.AddHours(1));
        await app.SendAsync(ReportingApp.Customer(channel.Id, "rc-2", "rc-frank", start.AddHours(3), replyTo: "rc-1"));
        await app.ResolveAsync(conversation, start.AddHours(3).AddMinutes(30));

        var figures = Assert.Single((await app.OverviewAsync("?from=2024-04-08&to=2024-04-14")).Rows).Current;

        Assert.Equal(2, figures.Resolutions);
        Assert.Equal(new Features.Tracker.ResponseTimeSeconds(Mean: 2700, Median: 2700, P90: 3600, TrimmedMean95: 2700), figures.ResolutionSeconds);
        Assert.Equal((1, 0.5), (figures.ResolutionsReopened, figures.ReopenRate));
        Assert.Equal(1, figures.Conversations);
    }
}
