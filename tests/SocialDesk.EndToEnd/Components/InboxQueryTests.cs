using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;
using SocialDesk.Web.Inbox;

namespace SocialDesk.EndToEnd.Components;

public sealed class InboxQueryTests
{
    private static readonly Guid Me = Guid.NewGuid();

    [Fact]
    public void Mine_lists_the_conversations_assigned_to_the_user() =>
        Assert.Equal(new ConversationFilter(ConversationStatus.Open, AssigneeId: Me, ByPriority: true), new InboxQuery(InboxView.Mine).ToFilter(Me));

    [Fact]
    public void Unassigned_lists_those_assigned_to_nobody() =>
        Assert.Equal(new ConversationFilter(ConversationStatus.Open, Unassigned: true, ByPriority: true), new InboxQuery(InboxView.Unassigned).ToFilter(Me));

    [Fact]
    public void A_team_view_lists_the_team_queue_and_the_team_is_ignored_elsewhere()
    {
        var team = Guid.NewGuid();

        Assert.Equal(team, new InboxQuery(InboxView.Team, team).ToFilter(Me).Team);
        Assert.Null(new InboxQuery(InboxView.All, team).ToFilter(Me).Team);
    }

    [Fact]
    public void The_priority_and_sla_filters_narrow_the_list_and_the_most_pressing_comes_first()
    {
        var filter = new InboxQuery(Priority: ConversationPriority.Urgent, SlaState: SlaTargetState.Warning).ToFilter(Me);

        Assert.Equal((ConversationPriority.Urgent, SlaTargetState.Warning, true), (filter.Priority!.Value, filter.SlaState!.Value, filter.ByPriority));
    }

    [Fact]
    public void A_blank_search_searches_nothing() =>
        Assert.Null(new InboxQuery(Text: "   ").ToFilter(Me).Text);
}
