using System.Globalization;
using System.Net;
using System.Text;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// The HTML report: one file with its styles and charts (inline SVG) inside, so that it opens offline,
/// from a mail attachment as well as from disk.
/// </summary>
public static class TrackerHtmlReport
{
    private const int ChartWidth = 760;
    private const int LabelWidth = 170;
    private const int BarHeight = 16;
    private const int RowHeight = 22;
    private const string BarColour = "#2f6db5";

    public static void Write(TextWriter output, TrackerReport report, string source, DateTimeOffset generatedAt)
    {
        var measured = report.Brands.Where(brand => brand.Mentions > 0).ToList();
        var overall = report.Overall;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Public response tracker: {{Encode(source)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 62rem; color: #1b1b1b; padding: 0 1rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; }
            .figures { display: flex; gap: 2rem; flex-wrap: wrap; }
            .figure b { display: block; font-size: 1.6rem; }
            table { border-collapse: collapse; font-size: .9rem; }
            th, td { padding: .25rem .6rem; text-align: right; border-bottom: 1px solid #ddd; }
            th:first-child, td:first-child { text-align: left; }
            tfoot td { font-weight: bold; }
            svg text { font-size: 12px; fill: #1b1b1b; }
            .note { color: #555; font-size: .85rem; }
            </style>
            </head>
            <body>
            <h1>Public response tracker</h1>
            <p class="note">Source: {{Encode(source)}}. Generated {{generatedAt.UtcDateTime:yyyy-MM-dd HH:mm}} UTC.</p>
            <div class="figures">
            <div class="figure"><b>{{overall.Mentions:N0}}</b>mentions</div>
            <div class="figure"><b>{{overall.Answered:N0}}</b>answered</div>
            <div class="figure"><b>{{ResponseDuration.Percent(overall.ResponseRate)}}</b>response rate</div>
            <div class="figure"><b>{{ResponseDuration.Format(overall.ResponseTimeSeconds?.Median)}}</b>median response time</div>
            <div class="figure"><b>{{ResponseDuration.Format(overall.ResponseTimeSeconds?.TrimmedMean95)}}</b>mean response time, slowest 5% excluded</div>
            </div>

            """);
        html.Append("<h2>Response rate per brand</h2>\n");
        AppendBars(html, "Response rate per brand", [.. measured.Select(brand => (brand.Brand, brand.ResponseRate ?? 0, ResponseDuration.Percent(brand.ResponseRate)))], BarScale.Rate);
        html.Append("<h2>Median response time per brand (log scale)</h2>\n");
        var answered = measured.Where(brand => brand.ResponseTimeSeconds is not null).ToList();
        AppendBars(
            html,
            "Median response time per brand",
            [.. answered.Select(brand => (brand.Brand, brand.ResponseTimeSeconds!.Median, ResponseDuration.Format(brand.ResponseTimeSeconds.Median)))],
            BarScale.Time(answered.Count == 0 ? 0 : answered.Max(brand => brand.ResponseTimeSeconds!.Median)));
        html.Append("<h2>Distribution of response times</h2>\n");
        AppendHistogram(html, report.Distribution);
        html.Append("<h2>All figures</h2>\n");
        AppendTable(html, report);
        html.Append("""
            <p class="note">A mention of a brand is a customer's message that replies to the brand's message, or else whose first @handle
            that is a brand's is the brand's. It is answered when the brand replies to it; the response time runs to the brand's first
            reply. P90 is the nearest rank; "mean 95%" is the mean of the fastest 95% of responses (the slowest 5% excluded).</p>
            </body>
            </html>

            """);
        output.Write(html.ToString());
    }

    private static void AppendBars(StringBuilder html, string title, List<(string Label, double Value, string Text)> bars, BarScale scale)
    {
        const int top = 22;
        var plotWidth = ChartWidth - LabelWidth - 90;
        var height = top + (Math.Max(1, bars.Count) * RowHeight) + 4;
        html.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{ChartWidth}" height="{height}" viewBox="0 0 {ChartWidth} {height}"><title>{Encode(title)}</title>""");
        html.Append('\n');
        foreach (var (value, label) in scale.Ticks)
        {
            var x = LabelWidth + (plotWidth * scale.Position(value));
            html.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:0.#}" y1="{top - 4}" x2="{x:0.#}" y2="{height}" stroke="#ddd"/><text x="{x:0.#}" y="{top - 8}" text-anchor="middle">{Encode(label)}</text>""");
            html.Append('\n');
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = top + (i * RowHeight);
            var width = plotWidth * Math.Clamp(scale.Position(value), 0, 1);
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth - 6}" y="{y + 12}" text-anchor="end">{Encode(label)}</text>""");
            html.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y}" width="{width:0.#}" height="{BarHeight}" fill="{BarColour}"><title>{Encode(label)}: {Encode(text)}</title></rect>""");
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth + width + 5:0.#}" y="{y + 12}">{Encode(text)}</text>""");
            html.Append('\n');
        }
        html.Append("</svg>\n");
    }

    /// <summary>Where a value sits along a bar chart's axis, from 0 to 1, and the axis's labelled ticks.</summary>
    private sealed record BarScale(Func<double, double> Position, IReadOnlyList<(double Value, string Label)> Ticks)
    {
        public static BarScale Rate { get; } = new(rate => rate, [(0, "0%"), (0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1, "100%")]);

        /// <summary>A log scale: response times span seconds to days, and a fast brand's bar must stay visible beside a slow one's.</summary>
        public static BarScale Time(double maxSeconds)
        {
            var end = Math.Log10(1 + Math.Max(600, maxSeconds));
            (double Seconds, string Label)[] ticks = [(0, "0"), (60, "1 min"), (600, "10 min"), (3600, "1 h"), (6 * 3600, "6 h"), (86_400, "1 d"), (7 * 86_400, "1 week"), (30 * 86_400, "30 d")];
            return new(
                seconds => Math.Log10(1 + Math.Max(0, seconds)) / end,
                [.. ticks.Where(tick => tick.Seconds <= Math.Max(600, maxSeconds))]);
        }
    }

    private static void AppendHistogram(StringBuilder html, IReadOnlyList<ResponseTimeBin> bins)
    {
        const int height = 260, top = 20, bottom = 40, left = 50;
        var plotHeight = height - top - bottom;
        var slot = (ChartWidth - left) / (double)Math.Max(1, bins.Count);
        var max = Math.Max(1, bins.Count == 0 ? 0 : bins.Max(bin => bin.Count));
        html.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{ChartWidth}" height="{height}" viewBox="0 0 {ChartWidth} {height}"><title>Distribution of response times</title>""");
        html.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{top + plotHeight}" x2="{ChartWidth}" y2="{top + plotHeight}" stroke="#888"/>""");
        html.Append('\n');
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var barHeight = plotHeight * (double)bin.Count / max;
            var x = left + (i * slot) + 4;
            var y = top + plotHeight - barHeight;
            html.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:0.#}" y="{y:0.#}" width="{slot - 8:0.#}" height="{barHeight:0.#}" fill="{BarColour}"><title>{Encode(bin.Label)}: {bin.Count:N0}</title></rect>""");
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{x + ((slot - 8) / 2):0.#}" y="{y - 4:0.#}" text-anchor="middle">{bin.Count:N0}</text>""");
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{x + ((slot - 8) / 2):0.#}" y="{height - bottom + 16}" text-anchor="middle">{Encode(bin.Label)}</text>""");
            html.Append('\n');
        }
        html.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="{height - 6}">answered mentions by time to the first reply</text>""");
        html.Append("</svg>\n");
    }

    private static void AppendTable(StringBuilder html, TrackerReport report)
    {
        html.Append("<table>\n<thead><tr><th>Brand</th><th>Mentions</th><th>Answered</th><th>Rate</th><th>Mean</th><th>Median</th><th>P90</th><th>Mean 95%</th></tr></thead>\n<tbody>\n");
        foreach (var brand in report.Brands)
        {
            AppendRow(html, brand.Brand, brand.Mentions, brand.Answered, brand.ResponseRate, brand.ResponseTimeSeconds);
        }
        html.Append("</tbody>\n<tfoot>\n");
        AppendRow(html, "Overall", report.Overall.Mentions, report.Overall.Answered, report.Overall.ResponseRate, report.Overall.ResponseTimeSeconds);
        html.Append("</tfoot>\n</table>\n");
    }

    private static void AppendRow(StringBuilder html, string name, int mentions, int answered, double? rate, ResponseTimeSeconds? times) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(name)}</td><td>{mentions:N0}</td><td>{answered:N0}</td><td>{ResponseDuration.Percent(rate)}</td><td>{ResponseDuration.Format(times?.Mean)}</td><td>{ResponseDuration.Format(times?.Median)}</td><td>{ResponseDuration.Format(times?.P90)}</td><td>{ResponseDuration.Format(times?.TrimmedMean95)}</td></tr>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
