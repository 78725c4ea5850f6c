using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Sla;

/// <summary>
/// The inbox order. A conversation ranks at the earliest due time of the targets it still owes, breached ones included
/// (or a day after its last activity when it owes none),
/// brought forward by what makes it more pressing: up to 2 hours for triage urgency, 4 hours when urgent and 1 hour when
/// high priority (1 hour later when low), 30 minutes for a negative mood, and up to 1 hour for a customer's audience.
/// The rank is an instant, so the order holds as time passes; the score shown is how close that instant is: 100 once
/// it is reached, 0 a day or more ahead.
/// </summary>
public static class PriorityScore
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    /// <summary>Where resolved conversations rank: after every open one.</summary>
    public static readonly DateTime Settled = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime RankAt(Conversation conversation)
    {
        if (conversation.Status == ConversationStatus.Resolved)
        {
            return Settled;
        }

        var anchor = Earliest(Earliest(
            Pending(conversation.FirstResponseState, conversation.FirstResponseDueAt, conversation.FirstResponseAt is null),
            Pending(conversation.NextResponseState, conversation.NextResponseDueAt, conversation.WaitingSince is not null)),
            Pending(conversation.ResolutionState, conversation.ResolutionDueAt, stillOwed: true))
            ?? conversation.LastActivityAt.AddTicks(Math.Min(Horizon.Ticks, Settled.Ticks - conversation.LastActivityAt.Ticks));

        // Saturated at both ends, whatever time a platform claims.
        return new DateTime(Math.Clamp(anchor.Ticks - Credit(conversation).Ticks, DateTime.MinValue.Ticks, Settled.Ticks), DateTimeKind.Utc);
    }

    /// <summary>0–100: how pressing the conversation is at <paramref name="now"/>.</summary>
    public static int At(DateTime rankAt, DateTime now)
    {
        var ahead = rankAt - now;
        return ahead <= TimeSpan.Zero ? 100 : ahead >= Horizon ? 0 : (int)Math.Round(100 * (1 - ahead / Horizon));
    }

    private static TimeSpan Credit(Conversation conversation)
    {
        var minutes = 1.2 * (conversation.Triage?.Urgency ?? 0);
        minutes += conversation.Priority switch
        {
            ConversationPriority.Urgent => 240,
            ConversationPriority.High => 60,
            ConversationPriority.Low => -60,
            _ => 0,
        };
        minutes += conversation.Triage?.Sentiment == "negative" ? 30 : 0;
        minutes += Math.Min(60, 10 * Math.Log10(1 + conversation.Reach));
        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>The due time of a target still owed: running, or breached and still not done (a late answer is done).</summary>
    private static DateTime? Pending(SlaTargetState? state, DateTime? due, bool stillOwed) =>
        state is SlaTargetState.Active or SlaTargetState.Warning || (state is SlaTargetState.Breached && stillOwed) ? due : null;

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
