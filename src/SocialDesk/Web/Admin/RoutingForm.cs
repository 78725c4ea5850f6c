using SocialDesk.Features.Routing;
using SocialDesk.Features.Teams;

namespace SocialDesk.Web.Admin;

/// <summary>A team's routing form: rules typed as comma-separated words, turned into the API's request as they are.</summary>
public sealed class RoutingForm
{
    public Guid? CalendarId { get; set; }
    public int RoutingPosition { get; set; }
    public string? RouteChannels { get; set; }
    public string? RouteLanguages { get; set; }
    public string? RouteTopics { get; set; }
    public AutoAssignment AutoAssignment { get; set; }
    public int? AgentCapacity { get; set; }
    public int? AwayReturnMinutes { get; set; }

    /// <summary>Each member's skills and capacity, by user id.</summary>
    public Dictionary<Guid, Skills> Members { get; } = [];

    public static RoutingForm Of(RoutingEndpoints.RoutingView routing)
    {
        var form = new RoutingForm
        {
            CalendarId = routing.CalendarId,
            RoutingPosition = routing.RoutingPosition,
            RouteChannels = PolicyForm.Join(routing.RouteChannels),
            RouteLanguages = PolicyForm.Join(routing.RouteLanguages),
            RouteTopics = PolicyForm.Join(routing.RouteTopics),
            AutoAssignment = routing.AutoAssignment,
            AgentCapacity = routing.AgentCapacity,
            AwayReturnMinutes = routing.AwayReturnMinutes,
        };
        foreach (var member in routing.Members)
        {
            form.Members[member.UserId] = new Skills { Languages = PolicyForm.Join(member.Languages), Channels = PolicyForm.Join(member.Channels), Capacity = member.Capacity };
        }

        return form;
    }

    public RoutingEndpoints.RoutingRequest ToRequest() => new(
        CalendarId, RoutingPosition, PolicyForm.Split(RouteChannels), PolicyForm.Split(RouteLanguages), PolicyForm.Split(RouteTopics), AutoAssignment, AgentCapacity, AwayReturnMinutes);

    /// <summary>A member's skills in the team: languages and channel kinds (empty: any), and their own capacity (empty: the team's).</summary>
    public sealed class Skills
    {
        public string? Languages { get; set; }
        public string? Channels { get; set; }
        public int? Capacity { get; set; }

        public RoutingEndpoints.SkillsRequest ToRequest() => new(PolicyForm.Split(Languages), PolicyForm.Split(Channels), Capacity);
    }
}
