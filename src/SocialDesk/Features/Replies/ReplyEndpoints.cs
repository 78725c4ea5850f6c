using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Replies;

/// <summary>Answering a conversation: the reply is put in the outbox, in the same transaction as the message, and sent by <see cref="ReplySender"/>.</summary>
public static class ReplyEndpoints
{
    public static IEndpointRouteBuilder MapReplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/conversations/{id:guid}/replies", ReplyAsync).WithTags("Conversations").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.ConversationsWork);
        return app;
    }

    /// <summary>
    /// The reply, public or private. <c>lastSeenMessageId</c> is the newest message the agent saw: when a newer customer
    /// message or another agent's reply has arrived since, the reply is refused with 409 and the messages that changed,
    /// unless sent again with <c>confirm</c>.
    /// </summary>
    public sealed record ReplyRequest(string? Text, bool Private = false, Guid? LastSeenMessageId = null, bool Confirm = false);

    private static async Task<IResult> ReplyAsync(
        Guid id,
        ReplyRequest request,
        ClaimsPrincipal caller,
        AppDbContext db,
        ChannelConnectors connectors,
        ReplySignal signal,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var conversation = await db.Visible(caller).Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return ConversationEndpoints.NotFound(id);
        }

        if (conversation.IsPrivate && !request.Private)
        {
            return Problem("A private conversation is answered privately: send the reply with \"private\": true.");
        }

        var connector = connectors.Get(conversation.Channel!.Kind);
        var maxLength = connector.MaxReplyLength(request.Private);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Contains('\0', StringComparison.Ordinal) || new StringInfo(request.Text).LengthInTextElements > maxLength)
        {
            return Problem($"A {(request.Private ? "private" : "public")} {connector.Kind} reply needs text, at most {maxLength} characters, without NUL (U+0000).");
        }

        // The reply answers the customer's latest message of the same kind: a post or comment publicly, any message privately.
        var target = await db.Messages
            .Where(m => m.ConversationId == id && m.Direction == MessageDirection.Inbound && m.DeletedAt == null && (request.Private || !m.IsPrivate))
            .OrderByDescending(m => m.PlatformTime)
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Problem("This conversation has no customer message left to answer.");
        }

        if (request.LastSeenMessageId is { } seenId && !request.Confirm && await CollisionAsync(db, id, seenId, caller.UserId(), cancellationToken) is { } collision)
        {
            return collision;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var reply = new Message
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ConversationId = id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            IsPrivate = request.Private,
            ReplyToPlatformMessageId = target.PlatformMessageId,
            AuthorUserId = caller.UserId(),
            Text = request.Text,
            ReceivedAt = now,
            Delivery = DeliveryState.Queued,
        };
        db.Messages.Add(reply);
        db.Outbox.Add(new OutboxItem { WorkspaceId = workspaceId, MessageId = reply.Id, NextAttemptAt = now, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/v1/conversations/{id}", MessageView.Of(reply));
    }

    /// <summary>The 409 answer when messages the agent has not seen arrived after <paramref name="seenId"/>, or the 400 when that is no message of the conversation.</summary>
    private static async Task<IResult?> CollisionAsync(AppDbContext db, Guid conversationId, Guid seenId, Guid userId, CancellationToken cancellationToken)
    {
        var seen = await db.Messages.Where(m => m.Id == seenId && m.ConversationId == conversationId).Select(m => (DateTime?)(m.PlatformTime ?? m.ReceivedAt)).FirstOrDefaultAsync(cancellationToken);
        if (seen is not { } seenAt)
        {
            return Problem($"lastSeenMessageId {seenId} is not a message of this conversation.");
        }

        var unseen = await db.Messages.AsNoTracking().Include(m => m.AuthorIdentity)
            .Where(m => m.ConversationId == conversationId && m.Id != seenId && (m.PlatformTime ?? m.ReceivedAt) >= seenAt
                && (m.Direction == MessageDirection.Inbound || m.AuthorUserId != userId))
            .OrderBy(m => m.PlatformTime ?? m.ReceivedAt)
            .ToListAsync(cancellationToken);
        return unseen.Count == 0 ? null : TypedResults.Problem(
            $"{unseen.Count} message(s) arrived since the one you saw: read them, then send again, or send with \"confirm\": true.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The conversation changed",
            extensions: new Dictionary<string, object?> { ["changes"] = unseen.Select(MessageView.Of).ToList() });
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The reply cannot be sent as asked");
}
