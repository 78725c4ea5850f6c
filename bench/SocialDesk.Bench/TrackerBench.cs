using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

using DuckDB.NET.Data;

namespace SocialDesk.Bench;

/// <summary>
/// <c>tracker [--rows N] [--runs N] [--tracker DLL]</c>: times <c>socialdesk track</c> (a child process, for an honest
/// peak memory) and DuckDB computing the same definitions in SQL, on the same generated TWCS file, and checks that
/// both give the same figures.
/// </summary>
public static class TrackerBench
{
    private const double Tolerance = 1e-9;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = IntOption(args, "--rows", 1_000_000);
        var runs = IntOption(args, "--runs", 3);
        var repository = BenchInputs.Repository;
        var source = Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", "dev", "twcs-head5000.csv"));
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"tracker: {source} is missing; the shared data folder must sit beside the repository.");
            return 2;
        }
        var tracker = BenchInputs.Option(args, "--tracker") ?? FindTracker(repository);
        if (tracker is null)
        {
            Console.Error.WriteLine("tracker: socialdesk.dll not found; build src/SocialDesk in Release first, or pass --tracker PATH.");
            return 2;
        }
        var work = Directory.CreateTempSubdirectory("socialdesk-tracker-bench-").FullName;
        try
        {
            var csv = Path.Combine(work, $"twcs-{rows}.csv");
            var clock = Stopwatch.StartNew();
            TrackerBenchFile.Write(source, csv, rows);
            Console.WriteLine($"input: {rows:N0} rows, {new FileInfo(csv).Length / 1e6:0} MB, generated in {clock.Elapsed.TotalSeconds:0.0} s ({csv})");

            var json = Path.Combine(work, "track.json");
            var trackerRuns = new List<(double Seconds, long PeakBytes)>();
            for (var run = 0; run < runs; run++)
            {
                trackerRuns.Add(await RunTrackerAsync(tracker, csv, json));
            }
            var duckDbSeconds = new List<double>();
            List<Figures> duckDbFigures = [];
            for (var run = 0; run < runs; run++)
            {
                clock.Restart();
                duckDbFigures = QueryDuckDb(csv);
                duckDbSeconds.Add(clock.Elapsed.TotalSeconds);
            }

            var trackerSeconds = Median(trackerRuns.Select(run => run.Seconds));
            var duckDb = Median(duckDbSeconds);
            Console.WriteLine($"socialdesk track: {trackerSeconds:0.00} s (median of {runs}, whole process), peak RSS {trackerRuns.Max(run => run.PeakBytes) / 1e6:0} MB");
            Console.WriteLine($"DuckDB {DuckDbVersion()}: {duckDb:0.00} s (median of {runs}, read_csv and query, {Environment.ProcessorCount} threads)");
            Console.WriteLine($"ratio socialdesk / DuckDB: {trackerSeconds / duckDb:0.00}");
            var differences = Compare(ReadTrackerJson(json), duckDbFigures);
            foreach (var difference in differences.Take(10))
            {
                Console.WriteLine($"  differs: {difference}");
            }
            Console.WriteLine(differences.Count == 0
                ? $"figures agree: yes ({duckDbFigures.Count - 1} brands and overall)"
                : $"figures agree: NO ({differences.Count} differences)");
            return differences.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One row of figures, from either side; Brand is null for the overall row.</summary>
    private sealed record Figures(string? Brand, long Mentions, long Answered, double? Rate, double? Mean, double? Median, double? P90, double? TrimmedMean95);

    private static async Task<(double Seconds, long PeakBytes)> RunTrackerAsync(string tracker, string csv, string json)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tracker, "track", "--format", "twcs", csv, "--json", json })
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"socialdesk track failed ({process.ExitCode}): {await error}");
        }
        return (seconds, ChildrenPeakResidentBytes());
    }

    /// <summary>
    /// The largest peak resident set of the child processes that have ended (Linux's getrusage), read after the
    /// child exits so that no sampling can miss its peak.
    /// </summary>
    private static long ChildrenPeakResidentBytes() =>
        GetResourceUsage(ResourceUsageOfChildren, out var usage) == 0 ? usage.MaxResidentKilobytes * 1024 : 0;

    private const int ResourceUsageOfChildren = -1;

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>Linux's struct rusage on 64 bits: two timevals, then the counters, of which ru_maxrss is the first.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds, MaxResidentKilobytes;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    private static List<Figures> QueryDuckDb(string csv)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = TrackerBenchSql.For(csv);
        using var reader = command.ExecuteReader();
        var figures = new List<Figures>();
        while (reader.Read())
        {
            double? Value(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
            figures.Add(new Figures(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                Value(3),
                Value(4),
                Value(5),
                Value(6),
                Value(7)));
        }
        return figures;
    }

    private static string DuckDbVersion()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return (string)command.ExecuteScalar()!;
    }

    private static List<Figures> ReadTrackerJson(string json)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        static Figures Row(JsonElement row, string? brand)
        {
            var times = row.GetProperty("responseTimeSeconds");
            double? Time(string name) => times.ValueKind == JsonValueKind.Null ? null : times.GetProperty(name).GetDouble();
            var rate = row.GetProperty("responseRate");
            return new Figures(
                brand,
                row.GetProperty("mentions").GetInt64(),
                row.GetProperty("answered").GetInt64(),
                rate.ValueKind == JsonValueKind.Null ? null : rate.GetDouble(),
                Time("mean"),
                Time("median"),
                Time("p90"),
                Time("trimmedMean95"));
        }
        var figures = document.RootElement.GetProperty("brands").EnumerateArray()
            .Select(row => Row(row, row.GetProperty("brand").GetString()))
            .ToList();
        figures.Add(Row(document.RootElement.GetProperty("overall"), null));
        return figures;
    }

    private static List<string> Compare(List<Figures> tracker, List<Figures> duckDb)
    {
        var differences = new List<string>();
        var byBrand = duckDb.ToDictionary(row => row.Brand?.ToUpperInvariant() ?? "", row => row);
        if (tracker.Count != duckDb.Count)
        {
            differences.Add($"{tracker.Count - 1} brands in socialdesk's figures, {duckDb.Count - 1} in DuckDB's");
        }
        foreach (var mine in tracker)
        {
            var name = mine.Brand ?? "(overall)";
            if (!byBrand.TryGetValue(mine.Brand?.ToUpperInvariant() ?? "", out var theirs))
            {
                differences.Add($"{name}: not in DuckDB's figures");
                continue;
            }
            if (mine.Mentions != theirs.Mentions || mine.Answered != theirs.Answered)
            {
                differences.Add($"{name}: mentions/answered {mine.Mentions}/{mine.Answered} vs {theirs.Mentions}/{theirs.Answered}");
            }
            foreach (var (what, a, b) in new[]
            {
                ("rate", mine.Rate, theirs.Rate), ("mean", mine.Mean, theirs.Mean), ("median", mine.Median, theirs.Median),
                ("p90", mine.P90, theirs.P90), ("trimmedMean95", mine.TrimmedMean95, theirs.TrimmedMean95),
            })
            {
                if (a.HasValue != b.HasValue || (a.HasValue && Math.Abs(a.Value - b!.Value) > Tolerance * Math.Max(1, Math.Abs(a.Value))))
                {
                    differences.Add($"{name}: {what} {a} vs {b}");
                }
            }
        }
        return differences;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The app built beside the benchmark, else the app's own Release build.</summary>
    private static string? FindTracker(string repository) =>
        new[]
        {
            Path.Combine(AppContext.BaseDirectory, "socialdesk.dll"),
            Path.Combine(repository, "src", "SocialDesk", "bin", "Release", "net10.0", "socialdesk.dll"),
        }.FirstOrDefault(path => File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")));

    private static int IntOption(string[] args, string name, int fallback) =>
        BenchInputs.Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
