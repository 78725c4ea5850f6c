using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Routing;

/// <summary>
/// The conversations not resolved of one team (none: no team's queue) on one channel: open, assigned to nobody, waiting
/// for the customer, and with a target the SLA worker found breached.
/// </summary>
public sealed record FloorCell(Guid? TeamId, Guid ChannelId, int Open, int Unassigned, int Waiting, int Breached);

/// <summary>The same counts added up for one team or one channel.</summary>
public sealed record FloorTally(Guid? Key, int Open, int Unassigned, int Waiting, int Breached);

/// <summary>A member who works conversations: how many not resolved are assigned to them, and whether they take more.</summary>
public sealed record AgentLoad(Guid UserId, string Role, int Assigned, Availability Availability);

public sealed record FloorView(IReadOnlyList<FloorTally> Teams, IReadOnlyList<FloorTally> Channels, IReadOnlyList<ConversationSummary> AboutToBreach, IReadOnlyList<AgentLoad> Agents);

/// <summary>The supervisor's live floor, read as the caller sees conversations (<see cref="ConversationAccess"/>).</summary>
public static class FloorQueries
{
    public const int AboutToBreachShown = 20;

    public static async Task<FloorView> FloorAsync(this AppDbContext db, ClaimsPrincipal caller, WorkspaceRulesCache rules, DateTime now, CancellationToken cancellationToken)
    {
        var live = db.Visible(caller).AsNoTracking().Where(c => c.Status != ConversationStatus.Resolved);
        var cells = await live
            .GroupBy(c => new { c.TeamId, c.ChannelId })
            .Select(g => new FloorCell(
                g.Key.TeamId,
                g.Key.ChannelId,
                g.Count(c => c.Status == ConversationStatus.Open),
                g.Count(c => c.AssigneeId == null),
                g.Count(c => c.Status == ConversationStatus.Pending),
                g.Count(c => c.FirstResponseState == SlaTargetState.Breached || c.NextResponseState == SlaTargetState.Breached || c.ResolutionState == SlaTargetState.Breached)))
            .ToListAsync(cancellationToken);

        var warned = await db.ListAsync(caller, new ConversationFilter(ConversationStatus.Open, SlaState: SlaTargetState.Warning, ByPriority: true), 0, AboutToBreachShown, rules, now, cancellationToken);

        var workspaceId = caller.WorkspaceId();
        var members = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).Select(m => new { m.UserId, m.Role, m.Availability }).ToListAsync(cancellationToken);
        var assigned = await live.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId!.Value).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(a => a.UserId, a => a.Count, cancellationToken);

        return new FloorView(
            Tally(cells, c => c.TeamId),
            Tally(cells, c => c.ChannelId),
            [.. warned.Items.OrderBy(c => SoonestWarning(c.Sla))],
            [.. members.Where(m => Permissions.Allows(m.Role, Permissions.ConversationsWork))
                .Select(m => new AgentLoad(m.UserId, m.Role, assigned.GetValueOrDefault(m.UserId), m.Availability))
                .OrderByDescending(a => a.Assigned)]);
    }

    /// <summary>The cells added up by team or by channel, those with the most breaches first, then the busiest.</summary>
    public static IReadOnlyList<FloorTally> Tally(IEnumerable<FloorCell> cells, Func<FloorCell, Guid?> key) =>
        [.. cells.GroupBy(key)
            .Select(g => new FloorTally(g.Key, g.Sum(c => c.Open), g.Sum(c => c.Unassigned), g.Sum(c => c.Waiting), g.Sum(c => c.Breached)))
            .OrderByDescending(t => t.Breached).ThenByDescending(t => t.Open)];

    /// <summary>When the soonest target in warning falls due (read now, a warning whose time passed reads as breached).</summary>
    private static DateTime SoonestWarning(SlaView sla) =>
        new[] { (sla.FirstResponseDueAt, sla.FirstResponseState), (sla.NextResponseDueAt, sla.NextResponseState), (sla.ResolutionDueAt, sla.ResolutionState) }
            .Where(t => t.Item2 is SlaTargetState.Warning or SlaTargetState.Breached && t.Item1 is not null)
            .Select(t => t.Item1!.Value)
            .DefaultIfEmpty(DateTime.MaxValue)
            .Min();
}
