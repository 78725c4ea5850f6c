using SocialDesk.Features.Routing;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Workspaces;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class RoutingFormTests
{
    [Fact]
    public void A_team_s_routing_read_into_the_form_gives_back_the_same_request_and_each_member_s_skills()
    {
        var (calendar, agent) = (Guid.NewGuid(), Guid.NewGuid());
        var routing = new RoutingEndpoints.RoutingView(Guid.NewGuid(), calendar, 3, ["x"], ["fr", "en"], ["billing"], AutoAssignment.LoadBalanced, 8, 15,
            [new RoutingEndpoints.MemberRoutingView(agent, ["fr"], ["x", "facebook"], 4, Availability.Available, null)]);

        var form = RoutingForm.Of(routing);
        var request = form.ToRequest();
        var skills = form.Members[agent].ToRequest();

        Assert.Equal((calendar, 3, AutoAssignment.LoadBalanced, 8, 15), (request.CalendarId, request.RoutingPosition, request.AutoAssignment, request.AgentCapacity, request.AwayReturnMinutes));
        Assert.Equal(["x"], request.RouteChannels);
        Assert.Equal(["fr", "en"], request.RouteLanguages);
        Assert.Equal(["billing"], request.RouteTopics);
        Assert.Equal(["fr"], skills.Languages);
        Assert.Equal(["x", "facebook"], skills.Channels);
        Assert.Equal(4, skills.Capacity);
    }

    [Fact]
    public void Skills_left_empty_mean_any_language_any_channel_and_the_team_s_capacity()
    {
        var skills = new RoutingForm.Skills { Languages = " ", Channels = null, Capacity = null }.ToRequest();

        Assert.Empty(skills.Languages!);
        Assert.Empty(skills.Channels!);
        Assert.Null(skills.Capacity);
    }
}
