using Microsoft.AspNetCore.Mvc;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Channels.Facebook;

/// <summary>The Meta webhook: the verify-token handshake and signed deliveries.</summary>
public static class MetaWebhookEndpoints
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IEndpointRouteBuilder MapMetaWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/meta").WithTags("Webhooks").AllowAnonymous();
        group.MapGet("/{channelId:guid}", async Task<IResult> (
            Guid channelId,
            [FromQuery(Name = "hub.mode")] string? mode,
            [FromQuery(Name = "hub.verify_token")] string? verifyToken,
            [FromQuery(Name = "hub.challenge")] string? challenge,
            WebhookReception reception,
            CancellationToken cancellationToken) =>
        {
            var channel = await reception.FindChannelAsync(channelId, FacebookConnector.KindName, cancellationToken);
            if (channel is null)
            {
                return WebhookReception.UnknownChannel(FacebookConnector.KindName, channelId);
            }

            return mode == "subscribe" && challenge is not null && WebhookSignature.Matches(channel.Setting("verifyToken"), verifyToken)
                ? TypedResults.Text(challenge)
                : TypedResults.Problem("hub.mode must be 'subscribe' and hub.verify_token must be the channel's verify token.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Verification refused");
        }).RequireRateLimiting(RateLimits.WebhookChecks);
        group.MapPost("/{channelId:guid}", (Guid channelId, HttpRequest request, WebhookReception reception, CancellationToken cancellationToken) =>
            reception.ReceiveAsync(request, channelId, FacebookConnector.KindName,
                (channel, body) => WebhookSignature.Matches(WebhookSignature.Hex(channel.Setting("appSecret"), body), request.Headers[SignatureHeader]),
                cancellationToken)).WithMetadata(WebhookLimits.Applied);
        return app;
    }
}
