using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

using SocialDesk.Triage;

namespace SocialDesk.Features.Triage;

/// <summary>The verbs <c>train</c>, <c>triage</c> and <c>evaluate</c>: text understanding from the command line.</summary>
public static class TriageCommands
{
    private const string ModelFileName = "sentiment.model";
    private const string ProvenanceFileName = "training.json";

    private static readonly JsonSerializerOptions OutputJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions ProvenanceJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Train()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Labelled files: CSV (text, airline_sentiment or sentiment), JSONL (text, sentiment), DEFT *_text.txt, GermEval .tsv",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Directory to write the model into", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data", DefaultValueFactory = _ => new SentimentTrainingOptions().Epochs };
        var classBalance = new Option<float>("--class-balance")
        {
            Description = "0 keeps the classes as frequent as in the data, 1 weighs them equally",
            DefaultValueFactory = _ => new SentimentTrainingOptions().ClassBalance,
        };
        var command = new Command("train", "Trains a sentiment model from labelled files, reproducibly, and writes it to a directory.");
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(epochs);
        command.Options.Add(classBalance);
        command.SetAction((ParseResult parse, CancellationToken cancel) => ReportingBadInput(() =>
        {
            // Sorted, so that the model does not depend on how the shell ordered a wildcard.
            string[] files = [.. (parse.GetValue(data) ?? []).Order(StringComparer.Ordinal)];
            var examples = files.SelectMany(LabelledTextFiles.Read).ToList();
            var options = new SentimentTrainingOptions(Epochs: parse.GetValue(epochs), ClassBalance: parse.GetValue(classBalance));
            var model = SentimentTrainer.Train(examples, options);
            string directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(Path.Combine(directory, ModelFileName)))
            {
                model.Save(stream);
            }
            var provenance = new
            {
                Data = files,
                Examples = Enum.GetValues<Sentiment>().ToDictionary(s => s.ToName(), s => examples.Count(e => e.Sentiment == s)),
                Options = options,
            };
            File.WriteAllText(Path.Combine(directory, ProvenanceFileName), JsonSerializer.Serialize(provenance, ProvenanceJson) + "\n");
            Console.WriteLine($"Trained on {examples.Count} texts from {files.Length} files; model written to {directory}.");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command Triage()
    {
        var input = new Option<string>("--in") { Description = "JSONL with a 'text' field per line, or - for standard input", Required = true };
        var output = new Option<string>("--out") { Description = "JSONL to write, or - for standard output", Required = true };
        var model = ModelOption("A sentiment model directory written by 'train' (default: the shipped model)");
        var command = new Command("triage", "Adds language, sentiment, intent, topics, waiting time, channels and urgency to each JSONL line.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(model);
        command.SetAction((ParseResult parse, CancellationToken cancel) => ReportingBadInput(async () =>
        {
            var triager = LoadTriager(parse.GetValue(model));
            string inPath = parse.GetValue(input)!;
            string outPath = parse.GetValue(output)!;
            using var reader = inPath == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(inPath);
            await using var writer = outPath == "-" ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(outPath);
            int row = 0;
            int rejected = 0;
            while (await reader.ReadLineAsync(cancel) is { } line)
            {
                row++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                // A bad line is reported and skipped; the others are still triaged.
                if (ParseMessage(line) is not { } message)
                {
                    await Console.Error.WriteLineAsync($"{inPath}:{row}: expected a JSON object with a string 'text'; line skipped.");
                    rejected++;
                    continue;
                }
                AddTriage(message, triager.Analyze(message["text"]!.GetValue<string>()));
                await writer.WriteLineAsync(message.ToJsonString(OutputJson));
            }
            return rejected == 0 ? 0 : 1;
        }));
        return command;
    }

    public static Command Evaluate()
    {
        var data = new Option<string>("--data") { Description = "A labelled file in any format 'train' reads", Required = true };
        var model = ModelOption("A model directory written by 'train', scored beside the shipped default model");
        var command = new Command("evaluate", "Prints accuracy and macro-F1 of sentiment on a labelled file, for the default model and for --model.");
        command.Options.Add(data);
        command.Options.Add(model);
        command.SetAction((ParseResult parse, CancellationToken cancel) => ReportingBadInput(() =>
        {
            string path = parse.GetValue(data)!;
            var examples = LabelledTextFiles.Read(path);
            Console.WriteLine($"{path}: {examples.Count} texts");
            Console.WriteLine($"{"model",-40} {"accuracy",9} {"macro-F1",9} {"F1 neg",7} {"F1 neu",7} {"F1 pos",7}");
            PrintScores("default", SentimentEvaluation.Score(Triager.Default, examples));
            if (parse.GetValue(model) is { } directory)
            {
                PrintScores(directory, SentimentEvaluation.Score(LoadTriager(directory), examples));
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>Missing or malformed files end the command with a message that names them, not a stack trace.</summary>
    private static async Task<int> ReportingBadInput(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static Option<string?> ModelOption(string description) => new("--model") { Description = description };

    private static Triager LoadTriager(string? directory)
    {
        if (directory is null)
        {
            return Triager.Default;
        }
        using var stream = File.OpenRead(Path.Combine(directory, ModelFileName));
        return new Triager(SentimentModel.Load(stream));
    }

    private static JsonObject? ParseMessage(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject message && message["text"]?.GetValueKind() == JsonValueKind.String ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AddTriage(JsonObject message, TriageResult result)
    {
        message["language"] = result.Language;
        message["sentiment"] = result.Sentiment.ToName();
        message["sentimentScore"] = result.SentimentScore;
        message["intent"] = result.Intent.ToName();
        message["actionable"] = result.Actionable;
        message["topics"] = new JsonArray([.. result.Topics.Select(topic => JsonValue.Create(topic))]);
        message["waitMinutes"] = result.WaitMinutes;
        message["channels"] = new JsonArray([.. result.Channels.Select(channel => JsonValue.Create(channel))]);
        message["urgency"] = result.Urgency;
    }

    private static void PrintScores(string model, SentimentScores scores) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model,-40} {scores.Accuracy,9:F3} {scores.MacroF1,9:F3} {scores.F1ByClass[0],7:F3} {scores.F1ByClass[1],7:F3} {scores.F1ByClass[2],7:F3}"));
}
