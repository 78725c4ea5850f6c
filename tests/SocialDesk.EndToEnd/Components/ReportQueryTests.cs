using SocialDesk.Features.Reporting;
using SocialDesk.Web.Reports;

namespace SocialDesk.EndToEnd.Components;

/// <summary>The period the reports page asks for, read as the report endpoints read it.</summary>
public sealed class ReportQueryTests
{
    private static readonly DateTimeOffset LateSunday = new(2026, 11, 29, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_days_end_today_in_the_user_s_time_zone()
    {
        Assert.Equal(new ReportQuery("2026-11-24", "2026-11-30", "Europe/Paris"), ReportQuery.LastDays(7, "Europe/Paris", LateSunday));
        Assert.Equal(new ReportQuery("2026-10-31", "2026-11-29", null), ReportQuery.LastDays(30, null, LateSunday));
    }

    [Fact]
    public void Without_dates_the_period_is_the_api_s_default_week_with_the_period_before_and_the_year_before()
    {
        var periods = new ReportQuery(null, null, "Europe/Paris").Read(LateSunday, out var error)!;

        Assert.Null(error);
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 30)), (periods.Current.From, periods.Current.To));
        Assert.Equal(new DateOnly(2026, 11, 17), periods.Previous.From);
        Assert.Equal(new DateOnly(2025, 11, 24), periods.YearBefore.From);
    }

    [Fact]
    public void A_period_the_api_refuses_comes_with_its_reason()
    {
        Assert.Null(new ReportQuery("2026-11-30", "2026-11-01", null).Read(LateSunday, out var error));
        Assert.Contains("must run forwards", error);
    }

    [Fact]
    public void The_csv_link_asks_the_report_endpoint_for_the_same_period()
    {
        var periods = new ReportQuery("2026-11-01", "2026-11-07", "Europe/Paris").Read(LateSunday, out _)!;

        Assert.Equal("api/v1/reports/volumes/hour?from=2026-11-01&to=2026-11-07&tz=Europe%2FParis&format=csv", ReportQuery.CsvPath("volumes/hour", periods));
        Assert.Equal("reports?from=2026-11-01&to=2026-11-07", new ReportQuery("2026-11-01", "2026-11-07", "Europe/Paris").PagePath());
    }

    [Fact]
    public void Business_hours_stay_with_the_page_and_its_csv_links()
    {
        var query = new ReportQuery("2026-11-01", "2026-11-07", null, ReportQuery.BusinessHours);
        var periods = query.Read(LateSunday, out _)!;

        Assert.Equal(ReportHours.Business, periods.Hours);
        Assert.Equal("api/v1/reports/teams?from=2026-11-01&to=2026-11-07&tz=UTC&hours=business&format=csv", ReportQuery.CsvPath("teams", periods));
        Assert.Equal("reports?from=2026-11-01&to=2026-11-07&hours=business", query.PagePath());
        Assert.Null(new ReportQuery(null, null, null, "office").Read(LateSunday, out var error));
        Assert.Contains("calendar or business", error);
    }
}
