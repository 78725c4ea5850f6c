using SocialDesk.Features.Tracker;

namespace SocialDesk.Tests.Reporting;

/// <summary>Response rates and response times, each test in a week of its own.</summary>
public sealed class ResponseReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Response_rates_count_answered_messages_and_answered_conversations()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-03-04T00:00:00Z");
        var messages = new List<object>
        {
            ReportingApp.Customer(channel.Id, "rr-1", "rr-alice", start.AddHours(1)),
            ReportingApp.Brand(channel.Id, "rr-2", "rr-1", start.AddHours(2)),

            // Her second message comes after the answer and is never answered.
            ReportingApp.Customer(channel.Id, "rr-3", "rr-alice", start.AddHours(3), replyTo: "rr-2"),

            // Two messages, then one answer for both.
            ReportingApp.Customer(channel.Id, "rr-4", "rr-bob", start.AddHours(4)),
            ReportingApp.Customer(channel.Id, "rr-5", "rr-bob", start.AddHours(5), replyTo: "rr-4"),
            ReportingApp.Brand(channel.Id, "rr-6", "rr-5", start.AddHours(6)),

            // Never answered.
            ReportingApp.Customer(channel.Id, "rr-7", "rr-carol", start.AddHours(7)),
        };
        await app.SendAsync([.. messages]);

        var figures = Assert.Single((await app.OverviewAsync("?from=2024-03-04&to=2024-03-10")).Rows).Current;

        Assert.Equal((5, 3, 0.6), (figures.MessagesReceived, figures.MessagesAnswered, figures.MessageResponseRate));
        Assert.Equal(3, figures.Conversations);
        Assert.Equal(2, figures.ConversationsAnswered);
        Assert.Equal(2.0 / 3, figures.ConversationResponseRate!.Value, precision: 12);
    }

    [Fact]
    public async Task First_response_times_have_the_tracker_statistics()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-04-01T00:00:00Z");

        // Twenty conversations answered in 1, 2, ... 20 minutes.
        var messages = Enumerable.Range(1, 20).SelectMany(i => new[]
        {
            ReportingApp.Customer(channel.Id, $"fr-{i}", $"fr-customer-{i}", start.AddHours(i)),
            ReportingApp.Brand(channel.Id, $"fr-{i}-reply", $"fr-{i}", start.AddHours(i).AddMinutes(i)),
        });
        await app.SendAsync([.. messages]);

        var figures = Assert.Single((await app.OverviewAsync("?from=2024-04-01&to=2024-04-07")).Rows).Current;

        Assert.Equal(20, figures.FirstResponses);
        Assert.Equal(new ResponseTimeSeconds(Mean: 630, Median: 630, P90: 1080, TrimmedMean95: 600), figures.FirstResponseSeconds);
        Assert.Equal(0, figures.NextResponses);
        Assert.Null(figures.NextResponseSeconds);
    }

    [Fact]
    public async Task Next_response_time_runs_from_the_earliest_unanswered_customer_message_to_the_next_reply()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-05-06T10:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "nr-1", "nr-dan", start),
            ReportingApp.Brand(channel.Id, "nr-2", "nr-1", start.AddMinutes(5)),
            ReportingApp.Customer(channel.Id, "nr-3", "nr-dan", start.AddMinutes(30), replyTo: "nr-2"),
            ReportingApp.Customer(channel.Id, "nr-4", "nr-dan", start.AddMinutes(40), replyTo: "nr-2"),
            ReportingApp.Brand(channel.Id, "nr-5", "nr-4", start.AddMinutes(60)),
            ReportingApp.Customer(channel.Id, "nr-6", "nr-dan", start.AddMinutes(70), replyTo: "nr-5"),
            ReportingApp.Brand(channel.Id, "nr-7", "nr-6", start.AddMinutes(75)));

        var figures = Assert.Single((await app.OverviewAsync("?from=2024-05-06&to=2024-05-12")).Rows).Current;

        Assert.Equal(1, figures.FirstResponses);
        Assert.Equal(300, figures.FirstResponseSeconds!.Mean);
        Assert.Equal(2, figures.NextResponses);
        Assert.Equal(new ResponseTimeSeconds(Mean: 1050, Median: 1050, P90: 1800, TrimmedMean95: 1050), figures.NextResponseSeconds);
        Assert.Equal((4, 4), (figures.MessagesReceived, figures.MessagesAnswered));
    }

    [Fact]
    public async Task The_previous_period_and_the_same_period_a_year_before_stand_beside_the_period()
    {
        var channel = await app.CreateXChannelAsync();
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "pp-1", "pp-now", ReportingApp.At("2024-06-12T09:00:00Z")),
            ReportingApp.Brand(channel.Id, "pp-2", "pp-1", ReportingApp.At("2024-06-12T09:01:00Z")),
            ReportingApp.Customer(channel.Id, "pp-3", "pp-before", ReportingApp.At("2024-06-04T09:00:00Z")),
            ReportingApp.Brand(channel.Id, "pp-4", "pp-3", ReportingApp.At("2024-06-04T09:02:00Z")),
            ReportingApp.Customer(channel.Id, "pp-5", "pp-last-year", ReportingApp.At("2023-06-15T09:00:00Z")),
            ReportingApp.Brand(channel.Id, "pp-6", "pp-5", ReportingApp.At("2023-06-15T09:03:00Z")));

        var report = await app.OverviewAsync("?from=2024-06-10&to=2024-06-16");

        Assert.Equal((new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 9)), (report.Periods.Previous.From, report.Periods.Previous.To));
        Assert.Equal((new DateOnly(2023, 6, 10), new DateOnly(2023, 6, 16)), (report.Periods.YearBefore.From, report.Periods.YearBefore.To));
        var row = Assert.Single(report.Rows);
        Assert.Equal(60, row.Current.FirstResponseSeconds!.Median);
        Assert.Equal(120, row.Previous.FirstResponseSeconds!.Median);
        Assert.Equal(180, row.YearBefore.FirstResponseSeconds!.Median);
    }
}
