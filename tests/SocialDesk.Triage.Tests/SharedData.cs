using System.Globalization;

using CsvHelper;

namespace SocialDesk.Triage.Tests;

/// <summary>The real data in ../shared/data beside the repository; tests that need it skip only where it is missing.</summary>
internal static class SharedData
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(FindRepository(), "..", "shared", "data"));

    public static bool IsPresent => Directory.Exists(Folder);

    public static string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The dev airline tweets with their id, so tests can split them by a stable hash.</summary>
    public static List<(long TweetId, LabelledText Example)> DevAirline()
    {
        using var input = File.OpenRead(PathOf("dev", "airline-sentiment.csv"));
        using var csv = CsvReader.Create(input, new CsvReaderOptions { Separator = ',' }, leaveOpen: false);
        int id = csv.GetFieldIndex("tweet_id");
        int text = csv.GetFieldIndex("text");
        int label = csv.GetFieldIndex("airline_sentiment");
        var rows = new List<(long, LabelledText)>();
        while (csv.Read())
        {
            var sentiment = TriageNames.ParseSentiment(csv.GetString(label)) ?? throw new InvalidDataException(csv.GetString(label));
            rows.Add((long.Parse(csv.GetString(id), CultureInfo.InvariantCulture), new LabelledText(csv.GetString(text), sentiment)));
        }
        return rows;
    }

    public static List<LabelledText> DevFrench(string split)
    {
        string folder = PathOf("dev", "french-tweets-sentiment");
        string[] texts = File.ReadAllLines(Path.Combine(folder, $"{split}_text.txt"));
        string[] labels = File.ReadAllLines(Path.Combine(folder, $"{split}_labels.txt"));
        return [.. texts.Select((text, i) => new LabelledText(text, TriageNames.ParseSentiment(labels[i])!.Value))];
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialDesk.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No SocialDesk.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fact that needs ../shared/data; skipped with a clear message where the folder is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsPresent)
        {
            Skip = $"{SharedData.Folder} is missing: the shared data folder must sit beside the repository.";
        }
    }
}
