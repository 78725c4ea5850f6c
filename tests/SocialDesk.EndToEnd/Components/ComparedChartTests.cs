using Bunit;
using SocialDesk.Web.Reports;

namespace SocialDesk.EndToEnd.Components;

/// <summary>A chart of the reports page comes with its figures as a table, in the reader's language.</summary>
public sealed class ComparedChartTests : ComponentContext
{
    public ComparedChartTests()
        : base("fr")
    {
    }

    [Fact]
    public void The_figures_of_the_chart_are_in_a_table_with_a_header_per_period()
    {
        var chart = Render(FigureKind.Duration, [new ComparedRow("Première réponse, médiane", 20_340, 183_600, null)]);

        Assert.Equal(["Indicateur", "Période", "Période précédente", "Un an plus tôt"], chart.FindAll("thead th").Select(th => th.TextContent));
        Assert.All(chart.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal("Première réponse, médiane", chart.Find("tbody th[scope=row]").TextContent);
        Assert.Equal(["5 h 39 min", "2 j 03 h", "—"], chart.FindAll("tbody td").Select(td => td.TextContent));
        Assert.NotEmpty(chart.FindAll(".mud-chart"));
    }

    [Fact]
    public void A_table_without_rows_says_so_instead_of_an_empty_chart()
    {
        var chart = Render(FigureKind.Percent, []);

        Assert.Contains("Rien sur ces périodes.", chart.Markup);
        Assert.Empty(chart.FindAll("table"));
    }

    private IRenderedComponent<ComparedChart> Render(FigureKind kind, IReadOnlyList<ComparedRow> rows) =>
        Bunit.Render<ComparedChart>(parameters => parameters
            .Add(c => c.Title, "Temps de réponse")
            .Add(c => c.Id, "times")
            .Add(c => c.LabelHeader, "Indicateur")
            .Add(c => c.Kind, kind)
            .Add(c => c.PeriodNames, ["Période", "Période précédente", "Un an plus tôt"])
            .Add(c => c.Rows, rows));
}
