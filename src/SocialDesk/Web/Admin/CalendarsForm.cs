using System.Globalization;
using SocialDesk.Features.Sla;

namespace SocialDesk.Web.Admin;

/// <summary>
/// The business calendar form's fields: each day's shifts, holidays and closures as rows the admin adds and removes,
/// turned into the API's definition with what is typed kept as it is (the API's checks judge it); rows left empty are dropped.
/// </summary>
public sealed class CalendarsForm
{
    /// <summary>The API's day names, Monday first, as <see cref="BusinessCalendarDefinition.Hours"/> keys them.</summary>
    public static readonly IReadOnlyList<string> Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public bool AlwaysOpen { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>Each day's shifts, in <see cref="Days"/> order.</summary>
    public IReadOnlyList<List<Interval>> Hours { get; } = [.. Days.Select(_ => new List<Interval>())];

    /// <summary>Dates closed all day, <c>yyyy-MM-dd</c>.</summary>
    public List<Holiday> Holidays { get; } = [];

    /// <summary>Exceptional closures, local date-times <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public List<Interval> Closures { get; } = [];

    public static CalendarsForm Of(SlaEndpoints.CalendarView calendar)
    {
        var definition = calendar.Definition;
        var form = new CalendarsForm { Id = calendar.Id, Name = calendar.Name, AlwaysOpen = definition.AlwaysOpen, TimeZone = definition.TimeZone };
        for (int day = 0; day < Days.Count; day++)
        {
            form.Hours[day].AddRange((definition.Hours?.GetValueOrDefault(Days[day]) ?? []).Select(Interval.Of));
        }

        form.Holidays.AddRange((definition.Holidays ?? []).Select(date => new Holiday { Date = date }));
        form.Closures.AddRange((definition.Closures ?? []).Select(Interval.Of));
        return form;
    }

    /// <summary>The request the API would get: a calendar open at every instant takes nothing else.</summary>
    public SlaEndpoints.CalendarRequest ToRequest() => new(Name, AlwaysOpen
        ? new BusinessCalendarDefinition { AlwaysOpen = true }
        : new BusinessCalendarDefinition
        {
            TimeZone = TimeZone?.Trim(),
            Hours = Days.Select((day, i) => (Day: day, Shifts: Ranges(Hours[i])))
                .Where(day => day.Shifts.Count > 0)
                .ToDictionary(day => day.Day, IReadOnlyList<LocalRange> (day) => day.Shifts),
            Holidays = [.. Holidays.Where(h => !string.IsNullOrWhiteSpace(h.Date)).Select(h => h.Date!.Trim())],
            Closures = Ranges(Closures),
        });

    /// <summary>Gives each day from Tuesday to Friday Monday's shifts.</summary>
    public void CopyMondayToWeekdays()
    {
        for (int day = 1; day < 5; day++)
        {
            Hours[day].Clear();
            Hours[day].AddRange(Hours[0].Select(shift => new Interval { From = shift.From, To = shift.To }));
        }
    }

    /// <summary>
    /// The opening hours in a line, days with the same shifts grouped (<c>Mon–Fri 09:00–12:30, 14:00–18:00 · Sat 09:00–12:00</c>),
    /// day names in the reader's language.
    /// </summary>
    public static string Summary(BusinessCalendarDefinition definition, CultureInfo culture)
    {
        var groups = new List<(int First, int Last, string Shifts)>();
        for (int day = 0; day < Days.Count; day++)
        {
            var shifts = string.Join(", ", (definition.Hours?.GetValueOrDefault(Days[day]) ?? []).Select(r => $"{r.From}–{r.To}"));
            if (shifts.Length == 0)
            {
                continue;
            }

            if (groups.Count > 0 && groups[^1].Last == day - 1 && groups[^1].Shifts == shifts)
            {
                groups[^1] = groups[^1] with { Last = day };
            }
            else
            {
                groups.Add((day, day, shifts));
            }
        }

        string Name(int day) => culture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((day + 1) % 7));
        return string.Join(" · ", groups.Select(g => (g.First == g.Last ? Name(g.First) : $"{Name(g.First)}–{Name(g.Last)}") + " " + g.Shifts));
    }

    private static List<LocalRange> Ranges(IEnumerable<Interval> rows) =>
        [.. rows.Where(row => !string.IsNullOrWhiteSpace(row.From) || !string.IsNullOrWhiteSpace(row.To)).Select(row => new LocalRange(row.From?.Trim() ?? "", row.To?.Trim() ?? ""))];

    /// <summary>A from–to row of the form: a shift's times of day, or a closure's date-times.</summary>
    public sealed class Interval
    {
        public string? From { get; set; }
        public string? To { get; set; }

        public static Interval Of(LocalRange range) => new() { From = range.From, To = range.To };
    }

    public sealed class Holiday
    {
        public string? Date { get; set; }
    }
}
