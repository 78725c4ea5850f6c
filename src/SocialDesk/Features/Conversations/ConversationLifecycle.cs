using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Triage;

namespace SocialDesk.Features.Conversations;

/// <summary>
/// The changes of a conversation's life, each written with its reporting event so that reports count what happened,
/// and each moving its SLA clocks (<see cref="SlaClock"/>). A new conversation goes to the first team whose routing
/// rules it meets, once its first message is understood.
/// </summary>
public sealed class ConversationLifecycle(AppDbContext db, SlaClock sla, WorkspaceRulesCache rules)
{
    public Conversation Open(Guid workspaceId, Guid channelId, Guid contactId, bool isPrivate, DateTime at)
    {
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ChannelId = channelId,
            ContactId = contactId,
            IsPrivate = isPrivate,
            Status = ConversationStatus.Open,
            StartedAt = at,
            CycleStartedAt = at,
            LastActivityAt = at,
            RankAt = at,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }

    /// <summary>A customer's message: a resolved conversation opens again, a pending one is no longer waiting for them.</summary>
    public void Receive(Conversation conversation, Message message)
    {
        var at = message.PlatformTime ?? message.ReceivedAt;
        if (conversation.Status == ConversationStatus.Resolved)
        {
            Reopen(conversation, at, userId: null);
        }
        else if (conversation.Status == ConversationStatus.Pending)
        {
            conversation.Status = ConversationStatus.Open;
        }

        if (message.Triage is { } labels)
        {
            conversation.Triage = TriageLabels.Merge(conversation.Triage, labels);
            var called = ConversationPriorities.FromUrgency(conversation.Triage.Urgency);
            conversation.Priority = called > conversation.Priority ? called : conversation.Priority;
        }

        if (conversation.TeamId is null && db.Entry(conversation).State == EntityState.Added)
        {
            conversation.TeamId = rules.For(conversation.WorkspaceId).TeamFor(conversation)?.Id;
        }

        conversation.WaitingSince ??= at;
        Touch(conversation, at);
        sla.Choose(conversation);
        sla.CustomerWrote(conversation, at);
        var received = Record(conversation, ReportingEventNames.MessageReceived, at, message.Id);
        received.Language = message.Triage?.Language;
        received.Sentiment = message.Triage?.Sentiment;
        received.Topics = message.Triage?.Topics;
    }

    /// <summary>
    /// The brand's answer, at the time the platform confirmed it; only the first one is the first response. Any other
    /// reply to a customer waiting for one is a next response, timed from the earliest message it answers.
    /// </summary>
    public void Respond(Conversation conversation, Message message, DateTime confirmedAt)
    {
        TimeSpan? nextResponse = null;
        if (conversation.FirstResponseAt is null)
        {
            conversation.FirstResponseAt = confirmedAt;
            Record(conversation, ReportingEventNames.FirstResponse, confirmedAt, message.Id, message.AuthorUserId, confirmedAt - conversation.StartedAt);
        }
        else if (conversation.WaitingSince is { } waitingSince)
        {
            nextResponse = confirmedAt - waitingSince;
        }

        conversation.WaitingSince = null;
        Touch(conversation, confirmedAt);
        sla.BrandReplied(conversation, confirmedAt);
        Record(conversation, ReportingEventNames.ReplySent, confirmedAt, message.Id, message.AuthorUserId, nextResponse);
    }

    public void Resolve(Conversation conversation, DateTime at, Guid? userId)
    {
        conversation.Status = ConversationStatus.Resolved;
        conversation.ResolvedAt = at;
        conversation.WaitingSince = null;
        sla.Resolved(conversation, at);
        Record(conversation, ReportingEventNames.Resolved, at, userId: userId, value: at - conversation.CycleStartedAt);
    }

    /// <summary>Waiting for the customer: the SLA clocks stop until they write again.</summary>
    public void Pend(Conversation conversation, DateTime at)
    {
        conversation.Status = ConversationStatus.Pending;
        sla.Paused(conversation, at);
    }

    /// <summary>Starts a new resolution cycle; the first response stays the one already given.</summary>
    public void Reopen(Conversation conversation, DateTime at, Guid? userId)
    {
        conversation.Status = ConversationStatus.Open;
        conversation.ResolvedAt = null;
        conversation.ReopenCount++;
        conversation.CycleStartedAt = at;
        sla.Reopened(conversation, at);
        Record(conversation, ReportingEventNames.Reopened, at, userId: userId);
    }

    private static void Touch(Conversation conversation, DateTime at)
    {
        if (at > conversation.LastActivityAt)
        {
            conversation.LastActivityAt = at;
        }
    }

    private ReportingEvent Record(Conversation conversation, string name, DateTime at, Guid? messageId = null, Guid? userId = null, TimeSpan? value = null) =>
        db.ReportingEvents.Add(new ReportingEvent
        {
            WorkspaceId = conversation.WorkspaceId,
            Name = name,
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            TeamId = conversation.TeamId,
            MessageId = messageId,
            UserId = userId,
            ValueSeconds = value?.TotalSeconds,
            OccurredAt = at,
            MinuteOfDay = (at.Hour * 60) + at.Minute,
        }).Entity;
}
