using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Operations;
using SocialDesk.Features.Sla;

namespace SocialDesk.Tests.Operations;

/// <summary>
/// Alone in the process: OpenTelemetry listens to every meter of its name in the process, whichever host made it, and
/// a host that stops ends the measurements of the instruments it shares with the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "metrics";
}

public sealed class MetricsOffTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Metrics_are_not_served_unless_enabled()
    {
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Telemetry.MetricsPath)).StatusCode);
    }
}

[Collection(MeasuredAlone.Name)]
public sealed class MetricsTests(MetricsApp app) : IClassFixture<MetricsApp>
{
    [Fact]
    public async Task Messages_reply_failures_sla_events_backlogs_and_http_requests_are_measured()
    {
        var start = ClockedApp.At("2026-03-02T09:00:00Z");
        app.Clock.Set(start);
        await app.CreatePolicyAsync(new { name = "Metered", isDefault = true, firstResponseMinutes = 30, nextResponseMinutes = 30, resolutionMinutes = 480, warningMinutes = 10 });
        var channel = await app.CreateXChannelAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8100000000000000001", "8101", "@TwitterDev my parcel is late", start))).StatusCode);
        var conversation = (await app.WaitForConversationsAsync(1)).Items.Single();
        foreach (var minutes in new[] { 25, 31 })
        {
            app.Clock.Set(start.AddMinutes(minutes));
            await app.Services.GetRequiredService<SlaWorker>().RunPassAsync(CancellationToken.None);
        }

        app.Platform.FailWith503(1);
        await app.ReplyAsync(conversation.Id, "Sorry, we are looking into it.");
        using var anonymous = app.CreateClient();
        await anonymous.GetAsync(HealthEndpoints.LivePath);

        // The clock stands still, so the failed reply waits for its retry, in the outbox.
        var text = await SocialDeskFactory.EventuallyAsync(() => anonymous.GetStringAsync(Telemetry.MetricsPath), scrape => scrape.Contains("socialdesk_replies_send_failures_total", StringComparison.Ordinal));

        Assert.Equal(1, Sample(text, "socialdesk_messages_received_total", "channel_kind=\"x\""));
        Assert.Equal(1, Sample(text, "socialdesk_replies_send_failures_total", "channel_kind=\"x\"", "final=\"false\""));
        Assert.Equal(1, Sample(text, "socialdesk_sla_events_total", "kind=\"warning\"", "target=\"firstResponse\""));
        Assert.Equal(1, Sample(text, "socialdesk_sla_events_total", "kind=\"breached\"", "target=\"firstResponse\""));
        Assert.Equal(0, Sample(text, "socialdesk_raw_events_oldest_pending_age_seconds"));
        Assert.Equal(1, Sample(text, "socialdesk_outbox_depth"));
        Assert.True(Sample(text, "http_server_request_duration_seconds_count", "http_route=\"/health/live\"") >= 1);
    }

    /// <summary>The value of the one sample of the metric that carries all the labels given.</summary>
    private static double Sample(string scrape, string metric, params string[] labels)
    {
        var line = Assert.Single(scrape.Split('\n'), l => (l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        return double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }
}
