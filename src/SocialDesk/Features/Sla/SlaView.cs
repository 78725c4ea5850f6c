using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Sla;

public sealed record SlaPolicyRef(Guid Id, string Name);

/// <summary>
/// The <c>sla</c> block of a conversation: its policy, each target's due time and state. A running target's state is
/// read at the moment of the request, so a due time just passed shows as breached even before the worker's next pass.
/// </summary>
public sealed record SlaView(
    SlaPolicyRef? Policy,
    DateTime? FirstResponseDueAt,
    SlaTargetState? FirstResponseState,
    DateTime? NextResponseDueAt,
    SlaTargetState? NextResponseState,
    DateTime? ResolutionDueAt,
    SlaTargetState? ResolutionState,
    DateTime? PausedAt)
{
    public static SlaView Of(Conversation c, WorkspaceRules rules, DateTime now)
    {
        var policy = rules.Policy(c.SlaPolicyId);
        var lead = TimeSpan.FromMinutes(policy?.WarningMinutes ?? 0);
        var paused = c.SlaPausedAt is not null || c.Status == ConversationStatus.Resolved;
        return new SlaView(
            policy is null ? null : new SlaPolicyRef(policy.Id, policy.Name),
            c.FirstResponseDueAt, StateAt(c.FirstResponseDueAt, c.FirstResponseState, lead, now, paused),
            c.NextResponseDueAt, StateAt(c.NextResponseDueAt, c.NextResponseState, lead, now, paused),
            c.ResolutionDueAt, StateAt(c.ResolutionDueAt, c.ResolutionState, lead, now, paused),
            c.SlaPausedAt);
    }

    private static SlaTargetState? StateAt(DateTime? due, SlaTargetState? stored, TimeSpan lead, DateTime now, bool paused) =>
        stored is SlaTargetState.Active or SlaTargetState.Warning && due is { } dueAt && !paused
            ? (SlaTargetState)Math.Max((int)stored.Value, (int)new SlaTarget(dueAt, lead).StateAt(now, null))
            : stored;
}
