using System.Globalization;
using MudBlazor;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Web.Reports;

/// <summary>What a figure counts, which says how it reads and how its chart's axis is scaled.</summary>
public enum FigureKind
{
    Count,

    /// <summary>A rate in percent, 0 to 100.</summary>
    Percent,

    /// <summary>A duration in seconds.</summary>
    Duration,
}

/// <summary>One figure in the period, the period before and the year before: a row of a table and a group of bars of its chart.</summary>
public sealed record ComparedRow(string Label, double? Current, double? Previous, double? YearBefore)
{
    public double? this[int period] => period switch
    {
        0 => Current,
        1 => Previous,
        _ => YearBefore,
    };

    /// <summary>A rate (0 to 1) of the reports as a percent.</summary>
    public static double? Percent(double? rate) => rate * 100;
}

/// <summary>How the pages read figures, and the charts that draw them (MudBlazor's).</summary>
public static class Figures
{
    private const int Ticks = 5;

    /// <summary>The period, the one before, the year before: the theme's primary, secondary and warning colours, each 4.5:1 on white.</summary>
    private static readonly string[] Palette = ["#1f4e8c", "#6a1b9a", "#8a5300"];

    /// <summary>Round steps of a duration axis, in seconds: a second to a day.</summary>
    private static readonly int[] DurationSteps = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400];

    private static readonly int[] RoundMultiples = [1, 2, 5, 10];

    public static string Format(double? value, FigureKind kind, string dayUnit) => value switch
    {
        null => "—",
        { } v => kind switch
        {
            FigureKind.Count => v.ToString("N0", CultureInfo.CurrentCulture),
            FigureKind.Percent => (v / 100).ToString("P1", CultureInfo.CurrentCulture),
            _ => ResponseDuration.Format(v, dayUnit),
        },
    };

    /// <summary>One series per period, named as given; a missing figure leaves a gap.</summary>
    public static List<ChartSeries<double>> Series(IReadOnlyList<ComparedRow> rows, IReadOnlyList<string> periodNames) =>
        [.. periodNames.Select((name, period) => Series(name, rows.Select(row => row[period])))];

    public static ChartSeries<double> Series(string name, IEnumerable<double?> values) => new() { Name = name, Data = values.ToArray() };

    /// <summary>The options of a chart of such figures: the periods' colours, about five ticks at round values, read as the figures are.</summary>
    public static T Options<T>(T options, FigureKind kind, double max, string dayUnit)
        where T : MudBlazor.Charts.DefaultAxisChartOptions
    {
        options.ChartPalette = Palette;
        options.YAxisTicks = Step(kind == FigureKind.Percent ? 100 : max, kind);
        options.MaxNumYAxisTicks = Ticks + 2;
        options.YAxisToStringFunc = value => Format(value, kind, dayUnit);
        return options;
    }

    /// <summary>A round step that divides the axis into about five ticks: 1, 2 or 5 times a power of ten, or of a time unit.</summary>
    public static int Step(double max, FigureKind kind)
    {
        var rough = Math.Max(max / Ticks, 1);
        if (kind == FigureKind.Duration)
        {
            return DurationSteps.FirstOrDefault(step => step >= rough, (int)Math.Ceiling(rough / 86_400) * 86_400);
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return (int)RoundMultiples.Select(multiple => multiple * power).First(step => step >= rough);
    }
}
