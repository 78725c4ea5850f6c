using System.Net.Http.Json;
using System.Text;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Tracker;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>A supervisor reads the team's reports and measures brands' public answers in the browser.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class ReportTests(BrowserApp app)
{
    /// <summary>A TWCS sample with a quoted comma and a bad row (line 7): Acme answers one of its two mentions in 5 minutes, Other Co its one in 2 hours.</summary>
    private const string TwcsSample = """
        tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
        1,cust1,True,Tue Oct 31 10:00:00 +0000 2017,"@AcmeHelp my bill, again, is wrong",2,
        2,AcmeHelp,False,Tue Oct 31 10:05:00 +0000 2017,@cust1 Sorry! Send us a DM,,1
        3,cust2,True,Tue Oct 31 11:00:00 +0000 2017,@AcmeHelp the line is still down,,
        4,cust3,True,Tue Oct 31 12:00:00 +0000 2017,@OtherCo hello,5,
        5,OtherCo,False,Tue Oct 31 14:00:00 +0000 2017,@cust3 Hi there,,4
        6,cust4,maybe,Tue Oct 31 12:00:00 +0000 2017,@AcmeHelp who knows,,

        """;

    private static readonly System.Globalization.CultureInfo English = new("en");

    [Fact]
    public async Task The_reports_show_the_api_s_figures_for_the_period_chosen_and_export_them_as_csv()
    {
        // A week of February 2025: four customers, three answered (in 5 minutes, 30 minutes, 2 hours); the week before, two customers, one answered.
        var channel = await app.CreateXChannelAsync();
        var week = ClockedApp.At("2025-02-04T09:00:00Z");
        var before = ClockedApp.At("2025-01-28T09:00:00Z");
        await app.SendAsync(
            ClockedApp.Customer(channel.Id, "rp-1", "rp-ann", week),
            ClockedApp.Brand(channel.Id, "rp-2", "rp-1", week.AddMinutes(5)),
            ClockedApp.Customer(channel.Id, "rp-3", "rp-ben", week.AddHours(1)),
            ClockedApp.Brand(channel.Id, "rp-4", "rp-3", week.AddHours(1).AddMinutes(30)),
            ClockedApp.Customer(channel.Id, "rp-5", "rp-cat", week.AddHours(2)),
            ClockedApp.Brand(channel.Id, "rp-6", "rp-5", week.AddHours(4)),
            ClockedApp.Customer(channel.Id, "rp-7", "rp-dan", week.AddHours(3)),
            ClockedApp.Customer(channel.Id, "rp-8", "rp-eve", before),
            ClockedApp.Brand(channel.Id, "rp-9", "rp-8", before.AddMinutes(10)),
            ClockedApp.Customer(channel.Id, "rp-10", "rp-fay", before.AddHours(1)));
        var api = await OverviewAsync("2025-02-03", "2025-02-09");
        var supervisor = await app.JoinAsync(Roles.Supervisor);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, supervisor.Email, SocialDeskFactory.MemberPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2025-02-03");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2025-02-09");

        await Expect(Figure(page, "Activity", "Messages received")).ToHaveTextAsync(api.MessagesReceived.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((4, 3), (api.MessagesReceived, api.MessagesAnswered));
        await Expect(Figure(page, "Response rates", "Messages answered")).ToHaveTextAsync("75.0%");
        await Expect(Figure(page, "Response times", "First response, median")).ToHaveTextAsync(ResponseDuration.Format(api.FirstResponseSeconds!.Median));
        await Expect(page.GetByText("3 Feb 2025 – 9 Feb 2025 (UTC)")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("reports.png"), FullPage = true });

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Overview as CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync((await csv.PathAsync())!);
        Assert.StartsWith("current.messagesReceived,current.messagesAnswered,", lines[0]);
        Assert.StartsWith("4,3,0.75,", lines[1]);

        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2025-01-27");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2025-02-02");
        var previous = await OverviewAsync("2025-01-27", "2025-02-02");
        await Expect(Figure(page, "Activity", "Messages received")).ToHaveTextAsync("2");
        await Expect(Figure(page, "Response rates", "Messages answered")).ToHaveTextAsync("50.0%");
        Assert.Equal((2, 1), (previous.MessagesReceived, previous.MessagesAnswered));
    }

    [Fact]
    public async Task The_tracker_measures_an_uploaded_twcs_file_as_the_command_does_and_downloads_its_reports()
    {
        var expected = Track(TwcsSample);
        var page = await TrackerPageAsync();

        await page.GetByLabel("File (TWCS CSV or JSON Lines)").SetInputFilesAsync(new FilePayload { Name = "sample.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(TwcsSample) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Measure" }).ClickAsync();

        await ExpectBrandsAsync(page, expected.Brands);
        Assert.Equal([("AcmeHelp", 2, 1), ("OtherCo", 1, 1)], expected.Brands.Select(b => (b.Brand, b.Mentions, b.Answered)));
        await Expect(page.GetByText("5 messages read, 1 bad rows skipped.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Line 7: inbound 'maybe' is neither True nor False")).ToBeVisibleAsync();

        var html = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the HTML report" }).ClickAsync());
        var report = await File.ReadAllTextAsync((await html.PathAsync())!);
        Assert.StartsWith("<!DOCTYPE html>", report);
        Assert.Contains("AcmeHelp", report);
        Assert.Contains("Source: sample.csv.", report);
        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the JSON" }).ClickAsync());
        Assert.Equal(expected.ToJson(), await File.ReadAllTextAsync((await json.PathAsync())!));
    }

    [SharedDataFact("dev/twcs-head5000.csv")]
    public async Task The_tracker_measures_the_dev_sample_of_twcs_with_the_command_s_figures()
    {
        var path = SharedData.PathOf("dev/twcs-head5000.csv");
        var expected = Track(await File.ReadAllTextAsync(path));
        var page = await TrackerPageAsync();

        await page.GetByLabel("File (TWCS CSV or JSON Lines)").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Measure" }).ClickAsync();

        await ExpectBrandsAsync(page, expected.Brands.Take(5));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Brands" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(expected.Brands.Count + 2);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("tracker.png"), FullPage = true });
    }

    /// <summary>A supervisor's tracker page, ready to take a file.</summary>
    private async Task<IPage> TrackerPageAsync()
    {
        var supervisor = await app.JoinAsync(Roles.Supervisor);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, supervisor.Email, SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Public response tracker" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public response tracker", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("File (TWCS CSV or JSON Lines)")).ToBeEnabledAsync();
        return page;
    }

    /// <summary>Each brand's row of the page's table holds the figures of the tracker's report.</summary>
    private static async Task ExpectBrandsAsync(IPage page, IEnumerable<BrandResponse> brands)
    {
        foreach (var brand in brands)
        {
            var times = brand.ResponseTimeSeconds;
            await Expect(Row(page, "Brands", brand.Brand).GetByRole(AriaRole.Cell)).ToHaveTextAsync(
            [
                brand.Mentions.ToString("N0", English), brand.Answered.ToString("N0", English), brand.ResponseRate?.ToString("P1", English) ?? "—",
                Duration(times?.Mean), Duration(times?.Median), Duration(times?.P90), Duration(times?.TrimmedMean95),
            ]);
        }
    }

    private static string Duration(double? seconds) => seconds is { } value ? ResponseDuration.Format(value) : "—";

    private static ILocator Row(IPage page, string table, string header) =>
        page.GetByRole(AriaRole.Table, new() { Name = table }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = true }) });

    private static ILocator Figure(IPage page, string table, string figure) => Row(page, table, figure).GetByRole(AriaRole.Cell).First;

    private async Task<PeriodFigures> OverviewAsync(string from, string to) =>
        (await app.Api.GetFromJsonAsync<ReportTable<OverviewRow>>($"/api/v1/reports/overview?from={from}&to={to}", SocialDeskFactory.Json))!.Rows.Single().Current;

    /// <summary>What <c>socialdesk track</c> measures in the text.</summary>
    private static TrackerReport Track(string twcs)
    {
        var log = new PublicMessageLog();
        TrackerInput.Read(new MemoryStream(Encoding.UTF8.GetBytes(twcs)), TrackerInput.Twcs, log);
        return ResponseTracker.Measure(log, []);
    }
}
