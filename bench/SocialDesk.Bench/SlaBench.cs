using System.Diagnostics;
using System.Globalization;

using SocialDesk.Features.Sla;

namespace SocialDesk.Bench;

/// <summary>
/// <c>sla-due-times [--count N]</c>: due times of 30-minute, 8-hour and 24-hour targets in business time on a Paris
/// calendar (split shift Monday to Friday, Saturday morning, French public holidays, one closure), for N starts
/// spread over 2026 (3,000,000 by default), on one thread pinned to one core; prints due times per second.
/// </summary>
public static class SlaBench
{
    private static readonly TimeSpan[] Targets = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), TimeSpan.FromHours(24)];

    public static Task<int> RunAsync(string[] args)
    {
        int count = BenchInputs.Option(args, "--count") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 3_000_000;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        var calendar = ParisDesk().ToCalendar();
        var random = new Random(2026);
        var year = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var starts = new DateTime[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = year.AddTicks(random.NextInt64(365 * TimeSpan.TicksPerDay));
        }
        foreach (var target in Targets)
        {
            DueTimes(calendar, starts.AsSpan(0, Math.Min(count, 100_000)), target);
        }

        var total = Stopwatch.StartNew();
        foreach (var target in Targets)
        {
            var clock = Stopwatch.StartNew();
            double waitHours = DueTimes(calendar, starts, target);
            double elapsed = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"sla-due-times: {target.TotalHours:0.#} h target: {count / elapsed:N0} due times/s ({elapsed * 1e9 / count:0} ns each); due on average {waitHours / count:0.0} h of calendar time after the start");
        }
        double seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine($"sla-due-times: {Targets.Length * (long)count / seconds:N0} due times/s on one core ({Targets.Length * (long)count:N0} due times in {seconds:0.00} s, starts spread over 2026)");
        return Task.FromResult(0);
    }

    /// <summary>The calendar hours from each start to its due time, summed so that no computation can be skipped.</summary>
    private static double DueTimes(BusinessCalendar calendar, ReadOnlySpan<DateTime> starts, TimeSpan target)
    {
        double waitHours = 0;
        foreach (var start in starts)
        {
            waitHours += (calendar.AddBusinessTime(start, target) - start).TotalHours;
        }
        return waitHours;
    }

    private static BusinessCalendarDefinition ParisDesk()
    {
        LocalRange[] weekday = [new("09:00", "12:30"), new("14:00", "18:00")];
        return new BusinessCalendarDefinition
        {
            TimeZone = "Europe/Paris",
            Hours = new Dictionary<string, IReadOnlyList<LocalRange>>
            {
                ["monday"] = weekday,
                ["tuesday"] = weekday,
                ["wednesday"] = weekday,
                ["thursday"] = weekday,
                ["friday"] = weekday,
                ["saturday"] = [new("09:00", "12:00")],
            },
            Holidays =
            [
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
                "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01",
            ],
            Closures = [new("2026-12-24T12:30", "2026-12-24T18:00")],
        };
    }
}
