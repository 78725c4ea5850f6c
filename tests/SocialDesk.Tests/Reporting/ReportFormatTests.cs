namespace SocialDesk.Tests.Reporting;

public sealed class ReportFormatTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Without_dates_a_report_covers_the_last_seven_days_today_included()
    {
        app.Clock.Set(ReportingApp.At("2024-09-15T12:00:00Z"));

        var periods = (await app.OverviewAsync("")).Periods;

        Assert.Equal((new DateOnly(2024, 9, 9), new DateOnly(2024, 9, 15)), (periods.Current.From, periods.Current.To));
        Assert.Equal((ReportingApp.At("2024-09-09T00:00:00Z"), ReportingApp.At("2024-09-16T00:00:00Z")), (periods.Current.Start, periods.Current.End));
        Assert.Equal((new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 8)), (periods.Previous.From, periods.Previous.To));
        Assert.Equal((new DateOnly(2023, 9, 9), new DateOnly(2023, 9, 15)), (periods.YearBefore.From, periods.YearBefore.To));
        Assert.Equal("UTC", periods.TimeZone);
    }

    [Fact]
    public async Task Each_table_is_csv_when_asked_by_accept_header_or_by_format()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/overview?from=2024-03-04&to=2024-03-10");
        request.Headers.Accept.ParseAdd("text/csv");

        var overview = await app.Api.SendAsync(request);
        var hours = await app.Api.GetAsync("/api/v1/reports/volumes/hour?from=2024-03-04&to=2024-03-10&format=csv");
        var agents = await app.Api.GetAsync("/api/v1/reports/agents?from=2024-03-04&to=2024-03-10&format=csv");

        Assert.Equal("text/csv", overview.Content.Headers.ContentType!.MediaType);
        var overviewLines = (await overview.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, overviewLines.Length);
        Assert.StartsWith("current.messagesReceived,current.messagesAnswered,current.messageResponseRate,", overviewLines[0], StringComparison.Ordinal);
        Assert.Contains(",current.firstResponseSeconds.mean,current.firstResponseSeconds.median,", overviewLines[0], StringComparison.Ordinal);
        Assert.StartsWith("0,0,,0,0,,0,,,,,", overviewLines[1], StringComparison.Ordinal);
        var hourLines = (await hours.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["key,label,current,previous,yearBefore", "00,,0,0,0"], hourLines[..2]);
        Assert.Equal(25, hourLines.Length);
        Assert.Equal("agentId,agent,current.replies,current.firstResponses", string.Join(',', (await agents.Content.ReadAsStringAsync()).Split("\r\n")[0].Split(',')[..4]));
    }

    [Fact]
    public void A_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var csv = System.Text.Encoding.UTF8.GetString(Features.Reporting.ReportCsv.Write<Named>([new("=HYPERLINK(\"https://evil.example\")", -5), new("@SUM(A1)", 3), new("Support", 1)]));

        Assert.Equal(["name,count", "\"'=HYPERLINK(\"\"https://evil.example\"\")\",-5", "\"'@SUM(A1)\",3", "Support,1"], csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    public sealed record Named(string Name, int Count);

    [Theory]
    [InlineData("?from=2024-3-4", "yyyy-MM-dd")]
    [InlineData("?from=2024-03-10&to=2024-03-04", "run forwards")]
    [InlineData("?from=2023-01-01&to=2024-03-04", "at most 366 days")]
    [InlineData("?tz=Mars/Olympus_Mons", "IANA time zone")]
    [InlineData("?format=xml", "json or csv")]
    public async Task A_bad_period_or_format_is_explained(string query, string explanation)
    {
        var response = await app.Api.GetAsync($"/api/v1/reports/overview{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_volume_dimension_is_explained()
    {
        var response = await app.Api.GetAsync("/api/v1/reports/volumes/weather");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("channel, topic, sentiment, language, hour", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_need_an_api_token()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/reports/overview");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
