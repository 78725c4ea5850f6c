using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Conversations;

/// <summary>The message after moderation, or why not: not the caller's to see, not allowed, or the platform failed.</summary>
public sealed record ModerationOutcome(Message? Message, bool NotFound = false, string? Refusal = null, string? PlatformError = null);

/// <summary>
/// Hiding or deleting a customer's public message on its platform, where the platform allows it (see
/// <see cref="IChannelConnector.ModerationRefusal"/>), for the API and the web app alike. The platform is asked first;
/// the message is marked only once it has confirmed. Asking again for what is done already changes nothing.
/// </summary>
public static class MessageModeration
{
    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/conversations/{id:guid}/messages/{messageId:guid}/moderate", ModerateEndpointAsync).WithTags("Conversations")
            .RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.ConversationsWork);
        return app;
    }

    public sealed record ModerationRequest(Moderation Action);

    public static async Task<ModerationOutcome> ModerateAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid conversationId, Guid messageId, Moderation action, ChannelConnectors connectors, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.Visible(caller).Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        var message = conversation is null ? null : await db.Messages.Include(m => m.AuthorIdentity).FirstOrDefaultAsync(m => m.Id == messageId && m.ConversationId == conversationId, cancellationToken);
        if (message is null)
        {
            return new ModerationOutcome(null, NotFound: true);
        }

        var connector = connectors.Get(conversation!.Channel!.Kind);
        if (Refusal(connector, action, MessageView.Of(message)) is { } refusal)
        {
            return new ModerationOutcome(null, Refusal: refusal);
        }

        if ((action == Moderation.Hide ? message.HiddenAt : message.DeletedAt) is not null)
        {
            return new ModerationOutcome(message);
        }

        try
        {
            await connector.ModerateAsync(conversation.Channel, message.PlatformMessageId!, action, cancellationToken);
        }
        catch (PlatformException e)
        {
            return new ModerationOutcome(null, PlatformError: e.Message);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (action == Moderation.Hide)
        {
            message.HiddenAt = now;
        }
        else
        {
            message.DeletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ModerationOutcome(message);
    }

    /// <summary>Why this message cannot be moderated so on its channel, or null when it can: only a customer's message on the platform, as its connector allows.</summary>
    public static string? Refusal(IChannelConnector connector, Moderation action, MessageView message) =>
        message.Direction != MessageDirection.Inbound || message.PlatformMessageId is null
            ? "Only a customer's message on the platform is moderated."
            : connector.ModerationRefusal(action, message.Private);

    /// <summary>What is left to do to this message on its channel: nothing for a reply, a private message or a deleted one; no hiding twice.</summary>
    public static IReadOnlyList<Moderation> Allowed(IChannelConnector connector, MessageView message) =>
        message.DeletedAt is not null ? []
        : [.. Enum.GetValues<Moderation>().Where(action => Refusal(connector, action, message) is null && (action != Moderation.Hide || message.HiddenAt is null))];

    private static async Task<IResult> ModerateEndpointAsync(
        Guid id, Guid messageId, ModerationRequest request, ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Action))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad moderation", "action is hide or delete.");
        }

        return await db.ModerateAsync(caller, id, messageId, request.Action, connectors, time, cancellationToken) switch
        {
            { Message: { } message } => TypedResults.Ok(MessageView.Of(message)),
            { NotFound: true } => AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown message", $"There is no message {messageId} in conversation {id} of this workspace."),
            { Refusal: { } refusal } => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Not allowed on this platform", refusal),
            var failed => AuthEndpoints.Problem(StatusCodes.Status502BadGateway, "The platform did not do it", failed.PlatformError!),
        };
    }
}
