using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using CsvHelper;

using SocialDesk.Triage;

namespace SocialDesk.Bench;

/// <summary>
/// <c>triage [--seconds N]</c>: whole triage of real messages (English airline tweets, French telecom tweets, German
/// rail feedback, SocialDesk's own Spanish examples) on one thread pinned to one core; prints messages per second
/// and the memory a loaded triager holds.
/// </summary>
public static class TriageBench
{
    // Longer texts are press releases in GermEval; social messages fit in a tweet.
    private const int MaxMessageLength = 280;

    public static Task<int> RunAsync(string[] args)
    {
        double seconds = BenchInputs.Option(args, "--seconds") is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : 5;
        string repository = BenchInputs.Repository;
        string data = Path.GetFullPath(Path.Combine(repository, "..", "shared", "data"));
        if (!Directory.Exists(data))
        {
            Console.Error.WriteLine($"triage: {data} is missing; the shared data folder must sit beside the repository.");
            return Task.FromResult(2);
        }
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        var messages = Corpus(repository, data);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var triager = Triager.Default;
        triager.Analyze("warm-up: loads the lexicons and the model");
        double loadSeconds = clock.Elapsed.TotalSeconds;
        long loaded = GC.GetTotalMemory(forceFullCollection: true) - before;

        for (int i = 0; i < Math.Min(messages.Count, 5000); i++)
        {
            triager.Analyze(messages[i]);
        }
        long count = 0;
        long characters = 0;
        int actionable = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (string message in messages)
            {
                actionable += triager.Analyze(message).Actionable ? 1 : 0;
                characters += message.Length;
            }
            count += messages.Count;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"corpus: {messages.Count:N0} messages, {characters / (double)count:0} characters on average; {actionable * 100.0 / count:0}% actionable");
        Console.WriteLine($"triage: {count / elapsed:N0} messages/s on one core ({elapsed * 1e6 / count:0.0} µs each, {count:N0} messages in {elapsed:0.0} s)");
        Console.WriteLine($"loaded triager: {loaded / 1e6:0} MB managed heap, loaded in {loadSeconds:0.00} s; process working set {Environment.WorkingSet / 1e6:0} MB");
        return Task.FromResult(0);
    }

    private static List<string> Corpus(string repository, string data)
    {
        var messages = new List<string>();
        messages.AddRange(CsvColumn(Path.Combine(data, "dev", "airline-sentiment.csv"), "text"));
        messages.AddRange(CsvColumn(Path.Combine(data, "fixtures", "free-mobile-tweets-fr.csv"), "text"));
        messages.AddRange(File.ReadLines(Path.Combine(data, "dev", "germeval2017-db-feedback.tsv"))
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length > 1)
            .Select(fields => fields[1]));
        foreach (string file in Directory.GetFiles(Path.Combine(repository, "src", "SocialDesk.Triage", "Training"), "*-es.jsonl"))
        {
            messages.AddRange(File.ReadLines(file).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!));
        }
        return [.. messages.Where(message => message.Length <= MaxMessageLength)];
    }

    private static List<string> CsvColumn(string path, string column)
    {
        using var input = File.OpenRead(path);
        using var csv = CsvReader.Create(input, new CsvReaderOptions { Separator = ',' }, leaveOpen: false);
        int index = csv.GetFieldIndex(column);
        var values = new List<string>();
        while (csv.Read())
        {
            values.Add(csv.GetString(index));
        }
        return values;
    }
}
