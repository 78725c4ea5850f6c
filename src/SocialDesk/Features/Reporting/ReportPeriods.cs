using System.Globalization;
using System.Text.Json.Serialization;
using SocialDesk.Data;

namespace SocialDesk.Features.Reporting;

/// <summary>How report durations are measured: all the time, or the business hours of the team holding the conversation (24/7 for none).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportHours>))]
public enum ReportHours
{
    Calendar,
    Business,
}

/// <summary>Whole days, <see cref="From"/> to <see cref="To"/> included, in the report's time zone; <see cref="Start"/> and <see cref="End"/> (excluded) in UTC.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateTime Start, DateTime End)
{
    /// <summary>The UTC days wholly inside the period, which reports read by the day: from its first UTC midnight to its last; empty when there is none.</summary>
    public (DateTime Start, DateTime End) WholeUtcDays()
    {
        var start = Start == Start.Date ? Start : Start.Date.AddDays(1);
        var end = End.Date;
        return start < end ? (start, end) : (End, End);
    }

    /// <summary>The rest of the period: its partial UTC days before and after the whole ones (a time zone's offset), or all of it when it holds no whole day.</summary>
    public IEnumerable<(DateTime Start, DateTime End)> PartialUtcDays()
    {
        var whole = WholeUtcDays();
        (DateTime Start, DateTime End)[] parts = whole.Start < whole.End ? [(Start, whole.Start), (whole.End, End)] : [(Start, End)];
        return parts.Where(p => p.Start < p.End);
    }
}

/// <summary>
/// The period a report covers, side by side with the period of the same length just before it and with the same
/// dates a year before. Days and hours are read in <see cref="TimeZone"/> (UTC unless asked); durations are measured
/// in <see cref="Hours"/>.
/// </summary>
public sealed record ReportPeriods(ReportPeriod Current, ReportPeriod Previous, ReportPeriod YearBefore, string TimeZone, ReportHours Hours)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 366;

    [JsonIgnore]
    public TimeZoneInfo Zone { get; private init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> (ISO dates, both included), <c>tz</c> (an IANA time zone) and <c>hours</c>
    /// (calendar, the default, or business). A missing date makes a period of <see cref="DefaultDays"/> days with the
    /// other; without either, the last <see cref="DefaultDays"/> days, today included. Returns null with a reason a
    /// person understands.
    /// </summary>
    public static ReportPeriods? Read(string? from, string? to, string? tz, string? hours, DateTimeOffset now, out string? error)
    {
        var measured = ReportHours.Calendar;
        if (hours is not null && (!Enum.TryParse(hours, ignoreCase: true, out measured) || !Enum.IsDefined(measured)))
        {
            error = $"hours must be calendar or business; '{hours}' is neither.";
            return null;
        }

        var zone = TimeZoneInfo.Utc;
        if (tz is not null)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found))
            {
                error = $"tz '{tz}' is not a known IANA time zone, such as Europe/Paris or America/New_York.";
                return null;
            }

            zone = found;
        }

        if (!TryReadDate(from, "from", out var first, out error) || !TryReadDate(to, "to", out var last, out error))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var lastDay = last ?? first?.AddDays(DefaultDays - 1) ?? today;
        var firstDay = first ?? lastDay.AddDays(-(DefaultDays - 1));
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        if (days < 1 || days > MaxDays)
        {
            error = $"The period must run forwards, from {firstDay:yyyy-MM-dd} to a later or equal date, and last at most {MaxDays} days.";
            return null;
        }

        error = null;
        return new ReportPeriods(
            Period(firstDay, lastDay, zone),
            Period(firstDay.AddDays(-days), firstDay.AddDays(-1), zone),
            Period(firstDay.AddYears(-1), lastDay.AddYears(-1), zone),
            zone.Id,
            measured)
        {
            Zone = zone,
        };
    }

    /// <summary>
    /// Reads the current, previous and year-before periods at once, each on a connection of its own: they are
    /// independent, so a report waits for the slowest of them rather than for the sum. The same dates are read once
    /// (a year's previous period is the year before).
    /// </summary>
    public async Task<T[]> EachAsync<T>(IServiceScopeFactory scopes, Func<AppDbContext, ReportPeriod, Task<T>> read)
    {
        ReportPeriod[] all = [Current, Previous, YearBefore];
        var distinct = all.Distinct().ToList();
        var results = await Task.WhenAll(distinct.Select(async period =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>(), period);
        }));
        return [.. all.Select(period => results[distinct.IndexOf(period)])];
    }

    private static bool TryReadDate(string? value, string name, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (value is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        error = $"{name} must be a date written yyyy-MM-dd, such as 2026-11-01; '{value}' is not.";
        return false;
    }

    private static ReportPeriod Period(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        new(from, to, StartOfDay(from, zone), StartOfDay(to.AddDays(1), zone));

    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);

        // Where a clock change skips midnight, the day starts at its first minute that exists (offsets move in quarter hours).
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
