using System.CommandLine;
using System.Globalization;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// <c>socialdesk track --format twcs|jsonl FILE [--brand HANDLE]... [--json OUT] [--html OUT]</c>: the public
/// response tracker, which measures how any brands answer their public mentions.
/// </summary>
public static class TrackCommand
{
    private const int BadRowsShown = 20;

    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "The input's format: twcs (CSV with TWCS's columns) or jsonl (one JSON object a line, TWCS's field names).",
            Required = true,
            HelpName = "twcs|jsonl",
        };
        format.AcceptOnlyFromAmong(TrackerInput.Formats);
        var brands = new Option<string[]>("--brand")
        {
            HelpName = "HANDLE",
            Description = "A brand's handle, with or without the @; repeatable; without it, the brands are the authors of the input's brand (not inbound) messages.",
        };
        var json = new Option<FileInfo>("--json") { HelpName = "OUT", Description = "Also writes the figures to this JSON file." };
        var html = new Option<FileInfo>("--html") { HelpName = "OUT", Description = "Also writes a self-contained HTML report with charts to this file." };
        var file = new Argument<FileInfo>("FILE") { Description = "The public messages to measure." };
        var command = new Command("track", "Measures brands' public response rate and response times (mentions, answered, mean, median, p90, mean without the slowest 5%).");
        command.Options.Add(format);
        command.Options.Add(brands);
        command.Options.Add(json);
        command.Options.Add(html);
        command.Arguments.Add(file);
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetRequiredValue(file),
            parse.GetRequiredValue(format),
            parse.GetValue(brands) ?? [],
            parse.GetValue(json),
            parse.GetValue(html),
            parse.InvocationConfiguration,
            cancel));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo file,
        string format,
        string[] brands,
        FileInfo? json,
        FileInfo? html,
        InvocationConfiguration console,
        CancellationToken cancel)
    {
        var log = new PublicMessageLog();
        try
        {
            await using var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            TrackerInput.Read(input, format, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrackerInputException)
        {
            await console.Error.WriteLineAsync($"Cannot read {file.Name}: {e.Message}");
            return 1;
        }
        var report = ResponseTracker.Measure(log, brands);
        TrackerConsoleTable.Write(console.Output, report);
        await ReportBadRowsAsync(console.Error, file, log);
        try
        {
            if (json is not null)
            {
                await File.WriteAllTextAsync(json.FullName, report.ToJson(), cancel);
            }
            if (html is not null)
            {
                await using var writer = new StreamWriter(html.FullName);
                TrackerHtmlReport.Write(writer, report, file.Name, TimeProvider.System.GetUtcNow());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot write the report: {e.Message}");
            return 1;
        }
        return 0;
    }

    private static async Task ReportBadRowsAsync(TextWriter error, FileInfo file, PublicMessageLog log)
    {
        var badRows = log.BadRowCount == 1 ? "1 bad row" : string.Create(CultureInfo.InvariantCulture, $"{log.BadRowCount:N0} bad rows");
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {log.Count:N0} messages read, {badRows} skipped."));
        foreach (var row in log.BadRows.OrderBy(row => row.Line).Take(BadRowsShown))
        {
            await error.WriteLineAsync($"  {row}");
        }
        if (log.BadRowCount > BadRowsShown)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {log.BadRowCount - BadRowsShown:N0} more."));
        }
    }
}
