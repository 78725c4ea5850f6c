using System.Globalization;
using System.Text.Json;

using SocialDesk.Features.Sla;

namespace SocialDesk.Tests.Sla;

// Expected instants are written by hand as local wall-clock times with the offset in force then.
public class BusinessCalendarTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] EveryDay = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly Dictionary<string, BusinessCalendar> Calendars = new()
    {
        // A bank's social desk: split shift on weekdays, Saturday morning, two closures in 2026.
        ["paris-desk"] = Definition("""
            {
              'timeZone': 'Europe/Paris',
              'hours': {
                'monday': [{'from': '09:00', 'to': '12:30'}, {'from': '14:00', 'to': '18:00'}],
                'tuesday': [{'from': '09:00', 'to': '12:30'}, {'from': '14:00', 'to': '18:00'}],
                'wednesday': [{'from': '09:00', 'to': '12:30'}, {'from': '14:00', 'to': '18:00'}],
                'thursday': [{'from': '09:00', 'to': '12:30'}, {'from': '14:00', 'to': '18:00'}],
                'friday': [{'from': '09:00', 'to': '12:30'}, {'from': '14:00', 'to': '18:00'}],
                'saturday': [{'from': '09:00', 'to': '12:00'}]
              },
              'holidays': ['2026-05-01', '2026-12-25', '2027-01-01'],
              'closures': [{'from': '2026-08-10T00:00', 'to': '2026-08-12T00:00'}, {'from': '2026-06-18T15:00', 'to': '2026-06-19T10:00'}]
            }
            """).ToCalendar(),
        ["paris-telecom"] = OnDays("Europe/Paris", EveryDay[..6], new LocalRange("08:00", "20:00")),
        ["paris-round-the-clock"] = OnDays("Europe/Paris", EveryDay, new LocalRange("00:00", "24:00")),
        ["new-york-round-the-clock"] = OnDays("America/New_York", EveryDay, new LocalRange("00:00", "24:00")),
        ["paris-night-desk"] = OnDays("Europe/Paris", EveryDay, new LocalRange("00:00", "06:00"), new LocalRange("22:00", "24:00")),
        ["new-york-night-desk"] = OnDays("America/New_York", EveryDay, new LocalRange("00:00", "06:00"), new LocalRange("22:00", "24:00")),
        ["paris-sunday-from-skipped-hour"] = OnDays("Europe/Paris", ["sunday"], new LocalRange("02:30", "05:00")),
        ["paris-sunday-to-repeated-hour"] = OnDays("Europe/Paris", ["sunday"], new LocalRange("00:00", "02:30")),
        ["always-open"] = BusinessCalendar.AlwaysOpen,
    };

    [Theory]
    [InlineData("2026-06-16T10:00+02:00", "2026-06-16T10:30+02:00")]
    [InlineData("2026-01-13T16:15+01:00", "2026-01-13T16:45+01:00")]
    [InlineData("2026-06-13T10:00+02:00", "2026-06-13T10:30+02:00")]
    public void Thirty_minutes_within_opening_hours_are_due_thirty_minutes_later(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-06-11T17:50+02:00", "2026-06-12T09:20+02:00")]
    [InlineData("2026-01-13T17:45+01:00", "2026-01-14T09:15+01:00")]
    public void Thirty_minutes_across_closing_time_continue_at_next_opening(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-06-16T07:00+02:00", "2026-06-16T09:30+02:00")]
    [InlineData("2026-06-16T22:00+02:00", "2026-06-17T09:30+02:00")]
    public void A_clock_started_outside_hours_starts_at_the_next_opening(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-06-16T12:20+02:00", "2026-06-16T14:20+02:00")]
    [InlineData("2026-06-16T13:00+02:00", "2026-06-16T14:30+02:00")]
    public void Thirty_minutes_across_the_break_of_a_split_shift_continue_after_it(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-06-12T17:50+02:00", "2026-06-13T09:20+02:00")]
    [InlineData("2026-06-13T11:50+02:00", "2026-06-15T09:20+02:00")]
    [InlineData("2026-06-14T15:00+02:00", "2026-06-15T09:30+02:00")]
    public void Thirty_minutes_over_the_weekend_continue_on_the_next_open_day(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-12-24T17:50+01:00", "2026-12-26T09:20+01:00")]
    [InlineData("2026-04-30T17:45+02:00", "2026-05-02T09:15+02:00")]
    [InlineData("2026-05-01T10:00+02:00", "2026-05-02T09:30+02:00")]
    public void Thirty_minutes_over_a_holiday_continue_on_the_next_open_day(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-08-08T11:50+02:00", "2026-08-12T09:20+02:00")]
    [InlineData("2026-08-10T10:00+02:00", "2026-08-12T09:30+02:00")]
    [InlineData("2026-06-18T14:50+02:00", "2026-06-19T10:20+02:00")]
    public void Thirty_minutes_over_an_exceptional_closure_continue_after_it(string start, string due) =>
        AssertDue("paris-desk", start, 30, due);

    [Theory]
    [InlineData("2026-06-14T15:00+02:00", "2026-06-15T09:00+02:00")]
    [InlineData("2026-06-16T18:00+02:00", "2026-06-17T09:00+02:00")]
    [InlineData("2026-06-16T12:30+02:00", "2026-06-16T14:00+02:00")]
    [InlineData("2026-06-16T10:00+02:00", "2026-06-16T10:00+02:00")]
    public void No_time_at_all_is_due_at_the_next_open_instant(string start, string due) =>
        AssertDue("paris-desk", start, 0, due);

    [Fact]
    public void A_target_running_out_at_closing_time_is_due_at_closing_time() =>
        AssertDue("paris-desk", "2026-06-16T17:30+02:00", 30, "2026-06-16T18:00+02:00");

    [Theory]
    [InlineData("paris-desk", "2026-06-15T10:00+02:00", 8, "2026-06-16T10:30+02:00")]
    [InlineData("paris-desk", "2026-06-15T10:00+02:00", 24, "2026-06-18T11:30+02:00")]
    [InlineData("paris-desk", "2026-12-24T14:00+01:00", 24, "2026-12-30T11:00+01:00")]
    [InlineData("paris-desk", "2026-08-07T14:00+02:00", 8, "2026-08-12T10:00+02:00")]
    [InlineData("paris-desk", "2026-12-31T17:00+01:00", 8, "2027-01-04T14:30+01:00")]
    [InlineData("paris-desk", "2026-03-27T15:00+01:00", 8, "2026-03-30T11:00+02:00")]
    [InlineData("paris-telecom", "2026-10-23T18:00+02:00", 24, "2026-10-26T18:00+01:00")]
    [InlineData("paris-telecom", "2026-10-24T16:00+02:00", 8, "2026-10-26T12:00+01:00")]
    public void Resolution_targets_of_8_and_24_hours_span_several_days(string calendar, string start, int hours, string due) =>
        AssertDue(calendar, start, hours * 60, due);

    [Theory]
    [InlineData("paris-round-the-clock", "2026-03-29T01:30+01:00", 60, "2026-03-29T03:30+02:00")]
    [InlineData("paris-round-the-clock", "2026-03-28T12:00+01:00", 1440, "2026-03-29T13:00+02:00")]
    [InlineData("paris-round-the-clock", "2026-10-25T01:30+02:00", 120, "2026-10-25T02:30+01:00")]
    [InlineData("paris-round-the-clock", "2026-10-24T12:00+02:00", 1440, "2026-10-25T11:00+01:00")]
    [InlineData("new-york-round-the-clock", "2026-03-08T01:30-05:00", 60, "2026-03-08T03:30-04:00")]
    [InlineData("new-york-round-the-clock", "2026-03-07T12:00-05:00", 1440, "2026-03-08T13:00-04:00")]
    [InlineData("new-york-round-the-clock", "2026-11-01T01:30-04:00", 60, "2026-11-01T01:30-05:00")]
    [InlineData("new-york-round-the-clock", "2026-10-31T12:00-04:00", 1440, "2026-11-01T11:00-05:00")]
    public void Round_the_clock_in_local_time_counts_real_hours_across_daylight_saving_changes(string calendar, string start, int minutes, string due) =>
        AssertDue(calendar, start, minutes, due);

    [Theory]
    [InlineData("paris-round-the-clock", "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", 23)]
    [InlineData("paris-round-the-clock", "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", 25)]
    [InlineData("new-york-round-the-clock", "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", 23)]
    [InlineData("new-york-round-the-clock", "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", 25)]
    public void A_local_day_of_daylight_saving_change_holds_23_or_25_business_hours(string calendar, string from, string to, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Calendars[calendar].BusinessTimeBetween(At(from), At(to)));

    [Theory]
    [InlineData("paris-night-desk", "2026-03-28T23:00+01:00", 3, "2026-03-29T03:00+02:00")]
    [InlineData("paris-night-desk", "2026-03-28T23:00+01:00", 6, "2026-03-29T06:00+02:00")]
    [InlineData("paris-night-desk", "2026-03-28T23:00+01:00", 7, "2026-03-29T23:00+02:00")]
    [InlineData("paris-night-desk", "2026-10-24T23:00+02:00", 4, "2026-10-25T02:00+01:00")]
    [InlineData("paris-night-desk", "2026-10-24T23:00+02:00", 8, "2026-10-25T06:00+01:00")]
    [InlineData("new-york-night-desk", "2026-03-07T23:00-05:00", 3, "2026-03-08T03:00-04:00")]
    [InlineData("new-york-night-desk", "2026-03-07T23:00-05:00", 6, "2026-03-08T06:00-04:00")]
    [InlineData("new-york-night-desk", "2026-10-31T23:00-04:00", 4, "2026-11-01T02:00-05:00")]
    [InlineData("new-york-night-desk", "2026-10-31T23:00-04:00", 8, "2026-11-01T06:00-05:00")]
    public void Opening_hours_spanning_a_daylight_saving_change_count_the_hours_that_really_pass(string calendar, string start, int hours, string due) =>
        AssertDue(calendar, start, hours * 60, due);

    [Fact]
    public void An_interval_starting_in_the_skipped_hour_opens_when_the_clock_jumps()
    {
        var calendar = Calendars["paris-sunday-from-skipped-hour"];

        Assert.Equal(At("2026-03-29T03:00+02:00"), calendar.AddBusinessTime(At("2026-03-29T00:00+01:00"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(At("2026-03-29T00:00+01:00"), At("2026-03-30T00:00+02:00")));
    }

    [Fact]
    public void An_interval_ending_in_the_repeated_hour_closes_at_its_second_occurrence()
    {
        var calendar = Calendars["paris-sunday-to-repeated-hour"];

        Assert.Equal(At("2026-10-25T02:30+01:00"), calendar.AddBusinessTime(At("2026-10-25T00:00+02:00"), TimeSpan.FromMinutes(210)));
        Assert.Equal(TimeSpan.FromMinutes(210), calendar.BusinessTimeBetween(At("2026-10-25T00:00+02:00"), At("2026-10-26T00:00+01:00")));
    }

    [Theory]
    [InlineData("2026-03-29T00:30Z", 30, "2026-03-29T01:00Z")]
    [InlineData("2026-03-28T12:00Z", 1440, "2026-03-29T12:00Z")]
    [InlineData("2026-06-14T03:00Z", 480, "2026-06-14T11:00Z")]
    public void The_always_open_calendar_is_a_plain_utc_clock(string start, int minutes, string due)
    {
        AssertDue("always-open", start, minutes, due);
        Assert.Equal(TimeSpan.FromMinutes(minutes), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(At(start), At(due)));
    }

    [Fact]
    public void An_always_open_definition_gives_the_always_open_calendar() =>
        Assert.Same(BusinessCalendar.AlwaysOpen, Definition("{'alwaysOpen': true}").ToCalendar());

    [Theory]
    [InlineData("paris-desk")]
    [InlineData("paris-telecom")]
    [InlineData("paris-night-desk")]
    [InlineData("new-york-night-desk")]
    [InlineData("new-york-round-the-clock")]
    [InlineData("paris-sunday-to-repeated-hour")]
    [InlineData("always-open")]
    public void Business_time_from_a_start_to_its_due_time_is_the_duration(string name)
    {
        var calendar = Calendars[name];
        var random = new Random(20260329);
        var first = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < 3000; i++)
        {
            var start = first.AddTicks(random.NextInt64(3 * 365 * TimeSpan.TicksPerDay));
            var duration = new TimeSpan(random.NextInt64((i % 3) switch
            {
                0 => TimeSpan.TicksPerHour,
                1 => 2 * TimeSpan.TicksPerDay,
                _ => 30 * TimeSpan.TicksPerDay,
            }));

            var due = calendar.AddBusinessTime(start, duration);

            Assert.True(due >= start, $"{name}: {start:O} + {duration} gave {due:O}");
            Assert.Equal(duration, calendar.BusinessTimeBetween(start, due));
        }
    }

    [Fact]
    public void Business_time_between_instants_in_reverse_order_is_negative() =>
        Assert.Equal(
            TimeSpan.FromMinutes(-30),
            Calendars["paris-desk"].BusinessTimeBetween(At("2026-06-12T09:20+02:00"), At("2026-06-11T17:50+02:00")));

    [Fact]
    public void Instants_in_local_time_are_refused() =>
        Assert.Throws<ArgumentException>(() => Calendars["paris-desk"].AddBusinessTime(new DateTime(2026, 6, 16, 10, 0, 0, DateTimeKind.Local), TimeSpan.Zero));

    [Theory]
    [InlineData("{'timeZone': 'Europe/Pariss', 'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}}",
        "timeZone \"Europe/Pariss\" is not an IANA time zone such as \"Europe/Paris\".")]
    [InlineData("{'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}}",
        "timeZone is required: an IANA name such as \"Europe/Paris\".")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '18:00', 'to': '09:00'}], 'tuesday': [{'from': '09:00', 'to': '18:00'}]}}",
        "hours.monday[0]: from 18:00 is not before to 09:00.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '09:00', 'to': '12:30'}, {'from': '12:00', 'to': '18:00'}]}}",
        "hours.monday: 09:00–12:30 overlaps 12:00–18:00.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '9h', 'to': '18:00'}], 'tuesday': [{'from': '09:00', 'to': '18:00'}]}}",
        "hours.monday[0].from: \"9h\" is not a time of day HH:mm from 00:00 to 24:00.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'mondey': [{'from': '09:00', 'to': '18:00'}], 'tuesday': [{'from': '09:00', 'to': '18:00'}]}}",
        "hours: \"mondey\" is not a day; days are monday, tuesday, wednesday, thursday, friday, saturday, sunday.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}, 'holidays': ['25/12/2026']}",
        "holidays[0]: \"25/12/2026\" is not a date yyyy-MM-dd.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}, 'closures': [{'from': '2026-08-12T00:00', 'to': '2026-08-10T00:00'}]}",
        "closures[0]: from 2026-08-12T00:00 is not before to 2026-08-10T00:00.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}, 'closures': [{'from': '2026-08-10 00:00', 'to': '2026-08-12T00:00'}]}",
        "closures[0].from: \"2026-08-10 00:00\" is not a local date-time yyyy-MM-ddTHH:mm.")]
    [InlineData("{'timeZone': 'Europe/Paris', 'hours': {'monday': [], 'sunday': []}}",
        "There are no open hours: give at least one day an interval, such as \"monday\": [{\"from\": \"09:00\", \"to\": \"18:00\"}], or set alwaysOpen.")]
    [InlineData("{'alwaysOpen': true, 'hours': {'monday': [{'from': '09:00', 'to': '18:00'}]}}",
        "alwaysOpen is open at every instant: it takes no hours, holidays or closures.")]
    public void An_invalid_definition_is_explained(string json, string error) =>
        Assert.Equal([error], Definition(json).Validate());

    [Fact]
    public void A_calendar_without_open_hours_cannot_be_built()
    {
        var definition = Definition("{'timeZone': 'Europe/Paris', 'hours': {}}");

        var error = Assert.Throws<InvalidOperationException>(() => definition.ToCalendar());

        Assert.Contains("There are no open hours", error.Message);
    }

    [Fact]
    public void The_api_shape_reads_and_validates()
    {
        var definition = JsonSerializer.Deserialize<BusinessCalendarDefinition>(
            """
            {"timeZone":"Europe/Paris","hours":{"monday":[{"from":"09:00","to":"12:30"},{"from":"14:00","to":"18:00"}],"friday":[{"from":"18:00","to":"24:00"}]},
             "holidays":["2026-12-25"],"closures":[{"from":"2026-08-10T00:00","to":"2026-08-12T00:00"}]}
            """,
            Web)!;

        Assert.Empty(definition.Validate());
        Assert.Equal(["09:00", "14:00"], definition.Hours!["monday"].Select(range => range.From));
        Assert.Equal(At("2026-06-13T00:00+02:00"), definition.ToCalendar().AddBusinessTime(At("2026-06-12T17:00+02:00"), TimeSpan.FromHours(6)));
    }

    [Fact]
    public void A_definition_is_written_in_camel_case()
    {
        var definition = new BusinessCalendarDefinition { TimeZone = "Europe/Paris", Holidays = ["2026-12-25"] };

        Assert.Equal(
            """{"alwaysOpen":false,"timeZone":"Europe/Paris","hours":null,"holidays":["2026-12-25"],"closures":null}""",
            JsonSerializer.Serialize(definition, Web));
    }

    private static void AssertDue(string calendar, string start, int minutes, string due) =>
        Assert.Equal(At(due), Calendars[calendar].AddBusinessTime(At(start), TimeSpan.FromMinutes(minutes)));

    private static DateTime At(string localWithOffset) =>
        DateTimeOffset.Parse(localWithOffset, CultureInfo.InvariantCulture).UtcDateTime;

    // Single quotes keep the JSON readable inside C# strings.
    private static BusinessCalendarDefinition Definition(string json) =>
        JsonSerializer.Deserialize<BusinessCalendarDefinition>(json.Replace('\'', '"'), Web)!;

    private static BusinessCalendar OnDays(string timeZone, string[] days, params LocalRange[] ranges) =>
        new BusinessCalendarDefinition
        {
            TimeZone = timeZone,
            Hours = days.ToDictionary(day => day, _ => (IReadOnlyList<LocalRange>)ranges),
        }.ToCalendar();
}
