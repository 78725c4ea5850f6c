using System.Globalization;

namespace SocialDesk.Features.Tracker;

/// <summary>The per-brand table that <c>socialdesk track</c> prints.</summary>
public static class TrackerConsoleTable
{
    private static readonly string[] Headings = ["Brand", "Mentions", "Answered", "Rate", "Mean", "Median", "P90", "Mean 95%"];

    public static void Write(TextWriter output, TrackerReport report)
    {
        var rows = report.Brands
            .Select(brand => Cells(brand.Brand, brand.Mentions, brand.Answered, brand.ResponseRate, brand.ResponseTimeSeconds))
            .Append(Cells("(overall)", report.Overall.Mentions, report.Overall.Answered, report.Overall.ResponseRate, report.Overall.ResponseTimeSeconds))
            .ToList();
        var widths = Headings.Select((heading, column) => rows.Max(row => row[column].Length)).Select((width, column) => Math.Max(width, Headings[column].Length)).ToArray();
        var rule = string.Join("  ", widths.Select(width => new string('-', width)));
        WriteRow(output, Headings, widths);
        output.WriteLine(rule);
        foreach (var row in rows[..^1])
        {
            WriteRow(output, row, widths);
        }
        output.WriteLine(rule);
        WriteRow(output, rows[^1], widths);
        output.WriteLine("Mean 95%: the mean of the fastest 95% of responses (slowest 5% excluded). Times are to the brand's first reply.");
    }

    private static string[] Cells(string name, int mentions, int answered, double? rate, ResponseTimeSeconds? times) =>
    [
        name,
        mentions.ToString(CultureInfo.InvariantCulture),
        answered.ToString(CultureInfo.InvariantCulture),
        ResponseDuration.Percent(rate),
        ResponseDuration.Format(times?.Mean),
        ResponseDuration.Format(times?.Median),
        ResponseDuration.Format(times?.P90),
        ResponseDuration.Format(times?.TrimmedMean95),
    ];

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
}
