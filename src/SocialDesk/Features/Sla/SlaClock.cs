using SocialDesk.Data;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Sla;

/// <summary>
/// Runs a conversation's SLA clocks: its policy's three targets, due in its team's business time.
/// <list type="bullet">
/// <item>First response: due from the customer's first message; met by the brand's first reply.</item>
/// <item>Next response: armed by a customer message once the brand has answered (and on a reopen); met by the next reply.</item>
/// <item>Resolution: due from the start of the resolution cycle; met by resolving; a reopen re-arms it from the reopening.</item>
/// </list>
/// While the conversation is pending (waiting for the customer) the clocks stop: on the customer's reply each running
/// target gets back the business time it had left. Resolving ends the response targets that are still running without
/// counting them. A target is met when answered at or before its due time. The worker (<see cref="SlaWorker"/>) raises
/// the warning and the breach of running targets; each change is recorded as an <see cref="SlaEvent"/>.
/// </summary>
public sealed class SlaClock(AppDbContext db, WorkspaceRulesCache cache)
{
    private static readonly SlaTargetKind[] Targets = [SlaTargetKind.FirstResponse, SlaTargetKind.NextResponse, SlaTargetKind.Resolution];

    /// <summary>Holds a conversation without a policy to the one its workspace's rules choose now, from its first message on.</summary>
    public void Choose(Conversation conversation)
    {
        if (conversation.SlaPolicyId is not null)
        {
            return;
        }

        var rules = cache.For(conversation.WorkspaceId);
        if (rules.PolicyFor(conversation, rules.TagsMatter ? TagsOf(conversation) : []) is not { } policy)
        {
            return;
        }

        var calendar = rules.CalendarOf(conversation.TeamId);
        conversation.SlaPolicyId = policy.Id;
        if (conversation.FirstResponseAt is null)
        {
            Arm(conversation, SlaTargetKind.FirstResponse, policy.FirstResponseMinutes, conversation.StartedAt, calendar);
        }

        Arm(conversation, SlaTargetKind.Resolution, policy.ResolutionMinutes, conversation.CycleStartedAt, calendar);
        Refresh(conversation, policy);
    }

    /// <summary>A customer message: the clocks resume if they were stopped, and the next response is due if the brand has spoken.</summary>
    public void CustomerWrote(Conversation conversation, DateTime at)
    {
        if (Terms(conversation) is not var (policy, calendar))
        {
            Refresh(conversation, null);
            return;
        }

        Resume(conversation, at, calendar);
        if (conversation.FirstResponseAt is not null && !IsRunning(conversation.NextResponseState))
        {
            Arm(conversation, SlaTargetKind.NextResponse, policy.NextResponseMinutes, at, calendar);
        }

        Refresh(conversation, policy);
    }

    /// <summary>The brand's reply meets the running response targets.</summary>
    public void BrandReplied(Conversation conversation, DateTime at)
    {
        var policy = cache.For(conversation.WorkspaceId).Policy(conversation.SlaPolicyId);
        Close(conversation, SlaTargetKind.FirstResponse, at, count: true);
        Close(conversation, SlaTargetKind.NextResponse, at, count: true);
        Refresh(conversation, policy);
    }

    public void Resolved(Conversation conversation, DateTime at)
    {
        Close(conversation, SlaTargetKind.Resolution, at, count: true);
        Close(conversation, SlaTargetKind.FirstResponse, at, count: false);
        Close(conversation, SlaTargetKind.NextResponse, at, count: false);
        conversation.SlaPausedAt = null;
        Refresh(conversation, null);
    }

    /// <summary>A new resolution cycle: resolution is due again from now, and so is the next response once the brand has spoken.</summary>
    public void Reopened(Conversation conversation, DateTime at)
    {
        if (Terms(conversation) is not var (policy, calendar))
        {
            Refresh(conversation, null);
            return;
        }

        Arm(conversation, SlaTargetKind.Resolution, policy.ResolutionMinutes, at, calendar);
        if (conversation.FirstResponseAt is not null)
        {
            Arm(conversation, SlaTargetKind.NextResponse, policy.NextResponseMinutes, at, calendar);
        }

        Refresh(conversation, policy);
    }

    /// <summary>Waiting for the customer: the clocks stop.</summary>
    public void Paused(Conversation conversation, DateTime at)
    {
        conversation.SlaPausedAt ??= at;
        Refresh(conversation, null);
    }

    /// <summary>
    /// The worker's look at a conversation at <paramref name="now"/>: each running target within its warning lead is
    /// warned, each past its due time breached. Returns the targets breached now, for the policy's escalation.
    /// </summary>
    public IReadOnlyList<SlaEvent> Evaluate(Conversation conversation, DateTime now)
    {
        var policy = cache.For(conversation.WorkspaceId).Policy(conversation.SlaPolicyId);
        var breaches = new List<SlaEvent>();
        if (policy is null || conversation.SlaPausedAt is not null || conversation.Status == ConversationStatus.Resolved)
        {
            Refresh(conversation, policy);
            return breaches;
        }

        var lead = TimeSpan.FromMinutes(policy.WarningMinutes);
        foreach (var target in Targets)
        {
            var (due, state) = Get(conversation, target);
            if (due is not { } dueAt || !IsRunning(state))
            {
                continue;
            }

            if (now >= dueAt)
            {
                Set(conversation, target, dueAt, SlaTargetState.Breached);
                breaches.Add(Record(conversation, target, SlaEventKind.Breached, dueAt, now));
            }
            else if (state == SlaTargetState.Active && dueAt - now <= lead)
            {
                Set(conversation, target, dueAt, SlaTargetState.Warning);
                Record(conversation, target, SlaEventKind.Warning, dueAt, now);
            }
        }

        Refresh(conversation, policy);
        return breaches;
    }

    /// <summary>Recomputes when the worker must look next and where the conversation ranks, after any change to it.</summary>
    public void Refresh(Conversation conversation) => Refresh(conversation, cache.For(conversation.WorkspaceId).Policy(conversation.SlaPolicyId));

    public static (DateTime? Due, SlaTargetState? State) Get(Conversation conversation, SlaTargetKind target) => target switch
    {
        SlaTargetKind.FirstResponse => (conversation.FirstResponseDueAt, conversation.FirstResponseState),
        SlaTargetKind.NextResponse => (conversation.NextResponseDueAt, conversation.NextResponseState),
        _ => (conversation.ResolutionDueAt, conversation.ResolutionState),
    };

    private static void Set(Conversation conversation, SlaTargetKind target, DateTime? due, SlaTargetState? state)
    {
        switch (target)
        {
            case SlaTargetKind.FirstResponse:
                (conversation.FirstResponseDueAt, conversation.FirstResponseState) = (due, state);
                break;
            case SlaTargetKind.NextResponse:
                (conversation.NextResponseDueAt, conversation.NextResponseState) = (due, state);
                break;
            default:
                (conversation.ResolutionDueAt, conversation.ResolutionState) = (due, state);
                break;
        }
    }

    private static bool IsRunning(SlaTargetState? state) => state is SlaTargetState.Active or SlaTargetState.Warning;

    private (SlaPolicy Policy, BusinessCalendar Calendar)? Terms(Conversation conversation)
    {
        var rules = cache.For(conversation.WorkspaceId);
        return rules.Policy(conversation.SlaPolicyId) is { } policy ? (policy, rules.CalendarOf(conversation.TeamId)) : null;
    }

    private static void Arm(Conversation conversation, SlaTargetKind target, int? minutes, DateTime from, BusinessCalendar calendar)
    {
        if (minutes is { } allowed && DueAfter(calendar, from, TimeSpan.FromMinutes(allowed)) is { } due)
        {
            Set(conversation, target, due, SlaTargetState.Active);
        }
    }

    /// <summary>When the business time has elapsed; none for an instant so near the end of the calendar that it never does.</summary>
    private static DateTime? DueAfter(BusinessCalendar calendar, DateTime from, TimeSpan duration)
    {
        try
        {
            return calendar.AddBusinessTime(from, duration);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Ends a running target at <paramref name="at"/>: met or breached when it counts, dropped when it no longer applies.</summary>
    private void Close(Conversation conversation, SlaTargetKind target, DateTime at, bool count)
    {
        var (due, state) = Get(conversation, target);
        if (due is not { } dueAt || !IsRunning(state))
        {
            return;
        }

        if (!count)
        {
            Set(conversation, target, null, null);
            return;
        }

        var met = at <= dueAt;
        Set(conversation, target, dueAt, met ? SlaTargetState.Met : SlaTargetState.Breached);
        Record(conversation, target, met ? SlaEventKind.Met : SlaEventKind.Breached, dueAt, at);
    }

    /// <summary>After a pause, each running target gets back the business time it had left when the clock stopped.</summary>
    private static void Resume(Conversation conversation, DateTime at, BusinessCalendar calendar)
    {
        if (conversation.SlaPausedAt is not { } pausedAt)
        {
            return;
        }

        conversation.SlaPausedAt = null;
        foreach (var target in Targets)
        {
            if (Get(conversation, target) is ({ } due, var state) && IsRunning(state))
            {
                var left = due > pausedAt ? calendar.BusinessTimeBetween(pausedAt, due) : TimeSpan.Zero;
                Set(conversation, target, DueAfter(calendar, at > pausedAt ? at : pausedAt, left) ?? due, SlaTargetState.Active);
            }
        }
    }

    private static void Refresh(Conversation conversation, SlaPolicy? policy)
    {
        conversation.SlaCheckAt = null;
        if (policy is not null && conversation.SlaPausedAt is null && conversation.Status != ConversationStatus.Resolved)
        {
            var lead = TimeSpan.FromMinutes(policy.WarningMinutes);
            foreach (var target in Targets)
            {
                var (due, state) = Get(conversation, target);
                DateTime? next = state switch
                {
                    SlaTargetState.Active when due is { } dueAt => new DateTime(Math.Max(DateTime.MinValue.Ticks, dueAt.Ticks - lead.Ticks), DateTimeKind.Utc),
                    SlaTargetState.Warning => due,
                    _ => null,
                };
                if (next is { } moment && (conversation.SlaCheckAt is null || moment < conversation.SlaCheckAt))
                {
                    conversation.SlaCheckAt = moment;
                }
            }
        }

        conversation.RankAt = PriorityScore.RankAt(conversation);
    }

    private SlaEvent Record(Conversation conversation, SlaTargetKind target, SlaEventKind kind, DateTime due, DateTime at)
    {
        var recorded = new SlaEvent
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            PolicyId = conversation.SlaPolicyId!.Value,
            TeamId = conversation.TeamId,
            Target = target,
            Kind = kind,
            DueAt = due,
            OccurredAt = at,
        };
        db.SlaEvents.Add(recorded);
        return recorded;
    }

    private List<string> TagsOf(Conversation conversation) => db.Contacts.Find(conversation.ContactId)?.Tags ?? [];
}
