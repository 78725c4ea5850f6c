using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Notifications;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Sla;

/// <summary><c>Sla:Interval</c>: how often the SLA worker looks for warnings and breaches (every second by default).</summary>
public sealed class SlaOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Raises SLA warnings and breaches as their moment comes: each pass takes the conversations whose next SLA moment
/// (<see cref="Conversation.SlaCheckAt"/>, indexed) has come, lets <see cref="SlaClock.Evaluate"/> warn and breach, and
/// applies the policy's escalation to each conversation that breached: priority one step up, handover to the policy's
/// team (unassigned, so that team's routing takes it), and a notification to each supervisor and admin.
/// </summary>
public sealed class SlaWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaWorker> logger)
    : PeriodicWorker(time, logger)
{
    private const int BatchSize = 1000;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>One pass at the worker's clock; returns how many conversations it looked at.</summary>
    public Task<int> RunPassAsync(CancellationToken cancellationToken) => OneAtATimeAsync(() => RunAloneAsync(cancellationToken), cancellationToken);

    private async Task<int> RunAloneAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var seen = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<SlaClock>();
            var rules = scope.ServiceProvider.GetRequiredService<WorkspaceRulesCache>();
            var due = await db.Conversations
                .Where(c => c.SlaCheckAt != null && c.SlaCheckAt <= now)
                .OrderBy(c => c.SlaCheckAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var supervisors = new Dictionary<Guid, List<Guid>>();
            foreach (var conversation in due)
            {
                var breaches = clock.Evaluate(conversation, now);
                if (breaches.Count > 0 && rules.For(conversation.WorkspaceId).Policy(conversation.SlaPolicyId) is { } policy)
                {
                    await EscalateAsync(db, conversation, policy, breaches, supervisors, now, cancellationToken);
                    clock.Refresh(conversation);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            seen += due.Count;
            if (due.Count < BatchSize)
            {
                return seen;
            }
        }
    }

    private static async Task EscalateAsync(
        AppDbContext db, Conversation conversation, SlaPolicy policy, IReadOnlyList<SlaEvent> breaches,
        Dictionary<Guid, List<Guid>> supervisors, DateTime now, CancellationToken cancellationToken)
    {
        if (policy.EscalateRaisePriority)
        {
            conversation.Priority = ConversationPriorities.Raise(conversation.Priority);
        }

        if (policy.EscalateToTeamId is { } teamId && conversation.TeamId != teamId)
        {
            conversation.TeamId = teamId;
            conversation.AssigneeId = null;
        }

        if (!policy.EscalateNotifySupervisors)
        {
            return;
        }

        if (!supervisors.TryGetValue(conversation.WorkspaceId, out var userIds))
        {
            userIds = await db.Memberships
                .Where(m => m.WorkspaceId == conversation.WorkspaceId && (m.Role == Roles.Supervisor || m.Role == Roles.Admin))
                .Select(m => m.UserId)
                .ToListAsync(cancellationToken);
            supervisors[conversation.WorkspaceId] = userIds;
        }

        var targets = string.Join(", ", breaches.Select(b => TargetName(b.Target)));
        db.Notifications.AddRange(userIds.Select(userId => new Notification
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = conversation.WorkspaceId,
            UserId = userId,
            ConversationId = conversation.Id,
            Kind = "sla_breached",
            Text = $"SLA \"{policy.Name}\" breached ({targets}), due {breaches.Min(b => b.DueAt):yyyy-MM-dd HH:mm} UTC.",
            CreatedAt = now,
        }));
    }

    public static string TargetName(SlaTargetKind target) => target switch
    {
        SlaTargetKind.FirstResponse => "first response",
        SlaTargetKind.NextResponse => "next response",
        _ => "resolution",
    };
}
