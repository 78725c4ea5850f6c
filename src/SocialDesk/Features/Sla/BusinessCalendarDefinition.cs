using NodaTime;
using NodaTime.Text;

namespace SocialDesk.Features.Sla;

/// <summary>
/// A team's business calendar as the API reads and writes it (System.Text.Json, camelCase):
/// <c>{"timeZone":"Europe/Paris","hours":{"monday":[{"from":"09:00","to":"12:30"},{"from":"14:00","to":"18:00"}]},
/// "holidays":["2026-12-25"],"closures":[{"from":"2026-08-10T00:00","to":"2026-08-12T00:00"}]}</c>, or
/// <c>{"alwaysOpen":true}</c> for 24/7. Times are the team's wall-clock times; an interval may end at 24:00.
/// </summary>
public sealed record BusinessCalendarDefinition
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>Open at every instant, a plain UTC clock; then no hours, holidays or closures are given.</summary>
    public bool AlwaysOpen { get; init; }

    /// <summary>The IANA time zone of the hours, holidays and closures, such as <c>Europe/Paris</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Opening intervals by day name, <c>monday</c> to <c>sunday</c>, times as <c>HH:mm</c>; a missing day is closed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LocalRange>>? Hours { get; init; }

    /// <summary>Local dates closed all day, as <c>yyyy-MM-dd</c>.</summary>
    public IReadOnlyList<string>? Holidays { get; init; }

    /// <summary>Exceptional closures, local date-times as <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public IReadOnlyList<LocalRange>? Closures { get; init; }

    /// <summary>What is wrong with this definition, each error a sentence that names the field; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Build(errors);
        return errors;
    }

    /// <summary>The calendar this definition describes.</summary>
    /// <exception cref="InvalidOperationException">The definition is not valid (see <see cref="Validate"/>), for instance it has no open hours.</exception>
    public BusinessCalendar ToCalendar()
    {
        var errors = new List<string>();
        return Build(errors) ?? throw new InvalidOperationException($"The business calendar is not valid: {string.Join(" ", errors)}");
    }

    private BusinessCalendar? Build(List<string> errors)
    {
        var zone = ReadZone(errors);
        if (AlwaysOpen)
        {
            if (Hours is { Count: > 0 } || Holidays is { Count: > 0 } || Closures is { Count: > 0 })
            {
                errors.Add("alwaysOpen is open at every instant: it takes no hours, holidays or closures.");
            }
            return errors.Count == 0 ? BusinessCalendar.AlwaysOpen : null;
        }

        var weekly = ReadHours(errors);
        var holidays = ReadHolidays(errors);
        var closures = ReadClosures(errors);
        return errors.Count == 0 && zone is not null ? new BusinessCalendar(zone, weekly, holidays, closures) : null;
    }

    private DateTimeZone? ReadZone(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            if (!AlwaysOpen)
            {
                errors.Add("timeZone is required: an IANA name such as \"Europe/Paris\".");
            }
            return null;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone);
        if (zone is null)
        {
            errors.Add($"timeZone \"{TimeZone}\" is not an IANA time zone such as \"Europe/Paris\".");
        }
        return zone;
    }

    /// <summary>Each day's intervals as ticks after local midnight, indexed by <see cref="IsoDayOfWeek"/>.</summary>
    private (long From, long To)[][] ReadHours(List<string> errors)
    {
        var weekly = new (long From, long To)[8][];
        Array.Fill(weekly, []);
        foreach (var (name, ranges) in Hours ?? new Dictionary<string, IReadOnlyList<LocalRange>>())
        {
            int day = Array.IndexOf(DayNames, name) + 1;
            if (day == 0)
            {
                errors.Add($"hours: \"{name}\" is not a day; days are {string.Join(", ", DayNames)}.");
                continue;
            }
            var intervals = new List<(long From, long To, LocalRange Range)>();
            for (int i = 0; i < (ranges?.Count ?? 0); i++)
            {
                var range = ranges![i];
                string field = $"hours.{name}[{i}]";
                long? from = ReadTime(range?.From, $"{field}.from", errors);
                long? to = ReadTime(range?.To, $"{field}.to", errors);
                if (from is { } start && to is { } end && IsOrdered(field, range!, start < end, errors))
                {
                    intervals.Add((start, end, range!));
                }
            }
            intervals.Sort((left, right) => left.From.CompareTo(right.From));
            for (int i = 1; i < intervals.Count; i++)
            {
                if (intervals[i].From < intervals[i - 1].To)
                {
                    var (earlier, later) = (intervals[i - 1].Range, intervals[i].Range);
                    errors.Add($"hours.{name}: {earlier.From}–{earlier.To} overlaps {later.From}–{later.To}.");
                }
            }
            weekly[day] = [.. intervals.Select(interval => (interval.From, interval.To))];
        }
        if (weekly.All(intervals => intervals.Length == 0))
        {
            errors.Add("There are no open hours: give at least one day an interval, such as \"monday\": [{\"from\": \"09:00\", \"to\": \"18:00\"}], or set alwaysOpen.");
        }
        return weekly;
    }

    private List<LocalDate> ReadHolidays(List<string> errors)
    {
        var holidays = new List<LocalDate>();
        for (int i = 0; i < (Holidays?.Count ?? 0); i++)
        {
            if (Read(LocalDatePattern.Iso, Holidays![i], $"holidays[{i}]", "a date yyyy-MM-dd", errors) is { } date)
            {
                holidays.Add(date);
            }
        }
        return holidays;
    }

    private List<(LocalDateTime From, LocalDateTime To)> ReadClosures(List<string> errors)
    {
        var closures = new List<(LocalDateTime From, LocalDateTime To)>();
        for (int i = 0; i < (Closures?.Count ?? 0); i++)
        {
            var range = Closures![i];
            string field = $"closures[{i}]";
            const string Expected = "a local date-time yyyy-MM-ddTHH:mm";
            var from = Read(DateTimePattern, range?.From, $"{field}.from", Expected, errors);
            var to = Read(DateTimePattern, range?.To, $"{field}.to", Expected, errors);
            if (from is { } start && to is { } end && IsOrdered(field, range!, start < end, errors))
            {
                closures.Add((start, end));
            }
        }
        return closures;
    }

    private static long? ReadTime(string? text, string field, List<string> errors) =>
        text == "24:00" ? TimeSpan.TicksPerDay : Read(TimePattern, text, field, "a time of day HH:mm from 00:00 to 24:00", errors)?.TickOfDay;

    private static T? Read<T>(IPattern<T> pattern, string? text, string field, string expected, List<string> errors)
        where T : struct
    {
        var result = pattern.Parse(text ?? "");
        if (result.Success)
        {
            return result.Value;
        }
        errors.Add($"{field}: \"{text}\" is not {expected}.");
        return null;
    }

    private static bool IsOrdered(string field, LocalRange range, bool ordered, List<string> errors)
    {
        if (!ordered)
        {
            errors.Add($"{field}: from {range.From} is not before to {range.To}.");
        }
        return ordered;
    }
}

/// <summary>
/// A from–to pair in a team's local time, the end excluded: times of day (<c>HH:mm</c>, up to <c>24:00</c>) in opening
/// hours, date-times (<c>yyyy-MM-ddTHH:mm</c>) in closures.
/// </summary>
public sealed record LocalRange(string From, string To);
