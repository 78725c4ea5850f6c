using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Routing;

/// <summary><c>Routing:Interval</c>: how often queues are handed out and away agents' conversations returned (every second by default).</summary>
public sealed class RoutingOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Works the teams' queues. First, the open conversations of an agent away for longer than their team's
/// <see cref="Team.AwayReturnMinutes"/> go back to the queue, unassigned. Then each team with auto-assignment gives
/// its unassigned open conversations, most pressing first (<see cref="Conversation.RankAt"/>), to an eligible agent:
/// a member who is available, holds fewer open conversations than their capacity, and has the skills (the
/// conversation's language and channel, when the member lists any). Round-robin takes the eligible agent given a
/// conversation longest ago; load-balanced the one holding the fewest, then the one given a conversation longest ago.
/// A conversation nobody can take waits in the queue for the next pass.
/// </summary>
public sealed class RoutingWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<RoutingOptions> options, ILogger<RoutingWorker> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>One pass at the worker's clock; returns how many conversations were assigned and how many returned to their queue.</summary>
    public Task<(int Assigned, int Returned)> RunPassAsync(CancellationToken cancellationToken) => OneAtATimeAsync(() => RunAloneAsync(cancellationToken), cancellationToken);

    private async Task<(int Assigned, int Returned)> RunAloneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<SlaClock>();
        var now = Time.GetUtcNow().UtcDateTime;
        var returned = await ReturnFromAwayAsync(db, clock, now, cancellationToken);
        var assigned = 0;
        var teams = await db.Teams.Include(t => t.Members).Where(t => t.AutoAssignment != AutoAssignment.Off).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            assigned += await AssignAsync(db, team, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (assigned, returned);
    }

    private static async Task<int> ReturnFromAwayAsync(AppDbContext db, SlaClock clock, DateTime now, CancellationToken cancellationToken)
    {
        var stale = await (
            from conversation in db.Conversations
            join team in db.Teams on conversation.TeamId equals team.Id
            join membership in db.Memberships on new { conversation.WorkspaceId, UserId = conversation.AssigneeId!.Value } equals new { membership.WorkspaceId, membership.UserId }
            where conversation.Status != ConversationStatus.Resolved
                && team.AwayReturnMinutes != null
                && membership.Availability == Availability.Away
                && membership.AvailabilityChangedAt != null
            select new { conversation, membership.AvailabilityChangedAt, team.AwayReturnMinutes })
            .ToListAsync(cancellationToken);
        var returned = 0;
        foreach (var item in stale.Where(s => s.AvailabilityChangedAt!.Value.AddMinutes(s.AwayReturnMinutes!.Value) <= now))
        {
            item.conversation.AssigneeId = null;
            clock.Refresh(item.conversation);
            returned++;
        }

        return returned;
    }

    private static async Task<int> AssignAsync(AppDbContext db, Team team, DateTime now, CancellationToken cancellationToken)
    {
        var queue = await db.Conversations
            .Where(c => c.TeamId == team.Id && c.AssigneeId == null && c.Status == ConversationStatus.Open)
            .OrderBy(c => c.RankAt).ThenBy(c => c.Id)
            .Take(500)
            .Include(c => c.Channel)
            .ToListAsync(cancellationToken);
        if (queue.Count == 0)
        {
            return 0;
        }

        var memberIds = team.Members.Select(m => m.UserId).ToList();
        var available = await db.Memberships
            .Where(m => m.WorkspaceId == team.WorkspaceId && memberIds.Contains(m.UserId) && m.Availability == Availability.Available)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        var load = await db.Conversations
            .Where(c => c.WorkspaceId == team.WorkspaceId && c.AssigneeId != null && memberIds.Contains(c.AssigneeId.Value) && c.Status != ConversationStatus.Resolved)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        var agents = team.Members.Where(m => available.Contains(m.UserId)).ToList();
        var assigned = 0;
        foreach (var conversation in queue)
        {
            var agent = Pick(team, agents, load, conversation);
            if (agent is null)
            {
                continue;
            }

            // One tick apart, so the turns given in one pass keep their order.
            conversation.AssigneeId = agent.UserId;
            agent.LastAssignedAt = now.AddTicks(assigned);
            load[agent.UserId] = load.GetValueOrDefault(agent.UserId) + 1;
            assigned++;
        }

        return assigned;
    }

    /// <summary>The agent the team's mode chooses among those with room and the skills, or null when none can take it.</summary>
    private static TeamMember? Pick(Team team, IEnumerable<TeamMember> agents, IReadOnlyDictionary<Guid, int> load, Conversation conversation)
    {
        var language = conversation.Triage?.Language;
        var channel = conversation.Channel?.Kind;
        var eligible = agents.Where(a =>
            load.GetValueOrDefault(a.UserId) < (a.Capacity ?? team.AgentCapacity)
            && (a.Languages.Count == 0 || (language is not null && a.Languages.Contains(language)))
            && (a.Channels.Count == 0 || (channel is not null && a.Channels.Contains(channel))));
        var ordered = team.AutoAssignment == AutoAssignment.LoadBalanced
            ? eligible.OrderBy(a => load.GetValueOrDefault(a.UserId)).ThenBy(a => a.LastAssignedAt ?? DateTime.MinValue)
            : eligible.OrderBy(a => a.LastAssignedAt ?? DateTime.MinValue);
        return ordered.ThenBy(a => a.UserId).FirstOrDefault();
    }
}
