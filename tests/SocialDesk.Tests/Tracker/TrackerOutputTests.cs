using System.Text.Json;
using System.Text.RegularExpressions;

using static SocialDesk.Tests.Tracker.TrackRun;

namespace SocialDesk.Tests.Tracker;

public partial class TrackerOutputTests
{
    private static readonly string[] Conversation =
    [
        Row("1", "115712", true, 0, "@AppleSupport help"),
        Row("2", "AppleSupport", false, 4, "@115712 hi", inResponseTo: "1"),
        Row("3", "115713", true, 0, "@AmazonHelp help"),
        Row("4", "115714", true, 0, "@AmazonHelp help"),
        Row("5", "AmazonHelp", false, 1, "@115714 hi", inResponseTo: "4"),
        Row("6", "ZBrand", false, 1, "@115714 hi"),
        Row("7", "115715", true, 0, "@ABrand help"),
        Row("8", "ABrand", false, 1, "@115799 hi"),
    ];

    [Fact]
    public async Task Json_output_has_the_issue_s_shape()
    {
        var run = await TwcsAsync(Conversation);

        var root = JsonDocument.Parse(run.Json!).RootElement;
        Assert.Equal(["brands", "overall"], root.EnumerateObject().Select(property => property.Name));
        var brand = root.GetProperty("brands")[0];
        Assert.Equal(["brand", "mentions", "answered", "responseRate", "responseTimeSeconds"], brand.EnumerateObject().Select(property => property.Name));
        Assert.Equal(["mean", "median", "p90", "trimmedMean95"], brand.GetProperty("responseTimeSeconds").EnumerateObject().Select(property => property.Name));
        Assert.Equal(["mentions", "answered", "responseRate", "responseTimeSeconds"], root.GetProperty("overall").EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Json_response_times_are_null_when_nothing_was_answered()
    {
        var run = await TwcsAsync(Conversation);

        Assert.Equal(JsonValueKind.Null, run.Figures("ABrand").GetProperty("responseTimeSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, run.Figures("ZBrand").GetProperty("responseRate").ValueKind);
    }

    [Fact]
    public async Task Brands_are_sorted_by_mentions_then_by_name()
    {
        var run = await TwcsAsync(Conversation);

        var brands = JsonDocument.Parse(run.Json!).RootElement.GetProperty("brands").EnumerateArray()
            .Select(row => row.GetProperty("brand").GetString());
        Assert.Equal(["AmazonHelp", "ABrand", "AppleSupport", "ZBrand"], brands);
    }

    [Fact]
    public async Task The_console_table_has_a_row_per_brand_and_the_overall_row()
    {
        var run = await TwcsAsync(Conversation);

        var lines = run.Output.Split('\n');
        Assert.StartsWith("Brand", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("AmazonHelp", StringComparison.Ordinal) && line.Contains("50.00%") && line.Contains("1 min 00 s"));
        Assert.Contains(lines, line => line.StartsWith("(overall)", StringComparison.Ordinal) && line.Contains(" 4 ") && line.Contains("50.00%"));
    }

    [Fact]
    public async Task The_html_report_is_self_contained_with_its_charts()
    {
        var run = await TwcsAsync(Conversation);

        var html = run.Html!;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(3, SvgChart().Count(html));
        Assert.Contains("Response rate per brand", html);
        Assert.Contains("Median response time per brand", html);
        Assert.Contains("Distribution of response times", html);
        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_html_report_escapes_what_the_input_says()
    {
        var run = await TwcsAsync(
            [
                Row("1", "115712", true, 0, "@AppleSupport help"),
            ],
            "--brand", "<b>AppleSupport");

        Assert.DoesNotContain("<b>AppleSupport", run.Html);
        Assert.Contains("&lt;b&gt;AppleSupport", run.Html);
    }

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgChart();

    // Anything fetched from elsewhere: a src or href attribute, a CSS url() or @import.
    [GeneratedRegex(@"\s(src|href)\s*=|url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
