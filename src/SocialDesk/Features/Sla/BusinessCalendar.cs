using NodaTime;
using NodaTime.TimeZones;

namespace SocialDesk.Features.Sla;

/// <summary>
/// When a team is open: weekly opening hours in its time zone, less its holidays and exceptional closures; or
/// <see cref="AlwaysOpen"/>, a plain UTC clock. Answers in UTC instants: when a duration of open time has elapsed
/// (<see cref="AddBusinessTime"/>) and how much open time lies between two instants (<see cref="BusinessTimeBetween"/>).
/// Build one from a <see cref="BusinessCalendarDefinition"/>; an instance is immutable and safe to share between threads.
/// </summary>
public sealed class BusinessCalendar
{
    // A wall-clock interval covers every instant the clock shows inside it: an ambiguous start takes the earlier
    // instant, an ambiguous end the later one, and a skipped time the instant the clock jumps to.
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);
    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    // Year tables are built on first use and kept in a few slots, so memory stays bounded whatever instants are asked.
    private const int CachedYears = 8;

    private readonly bool _alwaysOpen;
    private readonly DateTimeZone _zone;
    private readonly (long From, long To)[][] _weeklyTicks;
    private readonly HashSet<LocalDate> _holidays;
    private readonly (long Start, long End)[] _closedUtcTicks;
    private readonly OpenYear?[] _years = new OpenYear?[CachedYears];

    /// <summary>Open at every instant: business time is elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new();

    private BusinessCalendar()
    {
        _alwaysOpen = true;
        _zone = DateTimeZone.Utc;
        _weeklyTicks = [];
        _holidays = [];
        _closedUtcTicks = [];
    }

    /// <param name="weeklyTicks">Indexed by <see cref="IsoDayOfWeek"/>: each day's sorted, disjoint intervals as ticks after local midnight.</param>
    /// <param name="closures">Local date-time ranges during which the team is closed.</param>
    internal BusinessCalendar(DateTimeZone zone, (long From, long To)[][] weeklyTicks, IEnumerable<LocalDate> holidays, IEnumerable<(LocalDateTime From, LocalDateTime To)> closures)
    {
        _zone = zone;
        _weeklyTicks = weeklyTicks;
        _holidays = [.. holidays];
        _closedUtcTicks = [.. Merge(closures.Select(closure => (UtcTicks(closure.From, StartResolver), UtcTicks(closure.To, EndResolver))))];
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of open time has elapsed after <paramref name="startUtc"/>. The
    /// clock starts at the next opening when <paramref name="startUtc"/> is outside hours, so a zero duration gives the
    /// next open instant; a duration that runs out exactly at closing time is due at closing time.
    /// </summary>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        // Longer than any DateTime span; the bound also keeps the running totals below overflow.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration.Ticks, DateTime.MaxValue.Ticks, nameof(duration));
        long instant = TicksOf(startUtc, nameof(startUtc));
        if (_alwaysOpen)
        {
            return new DateTime(instant, DateTimeKind.Utc) + duration;
        }

        long remaining = duration.Ticks;
        while (true)
        {
            var year = YearOf(instant);
            int index = year.FirstEndingAfter(instant);
            if (index < year.Count)
            {
                long from = Math.Max(instant, year.Starts[index]);
                if (remaining == 0)
                {
                    return new DateTime(from, DateTimeKind.Utc);
                }
                long target = year.OpenBefore(index) + (from - year.Starts[index]) + remaining;
                if (target <= year.TotalOpen)
                {
                    int last = year.FirstReaching(target);
                    return new DateTime(year.Ends[last] - (year.OpenUntilEnd[last] - target), DateTimeKind.Utc);
                }
                remaining = target - year.TotalOpen;
            }
            if (year.End > DateTime.MaxValue.Ticks)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), "The due time falls after the last instant a DateTime can hold.");
            }
            instant = year.End;
        }
    }

    /// <summary>
    /// The open time between two instants; negative when <paramref name="toUtc"/> comes first. The inverse of
    /// <see cref="AddBusinessTime"/>: <c>BusinessTimeBetween(start, AddBusinessTime(start, d)) == d</c>.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        long from = TicksOf(fromUtc, nameof(fromUtc));
        long to = TicksOf(toUtc, nameof(toUtc));
        if (to < from)
        {
            return -BusinessTimeBetween(toUtc, fromUtc);
        }
        if (_alwaysOpen)
        {
            return new TimeSpan(to - from);
        }

        long open = 0;
        while (true)
        {
            var year = YearOf(from);
            if (to < year.End)
            {
                return new TimeSpan(open + year.OpenUntil(to) - year.OpenUntil(from));
            }
            open += year.TotalOpen - year.OpenUntil(from);
            from = year.End;
        }
    }

    private static long TicksOf(DateTime value, string name) => value.Kind == DateTimeKind.Local
        ? throw new ArgumentException("Business time is computed on UTC instants; convert local times first.", name)
        : value.Ticks;

    private long UtcTicks(LocalDateTime local, ZoneLocalMappingResolver resolver) =>
        local.InZone(_zone, resolver).ToInstant().ToUnixTimeTicks() + DateTime.UnixEpoch.Ticks;

    private OpenYear YearOf(long utcTicks)
    {
        int year = new DateTime(utcTicks, DateTimeKind.Utc).Year;
        ref var slot = ref _years[year % CachedYears];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && cached.Year == year)
        {
            return cached;
        }
        var built = BuildYear(year);
        Volatile.Write(ref slot, built);
        return built;
    }

    private OpenYear BuildYear(int year)
    {
        long start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        long end = year == DateTime.MaxValue.Year ? DateTime.MaxValue.Ticks + 1 : new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        // Local days two days either side cover every UTC offset; NodaTime's dates stop a day short of 24:00 on 9999-12-31.
        var lastDay = year == DateTime.MaxValue.Year ? LocalDate.MaxIsoValue.PlusDays(-1) : new LocalDate(year + 1, 1, 2);
        var open = new List<(long Start, long End)>();
        for (var day = new LocalDate(year, 1, 1).PlusDays(-2); day <= lastDay; day = day.PlusDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }
            var midnight = day.AtMidnight();
            foreach (var (from, to) in _weeklyTicks[(int)day.DayOfWeek])
            {
                long opens = UtcTicks(midnight.PlusTicks(from), StartResolver);
                long closes = UtcTicks(midnight.PlusTicks(to), EndResolver);
                if (closes > opens)
                {
                    open.Add((opens, closes));
                }
            }
        }
        return new OpenYear(year, end, Subtract(Merge(open), _closedUtcTicks, start, end));
    }

    /// <summary>Sorts the intervals and joins those that overlap or touch.</summary>
    private static List<(long Start, long End)> Merge(IEnumerable<(long Start, long End)> intervals)
    {
        var merged = new List<(long Start, long End)>();
        foreach (var (start, end) in intervals.Where(interval => interval.End > interval.Start).OrderBy(interval => interval.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }
        return merged;
    }

    /// <summary>The open intervals, both lists sorted and disjoint, less the closed ones, clipped to [min, max).</summary>
    private static List<(long Start, long End)> Subtract(List<(long Start, long End)> open, (long Start, long End)[] closed, long min, long max)
    {
        var result = new List<(long Start, long End)>();
        int first = 0;
        foreach (var interval in open)
        {
            long start = Math.Max(interval.Start, min);
            long end = Math.Min(interval.End, max);
            while (first < closed.Length && closed[first].End <= start)
            {
                first++;
            }
            for (int next = first; start < end && next < closed.Length && closed[next].Start < end; next++)
            {
                if (closed[next].Start > start)
                {
                    result.Add((start, closed[next].Start));
                }
                start = Math.Max(start, closed[next].End);
            }
            if (start < end)
            {
                result.Add((start, end));
            }
        }
        return result;
    }

    /// <summary>
    /// The open intervals of one UTC year, as ticks, with the open time accumulated up to each one's end, so that a due
    /// time within the year takes two binary searches and no allocation.
    /// </summary>
    private sealed class OpenYear
    {
        public OpenYear(int year, long end, List<(long Start, long End)> intervals)
        {
            Year = year;
            End = end;
            Count = intervals.Count;
            Starts = new long[Count];
            Ends = new long[Count];
            OpenUntilEnd = new long[Count];
            long open = 0;
            for (int i = 0; i < Count; i++)
            {
                (Starts[i], Ends[i]) = intervals[i];
                open += Ends[i] - Starts[i];
                OpenUntilEnd[i] = open;
            }
            TotalOpen = open;
        }

        public int Year { get; }

        public long End { get; }

        public int Count { get; }

        public long[] Starts { get; }

        public long[] Ends { get; }

        public long[] OpenUntilEnd { get; }

        public long TotalOpen { get; }

        public long OpenBefore(int index) => index == 0 ? 0 : OpenUntilEnd[index - 1];

        /// <summary>Open time from the start of the year to <paramref name="instant"/>.</summary>
        public long OpenUntil(long instant)
        {
            int index = FirstEndingAfter(instant);
            return index == Count ? TotalOpen : OpenBefore(index) + Math.Max(0, instant - Starts[index]);
        }

        /// <summary>The first interval that ends after <paramref name="instant"/>, or <see cref="Count"/>.</summary>
        public int FirstEndingAfter(long instant) => FirstAbove(Ends, instant);

        /// <summary>The first interval by whose end <paramref name="open"/> ticks of open time have elapsed.</summary>
        public int FirstReaching(long open) => FirstAbove(OpenUntilEnd, open - 1);

        private int FirstAbove(long[] sorted, long value)
        {
            int low = 0;
            int high = Count;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (sorted[middle] > value)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }
            return low;
        }
    }
}
