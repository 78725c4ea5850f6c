using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SocialDesk.Features.Reporting;

namespace SocialDesk.Web.Reports;

/// <summary>
/// The period the reports page asks for, as the report endpoints take it: <c>from</c> and <c>to</c> dates (none for the
/// API's default week) in the user's time zone, and the hours durations are measured in (<c>business</c>, or none for
/// calendar time).
/// </summary>
public sealed record ReportQuery(string? From, string? To, string? TimeZone, string? Hours = null)
{
    public const string BusinessHours = "business";

    /// <summary>The presets the page offers: the last so many days, today included.</summary>
    public static readonly int[] PresetDays = [7, 30, 90, 365];

    /// <summary>The last <paramref name="days"/> days, today (in the time zone) included.</summary>
    public static ReportQuery LastDays(int days, string? timeZone, DateTimeOffset now)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new ReportQuery(Date(today.AddDays(1 - days)), Date(today), timeZone);
    }

    /// <summary>The periods the report endpoints would compare for this query, or null with the API's reason.</summary>
    public ReportPeriods? Read(DateTimeOffset now, out string? error) => ReportPeriods.Read(From, To, TimeZone, Hours, now, out error);

    /// <summary>The page's own address for this period.</summary>
    public string PagePath() => QueryHelpers.AddQueryString("reports", Parameters(From, To, null, Hours));

    /// <summary>The report endpoint's CSV of one table for exactly these periods.</summary>
    public static string CsvPath(string report, ReportPeriods periods) =>
        QueryHelpers.AddQueryString($"api/v1/reports/{report}", Parameters(
            Date(periods.Current.From), Date(periods.Current.To), periods.TimeZone, periods.Hours == ReportHours.Business ? BusinessHours : null).Append(new("format", "csv")));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string?>> Parameters(string? from, string? to, string? tz, string? hours) =>
        new KeyValuePair<string, string?>[] { new("from", from), new("to", to), new("tz", tz), new("hours", hours) }.Where(p => p.Value is not null);
}
