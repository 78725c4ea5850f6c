using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Web.Reports;

namespace SocialDesk.EndToEnd.Components;

/// <summary>The tracker page reads a JSON Lines upload as such, from its name, and refuses a file over its limit at once.</summary>
public sealed class TrackerPageTests : ComponentContext
{
    private const string Jsonl = """
        {"tweet_id":1,"author_id":"cust1","inbound":true,"created_at":"2017-10-31T10:00:00Z","text":"@AcmeHelp my bill is wrong"}
        {"tweet_id":2,"author_id":"AcmeHelp","inbound":false,"created_at":"2017-10-31T10:42:00Z","text":"@cust1 Sorry!","in_response_to_tweet_id":1}
        not json
        """;

    public TrackerPageTests() => Bunit.Services.AddSingleton(TimeProvider.System);

    [Fact]
    public void A_jsonl_upload_is_measured_as_jsonl_and_its_bad_lines_are_listed()
    {
        var page = Bunit.Render<TrackerPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Jsonl, "mentions.jsonl"));
        page.FindAll("button").Single(button => button.TextContent.Trim() == "Measure").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["AcmeHelp", "1", "1", 1.0.ToString("P1", System.Globalization.CultureInfo.CurrentCulture), "42 min 00 s", "42 min 00 s", "42 min 00 s", "42 min 00 s"],
            page.FindAll("#brands tbody tr:first-child > *").Select(cell => cell.TextContent)));
        Assert.Contains("Line 3: not valid JSON", page.Find(".bad-rows").TextContent);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_sent()
    {
        var page = Bunit.Render<TrackerPage>();

        var tooLarge = new InputFileChangeEventArgs([new ChosenFile("year.csv", 300L * 1024 * 1024)]);
        await page.InvokeAsync(() => page.FindComponent<InputFile>().Instance.OnChange.InvokeAsync(tooLarge));

        Assert.Equal("year.csv is 300 MB: the limit is 200 MB. Measure it with socialdesk track instead.", page.Find("[role=alert]").TextContent);
        Assert.True(page.FindAll("button").Single(button => button.TextContent.Trim() == "Measure").HasAttribute("disabled"));
    }

    /// <summary>A file the browser offers, of which the page only learns the name and size before it asks for the content.</summary>
    private sealed record ChosenFile(string Name, long Size) : IBrowserFile
    {
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public string ContentType => "text/csv";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The page must not read a file over its limit.");
    }
}
