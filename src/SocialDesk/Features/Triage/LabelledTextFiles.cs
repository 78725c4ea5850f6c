using System.Text.Json;

using CsvHelper;

using SocialDesk.Triage;

namespace SocialDesk.Features.Triage;

/// <summary>
/// Reads sentiment-labelled texts in the formats of ../shared/data and of customers' own exports:
/// CSV with <c>text</c> and <c>airline_sentiment</c> (or <c>sentiment</c>), JSONL with <c>text</c> and <c>sentiment</c>,
/// DEFT's <c>*_text.txt</c> beside <c>*_labels.txt</c>, and GermEval's TSV.
/// </summary>
internal static class LabelledTextFiles
{
    public static List<LabelledText> Read(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCsv(path);
        }
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonLines(path);
        }
        if (name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadGermEval(path);
        }
        if (name.EndsWith("_text.txt", StringComparison.OrdinalIgnoreCase))
        {
            return ReadTextAndLabels(path, path[..^"_text.txt".Length] + "_labels.txt");
        }
        throw new InvalidDataException($"{path}: expected .csv, .jsonl, .tsv (GermEval) or *_text.txt beside *_labels.txt (DEFT).");
    }

    private static List<LabelledText> ReadCsv(string path)
    {
        using var input = File.OpenRead(path);
        using var csv = CsvReader.Create(input, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        if (!csv.TryGetFieldIndex("text", out int text)
            || !(csv.TryGetFieldIndex("airline_sentiment", out int label) || csv.TryGetFieldIndex("sentiment", out label)))
        {
            throw new InvalidDataException($"{path}: the CSV needs a 'text' column and a 'sentiment' or 'airline_sentiment' column.");
        }
        var examples = new List<LabelledText>();
        while (csv.Read())
        {
            Add(examples, csv.GetString(text), csv.GetString(label), path, (int)csv.LineNumber);
        }
        return examples;
    }

    private static List<LabelledText> ReadJsonLines(string path)
    {
        var examples = new List<LabelledText>();
        int row = 0;
        foreach (string line in File.ReadLines(path))
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
            string? sentiment = root.TryGetProperty("sentiment", out var s) ? s.ToString() : null;
            Add(examples, text, sentiment, path, row);
        }
        return examples;
    }

    private static List<LabelledText> ReadGermEval(string path)
    {
        var examples = new List<LabelledText>();
        int row = 0;
        foreach (string line in File.ReadLines(path))
        {
            row++;
            string[] fields = line.Split('\t');
            if (fields.Length >= 4)
            {
                Add(examples, fields[1], fields[3], path, row);
            }
        }
        return examples;
    }

    private static List<LabelledText> ReadTextAndLabels(string textPath, string labelsPath)
    {
        string[] texts = File.ReadAllLines(textPath);
        string[] labels = File.ReadAllLines(labelsPath);
        if (texts.Length != labels.Length)
        {
            throw new InvalidDataException($"{textPath} has {texts.Length} lines but {labelsPath} has {labels.Length}.");
        }
        var examples = new List<LabelledText>(texts.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            Add(examples, texts[i], labels[i], textPath, i + 1);
        }
        return examples;
    }

    private static void Add(List<LabelledText> examples, string? text, string? label, string path, int row)
    {
        if (string.IsNullOrWhiteSpace(text) || label is null)
        {
            throw new InvalidDataException($"{path}:{row}: a labelled text needs both a text and a sentiment.");
        }
        var sentiment = TriageNames.ParseSentiment(label)
            ?? throw new InvalidDataException($"{path}:{row}: '{label}' is not a sentiment (negative, neutral, positive or 0, 1, 2).");
        examples.Add(new LabelledText(text, sentiment));
    }
}
