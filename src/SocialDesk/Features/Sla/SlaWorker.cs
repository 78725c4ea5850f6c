using System.Text.Json;
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
/// team (unassigned, so that team's routing takes it), and a notification to each supervisor and admin (one summary
/// when many breach at once).
/// </summary>
public sealed class SlaWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaWorker> logger)
    : PeriodicWorker(time, logger)
{
    private const int BatchSize = 1000;
    private const int SummaryAbove = 20;

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
            var notices = new List<Notice>();
            foreach (var conversation in due)
            {
                var breaches = clock.Evaluate(conversation, now);
                if (breaches.Count > 0 && rules.For(conversation.WorkspaceId).Policy(conversation.SlaPolicyId) is { } policy)
                {
                    Escalate(conversation, policy);
                    clock.Refresh(conversation);
                    if (policy.EscalateNotifySupervisors)
                    {
                        notices.Add(new Notice(conversation.WorkspaceId, conversation.Id,
                            $"SLA \"{policy.Name}\" breached ({string.Join(", ", breaches.Select(b => TargetName(b.Target)))}), due {breaches.Min(b => b.DueAt):yyyy-MM-dd HH:mm} UTC."));
                    }
                }
            }

            await NotifyAsync(db, notices, now, cancellationToken);
            var raised = db.ChangeTracker.Entries<SlaEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            await db.SaveChangesAsync(cancellationToken);
            var metrics = scope.ServiceProvider.GetRequiredService<SocialDeskMetrics>();
            foreach (var raise in raised)
            {
                metrics.SlaRaised(JsonNamingPolicy.CamelCase.ConvertName(raise.Kind.ToString()), JsonNamingPolicy.CamelCase.ConvertName(raise.Target.ToString()));
            }

            seen += due.Count;
            if (due.Count < BatchSize)
            {
                return seen;
            }
        }
    }

    /// <summary>The policy's escalation of a breach: priority one step up, handover to its team's queue, unassigned.</summary>
    private static void Escalate(Conversation conversation, SlaPolicy policy)
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
    }

    private sealed record Notice(Guid WorkspaceId, Guid ConversationId, string Text);

    /// <summary>
    /// Tells each supervisor and admin of the workspace about each breach; when more than <see cref="SummaryAbove"/>
    /// breach together (a catch-up after an outage), one notification says how many instead.
    /// </summary>
    private static async Task NotifyAsync(AppDbContext db, List<Notice> notices, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var workspace in notices.GroupBy(n => n.WorkspaceId))
        {
            var userIds = await db.Memberships
                .Where(m => m.WorkspaceId == workspace.Key && (m.Role == Roles.Supervisor || m.Role == Roles.Admin))
                .Select(m => m.UserId)
                .ToListAsync(cancellationToken);
            var told = workspace.Count() > SummaryAbove
                ? [new Notice(workspace.Key, Guid.Empty, $"{workspace.Count()} conversations breached their SLA at {now:yyyy-MM-dd HH:mm} UTC.")]
                : workspace.ToList();
            db.Notifications.AddRange(userIds.SelectMany(userId => told.Select(notice => new Notification
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = notice.WorkspaceId,
                UserId = userId,
                ConversationId = notice.ConversationId == Guid.Empty ? null : notice.ConversationId,
                Kind = "sla_breached",
                Text = notice.Text,
                CreatedAt = now,
            })));
        }
    }

    private static string TargetName(SlaTargetKind target) => target switch
    {
        SlaTargetKind.FirstResponse => "first response",
        SlaTargetKind.NextResponse => "next response",
        _ => "resolution",
    };
}
