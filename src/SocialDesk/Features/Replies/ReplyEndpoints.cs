using System.Security.Claims;
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
        CancellationToken cancellationToken) =>
        await db.QueueReplyAsync(caller, id, request.Text, request.Private, new ReplyBasis(request.LastSeenMessageId, request.Confirm), connectors, signal, time, cancellationToken) switch
        {
            { Reply: { } reply } => TypedResults.Accepted($"/api/v1/conversations/{id}", MessageView.Of(reply)),
            { NotFound: true } => ConversationEndpoints.NotFound(id),
            { Unseen: { } unseen } => TypedResults.Problem(
                $"{unseen.Count} message(s) arrived since the one you saw: read them, then send again, or send with \"confirm\": true.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The conversation changed",
                extensions: new Dictionary<string, object?> { ["changes"] = unseen.Select(MessageView.Of).ToList() }),
            var refused => TypedResults.Problem(refused.Refusal!.English, statusCode: StatusCodes.Status400BadRequest, title: "The reply cannot be sent as asked"),
        };
}
