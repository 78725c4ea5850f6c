using System.Globalization;
using SocialDesk.Features.Sla;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class CalendarsFormTests
{
    [Fact]
    public void A_split_shift_a_holiday_and_a_closure_become_the_api_s_definition_and_the_api_accepts_it()
    {
        var form = new CalendarsForm { Name = "Lyon", TimeZone = " Europe/Paris " };
        form.Hours[0].AddRange([new() { From = "09:00", To = "12:30" }, new() { From = "14:00", To = "18:00" }]);
        form.Hours[5].Add(new() { From = "09:00", To = "12:00" });
        form.Holidays.Add(new() { Date = "2026-12-25" });
        form.Closures.Add(new() { From = "2026-08-10T00:00", To = "2026-08-12T00:00" });

        var request = form.ToRequest();

        Assert.Equal("Lyon", request.Name);
        var definition = request.Definition!;
        Assert.Equal("Europe/Paris", definition.TimeZone);
        Assert.Equal(["monday", "saturday"], definition.Hours!.Keys.Order());
        Assert.Equal([new LocalRange("09:00", "12:30"), new LocalRange("14:00", "18:00")], definition.Hours["monday"]);
        Assert.Equal(["2026-12-25"], definition.Holidays);
        Assert.Equal([new LocalRange("2026-08-10T00:00", "2026-08-12T00:00")], definition.Closures);
        Assert.Empty(definition.Validate());
    }

    [Fact]
    public void Rows_left_empty_are_dropped_and_a_half_filled_one_goes_to_the_api_s_checks()
    {
        var form = new CalendarsForm { Name = "Half", TimeZone = "Europe/Paris" };
        form.Hours[0].AddRange([new(), new() { From = "09:00" }]);
        form.Holidays.Add(new() { Date = " " });

        var definition = form.ToRequest().Definition!;

        Assert.Equal([new LocalRange("09:00", "")], definition.Hours!["monday"]);
        Assert.Empty(definition.Holidays!);
        Assert.Contains(definition.Validate(), error => error.Contains("hours.monday[0].to", StringComparison.Ordinal));
    }

    [Fact]
    public void A_calendar_open_at_every_instant_sends_nothing_else()
    {
        var form = new CalendarsForm { Name = "Always", AlwaysOpen = true, TimeZone = "Europe/Paris" };
        form.Hours[0].Add(new() { From = "09:00", To = "18:00" });
        form.Holidays.Add(new() { Date = "2026-12-25" });

        var definition = form.ToRequest().Definition!;

        Assert.Equal(new BusinessCalendarDefinition { AlwaysOpen = true }, definition);
        Assert.Empty(definition.Validate());
    }

    [Fact]
    public void A_calendar_read_into_the_form_gives_back_the_same_definition()
    {
        var definition = new BusinessCalendarDefinition
        {
            TimeZone = "America/New_York",
            Hours = new Dictionary<string, IReadOnlyList<LocalRange>> { ["tuesday"] = [new("08:00", "12:00"), new("13:00", "24:00")] },
            Holidays = ["2026-07-04"],
            Closures = [new("2026-11-26T12:00", "2026-11-27T00:00")],
        };

        var request = CalendarsForm.Of(new SlaEndpoints.CalendarView(Guid.NewGuid(), "NYC", definition, DateTime.UtcNow)).ToRequest();

        Assert.Equal("NYC", request.Name);
        Assert.Equal(definition.TimeZone, request.Definition!.TimeZone);
        Assert.Equal(definition.Hours["tuesday"], request.Definition.Hours!["tuesday"]);
        Assert.Equal(definition.Holidays, request.Definition.Holidays);
        Assert.Equal(definition.Closures, request.Definition.Closures);
    }

    [Fact]
    public void Monday_s_shifts_are_copied_to_tuesday_to_friday_as_rows_of_their_own()
    {
        var form = new CalendarsForm();
        form.Hours[0].AddRange([new() { From = "09:00", To = "12:30" }, new() { From = "14:00", To = "18:00" }]);
        form.Hours[3].Add(new() { From = "10:00", To = "11:00" });

        form.CopyMondayToWeekdays();
        form.Hours[1][0].From = "08:00";

        Assert.All(form.Hours.Skip(2).Take(3), day => Assert.Equal(["09:00", "14:00"], day.Select(shift => shift.From)));
        Assert.Equal("09:00", form.Hours[0][0].From);
        Assert.Empty(form.Hours[5]);
    }

    [Fact]
    public void The_summary_groups_days_with_the_same_shifts_in_the_reader_s_language()
    {
        var split = new LocalRange[] { new("09:00", "12:30"), new("14:00", "18:00") };
        var definition = new BusinessCalendarDefinition
        {
            TimeZone = "Europe/Paris",
            Hours = new Dictionary<string, IReadOnlyList<LocalRange>>
            {
                ["monday"] = split,
                ["tuesday"] = split,
                ["wednesday"] = split,
                ["thursday"] = split,
                ["friday"] = split,
                ["saturday"] = [new("09:00", "12:00")],
            },
        };

        Assert.Equal("Mon–Fri 09:00–12:30, 14:00–18:00 · Sat 09:00–12:00", CalendarsForm.Summary(definition, new CultureInfo("en")));
        Assert.StartsWith("lun.–ven. 09:00–12:30", CalendarsForm.Summary(definition, new CultureInfo("fr")), StringComparison.Ordinal);
    }
}
