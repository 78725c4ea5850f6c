using MudBlazor;
using SocialDesk.Features.Sla;

namespace SocialDesk.Web.Sla;

/// <summary>
/// One SLA target of a conversation as a page shows it: which, when it is due, where it stands, and whether it is known to
/// be still unmet (a breached target may have been met late).
/// </summary>
public sealed record SlaClockReading(SlaTargetKind Target, DateTime? DueAt, SlaTargetState? State, bool Unmet = false)
{
    /// <summary>Not met yet and counting, before its due time (active, warning) or past it (breached and unmet).</summary>
    public bool Running => DueAt is not null && (State is SlaTargetState.Active or SlaTargetState.Warning || (State == SlaTargetState.Breached && Unmet));

    /// <summary>
    /// The state at <paramref name="now"/>: a running target whose due time passed while the page was open is breached,
    /// before the SLA worker's next pass says so.
    /// </summary>
    public SlaTargetState? StateAt(DateTime now) => Running && now >= DueAt ? SlaTargetState.Breached : State;

    public bool OverdueAt(DateTime now) => Running && now >= DueAt;
}

/// <summary>The countdowns of the inbox and the conversation page: which target is nearest, how long is left, and its colour.</summary>
public static class SlaCountdown
{
    /// <param name="responded">Whether the conversation had its first response: a breached first response without one is overdue.</param>
    /// <param name="resolved">Whether it is resolved: a breached resolution of one that is not is overdue.</param>
    public static IReadOnlyList<SlaClockReading> Clocks(SlaView sla, bool responded, bool resolved) =>
    [
        new(SlaTargetKind.FirstResponse, sla.FirstResponseDueAt, sla.FirstResponseState, !responded),
        new(SlaTargetKind.NextResponse, sla.NextResponseDueAt, sla.NextResponseState),
        new(SlaTargetKind.Resolution, sla.ResolutionDueAt, sla.ResolutionState, !resolved),
    ];

    /// <summary>
    /// What a row shows: the running target due soonest (an overdue one first); none while the clocks are paused; else a
    /// target breached and met late; else nothing (no policy, or every target met).
    /// </summary>
    public static SlaClockReading? Nearest(SlaView sla, bool responded, bool resolved)
    {
        if (sla.PausedAt is not null)
        {
            return null;
        }

        var clocks = Clocks(sla, responded, resolved);
        return clocks.Where(c => c.Running).OrderBy(c => c.DueAt).FirstOrDefault()
            ?? clocks.FirstOrDefault(c => c.State == SlaTargetState.Breached);
    }

    /// <summary>
    /// Time left as a person reads it at a glance: seconds under a minute, minutes under an hour, hours and minutes under
    /// a day, then days and hours; time past due with a minus sign.
    /// </summary>
    public static string Left(TimeSpan left, string dayUnit)
    {
        var sign = left < TimeSpan.Zero ? "−" : "";
        var span = left.Duration();
        return sign + span switch
        {
            { TotalMinutes: < 1 } => FormattableString.Invariant($"{span.Seconds} s"),
            { TotalHours: < 1 } => FormattableString.Invariant($"{span.Minutes} min"),
            { TotalDays: < 1 } => FormattableString.Invariant($"{span.Hours} h {span.Minutes:00}"),
            _ => FormattableString.Invariant($"{(int)span.TotalDays} {dayUnit} {span.Hours} h"),
        };
    }

    public static Color ColorOf(SlaTargetState? state) => state switch
    {
        SlaTargetState.Warning => Color.Warning,
        SlaTargetState.Breached => Color.Error,
        SlaTargetState.Met => Color.Success,
        _ => Color.Info,
    };

    public static Color ColorOf(Features.Conversations.ConversationPriority priority) => priority switch
    {
        Features.Conversations.ConversationPriority.Urgent => Color.Error,
        Features.Conversations.ConversationPriority.High => Color.Warning,
        _ => Color.Default,
    };
}
