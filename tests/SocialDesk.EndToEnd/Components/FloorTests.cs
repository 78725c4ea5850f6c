using Bunit;
using SocialDesk.Features.Routing;
using SocialDesk.Web.Floor;

namespace SocialDesk.EndToEnd.Components;

public sealed class FloorTests : ComponentContext
{
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid X = Guid.NewGuid();
    private static readonly Guid Facebook = Guid.NewGuid();

    private static readonly FloorCell[] Cells =
    [
        new(Service, X, Open: 4, Unassigned: 1, Waiting: 2, Breached: 0),
        new(Service, Facebook, Open: 1, Unassigned: 1, Waiting: 0, Breached: 1),
        new(null, X, Open: 3, Unassigned: 3, Waiting: 0, Breached: 2),
    ];

    [Fact]
    public void Teams_add_up_their_channels_and_the_most_breached_come_first() =>
        Assert.Equal([new FloorTally(null, 3, 3, 0, 2), new FloorTally(Service, 5, 2, 2, 1)], FloorQueries.Tally(Cells, c => c.TeamId));

    [Fact]
    public void Channels_add_up_their_teams() =>
        Assert.Equal([new FloorTally(X, 7, 4, 2, 2), new FloorTally(Facebook, 1, 1, 0, 1)], FloorQueries.Tally(Cells, c => c.ChannelId));

    [Fact]
    public void A_table_names_each_row_and_marks_breaches()
    {
        var table = Bunit.Render<FloorTallies>(p => p
            .Add(t => t.Title, "By channel").Add(t => t.Id, "by-channel")
            .Add(t => t.Tallies, FloorQueries.Tally(Cells, c => c.ChannelId))
            .Add(t => t.NameOf, key => key == X ? "X" : "Facebook"));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["X", "7", "4", "2", "2"], rows[0].Children.Select(c => c.TextContent));
        Assert.Contains("breached", rows[1].Children[4].ClassName, StringComparison.Ordinal);
    }
}
