using System.Globalization;
using SocialDesk.Web.Reports;

namespace SocialDesk.EndToEnd.Components;

/// <summary>How the report pages read figures and scale their charts.</summary>
public sealed class ReportFiguresTests
{
    [Theory]
    [InlineData(20_340.0, "5 h 39 min")]
    [InlineData(42.0, "42 s")]
    [InlineData(725.0, "12 min 05 s")]
    [InlineData(183_600.0, "2 j 03 h")]
    public void Durations_read_as_a_person_reads_them(double seconds, string text) =>
        Assert.Equal(text, Figures.Format(seconds, FigureKind.Duration, "j"));

    [Fact]
    public void Percents_and_counts_are_written_in_the_reader_s_language()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr");
            Assert.Equal("20,6 %", Figures.Format(ComparedRow.Percent(0.2061), FigureKind.Percent, "j"));
            Assert.Equal("12\u202F345", Figures.Format(12_345, FigureKind.Count, "j"));
            CultureInfo.CurrentCulture = new CultureInfo("en");
            Assert.Equal("20.6%", Figures.Format(ComparedRow.Percent(0.2061), FigureKind.Percent, "d"));
            Assert.Equal("12,345", Figures.Format(12_345, FigureKind.Count, "d"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_missing_figure_reads_as_a_dash() => Assert.Equal("—", Figures.Format(null, FigureKind.Duration, "d"));

    [Fact]
    public void Each_period_is_a_series_and_a_missing_figure_a_gap()
    {
        var series = Figures.Series([new ComparedRow("First response", 300, null, 600), new ComparedRow("Resolution", 7200, 3600, null)], ["Period", "Before", "Year before"]);

        Assert.Equal(["Period", "Before", "Year before"], series.Select(s => s.Name));
        Assert.Equal([300.0, 7200.0], series[0].Data.Points.Select(p => p.Y));
        Assert.False(series[1].Data[0].HasValue);
        Assert.Equal(3600, series[1].Data[1].Y);
    }

    [Theory]
    [InlineData(FigureKind.Count, 3, 1)]
    [InlineData(FigureKind.Count, 87, 20)]
    [InlineData(FigureKind.Count, 12_000, 5000)]
    [InlineData(FigureKind.Percent, 100, 20)]
    [InlineData(FigureKind.Duration, 20_340, 7200)]
    [InlineData(FigureKind.Duration, 240, 60)]
    [InlineData(FigureKind.Duration, 2_000_000, 432_000)]
    public void Axes_have_about_five_ticks_at_round_values(FigureKind kind, double max, int step) => Assert.Equal(step, Figures.Step(max, kind));
}
