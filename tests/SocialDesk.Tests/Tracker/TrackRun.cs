using System.CommandLine;
using System.Text.Json;

using SocialDesk.Features.Tracker;

namespace SocialDesk.Tests.Tracker;

/// <summary>One run of <c>socialdesk track</c> on an input written to a temporary file, with what it printed and wrote.</summary>
public sealed record TrackRun(int ExitCode, string Output, string Error, string? Json, string? Html)
{
    public const string TwcsHeader = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id";

    /// <summary>Runs the command on TWCS CSV rows (the header is added).</summary>
    public static Task<TrackRun> TwcsAsync(IEnumerable<string> rows, params string[] options) =>
        RunAsync(string.Join('\n', rows.Prepend(TwcsHeader)) + "\n", "twcs", options);

    public static async Task<TrackRun> RunAsync(string input, string format, params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("socialdesk-track-test-");
        try
        {
            var file = Path.Combine(folder.FullName, format == "twcs" ? "input.csv" : "input.jsonl");
            var json = Path.Combine(folder.FullName, "report.json");
            var html = Path.Combine(folder.FullName, "report.html");
            await File.WriteAllTextAsync(file, input);
            return await FileAsync(file, format, [.. options, "--json", json, "--html", html], json, html);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs the command on an existing file, with exactly these options.</summary>
    public static async Task<TrackRun> FileAsync(string file, string format, string[] options, string? json = null, string? html = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await TrackCommand.Create()
            .Parse([file, "--format", format, .. options])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new TrackRun(
            exitCode,
            output.ToString(),
            error.ToString(),
            json is not null && File.Exists(json) ? await File.ReadAllTextAsync(json) : null,
            html is not null && File.Exists(html) ? await File.ReadAllTextAsync(html) : null);
    }

    /// <summary>The JSON output's row for a brand, or its overall row for null.</summary>
    public JsonElement Figures(string? brand)
    {
        var root = JsonDocument.Parse(Json ?? throw new InvalidOperationException($"no JSON was written: {Error}")).RootElement;
        return brand is null
            ? root.GetProperty("overall")
            : root.GetProperty("brands").EnumerateArray().Single(row => row.GetProperty("brand").GetString() == brand);
    }

    public int Mentions(string? brand) => Figures(brand).GetProperty("mentions").GetInt32();

    public int Answered(string? brand) => Figures(brand).GetProperty("answered").GetInt32();

    public double Time(string? brand, string statistic) =>
        Figures(brand).GetProperty("responseTimeSeconds").GetProperty(statistic).GetDouble();

    /// <summary>A TWCS CSV row; the text is quoted as a CSV writer would.</summary>
    public static string Row(string id, string author, bool inbound, double minutes, string text, string inResponseTo = "", string responses = "") =>
        $"{id},{author},{(inbound ? "True" : "False")},{At(minutes)},\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{responses}\",{inResponseTo}";

    /// <summary>A TWCS date, <paramref name="minutes"/> after 22:00 on 31 October 2017 UTC.</summary>
    public static string At(double minutes) =>
        new DateTimeOffset(2017, 10, 31, 22, 0, 0, TimeSpan.Zero).AddMinutes(minutes)
            .ToString("ddd MMM dd HH:mm:ss +0000 yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
