using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Replies;

/// <summary>
/// A reply queued for sending, or why not: the conversation is not the caller's to see (<see cref="NotFound"/>), the reply
/// cannot be sent as asked (<see cref="Refusal"/>), or messages the caller has not seen arrived since (<see cref="Unseen"/>).
/// </summary>
public sealed record ReplyOutcome(Message? Reply, bool NotFound, ReplyRefusal? Refusal, IReadOnlyList<Message>? Unseen = null);

/// <summary>Why a reply cannot be sent as asked; the web app says each in the user's language (<c>replyRefusal.{kind}</c> in its texts).</summary>
public enum ReplyRefusalKind
{
    /// <summary>A public reply to a private conversation.</summary>
    PrivateConversation,

    /// <summary>No text, too long for the platform (<see cref="ReplyRefusal.MaxLength"/>), or with NUL.</summary>
    BadPublicText,
    BadPrivateText,

    /// <summary>Every customer message was deleted, or none was public for a public reply.</summary>
    NothingToAnswer,

    /// <summary>The message the agent says they saw last is not one of this conversation.</summary>
    UnknownLastSeen,
}

/// <summary>
/// A refused reply: its kind and the values its explanation names (the channel kind and the longest text it takes, the
/// message said seen). The API explains it in <see cref="English"/>; the web app in the user's language from the same values.
/// </summary>
public sealed record ReplyRefusal(ReplyRefusalKind Kind, string? ChannelKind = null, int MaxLength = 0, Guid? LastSeenMessageId = null)
{
    public string English => Kind switch
    {
        ReplyRefusalKind.PrivateConversation => "A private conversation is answered privately: send the reply with \"private\": true.",
        ReplyRefusalKind.BadPublicText => $"A public {ChannelKind} reply needs text, at most {MaxLength} characters, without NUL (U+0000).",
        ReplyRefusalKind.BadPrivateText => $"A private {ChannelKind} reply needs text, at most {MaxLength} characters, without NUL (U+0000).",
        ReplyRefusalKind.NothingToAnswer => "This conversation has no customer message left to answer.",
        _ => $"lastSeenMessageId {LastSeenMessageId} is not a message of this conversation.",
    };
}

/// <summary>
/// What the reply was written on: <see cref="LastSeenMessageId"/> is the newest message the agent saw; when a newer
/// customer message or another agent's reply has arrived since, the reply waits for <see cref="Confirm"/>.
/// </summary>
public sealed record ReplyBasis(Guid? LastSeenMessageId = null, bool Confirm = false);

/// <summary>
/// Answering a conversation as the caller, for the API and the web app alike: the reply is written with its outbox entry
/// in one transaction and sent by <see cref="ReplySender"/>.
/// </summary>
public static class AgentReplies
{
    public static async Task<ReplyOutcome> QueueReplyAsync(
        this AppDbContext db,
        ClaimsPrincipal caller,
        Guid id,
        string? text,
        bool isPrivate,
        ReplyBasis basis,
        ChannelConnectors connectors,
        ReplySignal signal,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var conversation = await db.Visible(caller).Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return new ReplyOutcome(null, true, null);
        }

        if (conversation.IsPrivate && !isPrivate)
        {
            return Refused(new ReplyRefusal(ReplyRefusalKind.PrivateConversation));
        }

        var connector = connectors.Get(conversation.Channel!.Kind);
        var maxLength = connector.MaxReplyLength(isPrivate);
        if (string.IsNullOrWhiteSpace(text) || text.Contains('\0', StringComparison.Ordinal) || new StringInfo(text).LengthInTextElements > maxLength)
        {
            return Refused(new ReplyRefusal(isPrivate ? ReplyRefusalKind.BadPrivateText : ReplyRefusalKind.BadPublicText, connector.Kind, maxLength));
        }

        // The reply answers the customer's latest message of the same kind: a post or comment publicly, any message privately.
        var target = await db.Messages
            .Where(m => m.ConversationId == id && m.Direction == MessageDirection.Inbound && m.DeletedAt == null && (isPrivate || !m.IsPrivate))
            .OrderByDescending(m => m.PlatformTime)
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Refused(new ReplyRefusal(ReplyRefusalKind.NothingToAnswer));
        }

        if (basis.LastSeenMessageId is { } seenId && !basis.Confirm)
        {
            var seen = await db.Messages.Where(m => m.Id == seenId && m.ConversationId == id).Select(m => (DateTime?)(m.PlatformTime ?? m.ReceivedAt)).FirstOrDefaultAsync(cancellationToken);
            if (seen is not { } seenAt)
            {
                return Refused(new ReplyRefusal(ReplyRefusalKind.UnknownLastSeen, LastSeenMessageId: seenId));
            }

            var me = caller.UserId();
            var unseen = await db.Messages.AsNoTracking().Include(m => m.AuthorIdentity)
                .Where(m => m.ConversationId == id && m.Id != seenId && (m.PlatformTime ?? m.ReceivedAt) >= seenAt
                    && (m.Direction == MessageDirection.Inbound || m.AuthorUserId != me))
                .OrderBy(m => m.PlatformTime ?? m.ReceivedAt)
                .ToListAsync(cancellationToken);
            if (unseen.Count > 0)
            {
                return new ReplyOutcome(null, false, null, unseen);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var reply = new Message
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ConversationId = id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            IsPrivate = isPrivate,
            ReplyToPlatformMessageId = target.PlatformMessageId,
            AuthorUserId = caller.UserId(),
            Text = text,
            ReceivedAt = now,
            Delivery = DeliveryState.Queued,
        };
        db.Messages.Add(reply);
        db.Outbox.Add(new OutboxItem { WorkspaceId = workspaceId, MessageId = reply.Id, NextAttemptAt = now, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new ReplyOutcome(reply, false, null);
    }

    private static ReplyOutcome Refused(ReplyRefusal refusal) => new(null, false, refusal);
}
