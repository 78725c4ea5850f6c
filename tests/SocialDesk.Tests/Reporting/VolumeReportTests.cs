using SocialDesk.Features.Reporting;

namespace SocialDesk.Tests.Reporting;

public sealed class VolumeReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Volumes_by_channel_count_customer_messages_on_each_channel()
    {
        var x = await app.CreateXChannelAsync();
        var facebook = await app.CreateFacebookChannelAsync();
        var start = ReportingApp.At("2024-03-04T09:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(x.Id, "vc-1", "vc-ivy", start),
            ReportingApp.Customer(x.Id, "vc-2", "vc-jack", start.AddHours(1)),
            ReportingApp.Brand(x.Id, "vc-3", "vc-2", start.AddHours(2)),
            ReportingApp.Customer(facebook.Id, "vc-4", "vc-kim", start.AddDays(-7)),
            ReportingApp.Customer(facebook.Id, "vc-5", "vc-kim", start.AddDays(1)));

        var rows = (await app.VolumesAsync("channel", "?from=2024-03-04&to=2024-03-10")).Rows;

        Assert.Equal(
            [new VolumeRow(x.Id.ToString(), "@TwitterDev", 2, 0, 0), new(facebook.Id.ToString(), "Page", 1, 1, 0)],
            rows);
    }

    [Fact]
    public async Task Days_and_hours_are_read_in_the_requested_time_zone()
    {
        var channel = await app.CreateXChannelAsync();
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "vh-1", "vh-lea", ReportingApp.At("2024-05-06T22:30:00Z")),
            ReportingApp.Customer(channel.Id, "vh-2", "vh-max", ReportingApp.At("2024-05-07T00:10:00Z")),
            ReportingApp.Customer(channel.Id, "vh-3", "vh-noa", ReportingApp.At("2024-05-07T12:00:00Z")));

        var paris = (await app.VolumesAsync("hour", "?from=2024-05-07&to=2024-05-07&tz=Europe/Paris")).Rows;
        var utc = (await app.VolumesAsync("hour", "?from=2024-05-07&to=2024-05-07")).Rows;

        Assert.Equal(24, paris.Count);
        Assert.Equal([("00", 1), ("02", 1), ("14", 1)], paris.Where(r => r.Current > 0).Select(r => (r.Key!, r.Current)));
        Assert.Equal([("00", 1), ("12", 1)], utc.Where(r => r.Current > 0).Select(r => (r.Key!, r.Current)));
    }

    [Fact]
    public async Task Hours_follow_the_clock_change_of_the_time_zone()
    {
        var channel = await app.CreateXChannelAsync();
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "vd-1", "vd-olga", ReportingApp.At("2024-03-09T17:00:00Z")),
            ReportingApp.Customer(channel.Id, "vd-2", "vd-paul", ReportingApp.At("2024-03-11T16:00:00Z")));

        var rows = (await app.VolumesAsync("hour", "?from=2024-03-09&to=2024-03-11&tz=America/New_York")).Rows;

        Assert.Equal([("12", 2)], rows.Where(r => r.Current > 0).Select(r => (r.Key!, r.Current)));
    }

    [Fact]
    public async Task Volumes_by_topic_sentiment_and_language_count_the_labels_triage_gave_on_arrival()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-07-01T09:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "vt-1", "vt-quinn", start, text: "ça fait 45 minutes que j'attends au téléphone, coupure de courant depuis ce matin !"),
            ReportingApp.Customer(channel.Id, "vt-2", "vt-rose", start.AddHours(1), text: "I was charged twice on my bill this month, this is unacceptable"),
            ReportingApp.Customer(channel.Id, "vt-3", "vt-sam", start.AddHours(2), text: "merci beaucoup, votre technicien était génial !"));

        var topics = (await app.VolumesAsync("topic", "?from=2024-07-01&to=2024-07-07")).Rows;
        var sentiments = (await app.VolumesAsync("sentiment", "?from=2024-07-01&to=2024-07-07")).Rows;
        var languages = (await app.VolumesAsync("language", "?from=2024-07-01&to=2024-07-07")).Rows;

        Assert.Equal(1, topics.Single(r => r.Key == "outage").Current);
        Assert.Equal(1, topics.Single(r => r.Key == "billing").Current);
        Assert.Equal(new VolumeRow(null, "no topic", 1, 0, 0), topics.Single(r => r.Key is null));
        Assert.Equal([("negative", 2), ("positive", 1)], sentiments.Select(r => (r.Key!, r.Current)));
        Assert.Equal([("fr", 2), ("en", 1)], languages.Select(r => (r.Key!, r.Current)));
    }
}
