using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Channels.X;

/// <summary>The Account Activity webhook: the CRC challenge and signed deliveries.</summary>
public static class XWebhookEndpoints
{
    public const string SignatureHeader = "x-twitter-webhooks-signature";

    public static IEndpointRouteBuilder MapXWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/x").WithTags("Webhooks").AllowAnonymous();
        group.MapGet("/{channelId:guid}", async Task<IResult> (Guid channelId, [FromQuery(Name = "crc_token")] string? crcToken, WebhookReception reception, CancellationToken cancellationToken) =>
        {
            if (!XConnector.IsCrcToken(crcToken))
            {
                return TypedResults.Problem(
                    $"crc_token is required and, as X sends it, 1 to {XConnector.MaxCrcTokenLength} characters of base64 (A-Z, a-z, 0-9, +, /, =, -, _).",
                    statusCode: StatusCodes.Status400BadRequest, title: "Bad crc_token");
            }

            var channel = await reception.FindChannelAsync(channelId, XConnector.KindName, cancellationToken);
            return channel is null
                ? WebhookReception.UnknownChannel(XConnector.KindName, channelId)
                : TypedResults.Ok(new CrcResponse(XConnector.CrcResponseToken(channel, crcToken)));
        }).RequireRateLimiting(RateLimits.WebhookChecks);
        group.MapPost("/{channelId:guid}", (Guid channelId, HttpRequest request, WebhookReception reception, CancellationToken cancellationToken) =>
            reception.ReceiveAsync(request, channelId, XConnector.KindName,
                (channel, body) => WebhookSignature.Matches(WebhookSignature.Base64(channel.Setting("consumerSecret"), body), request.Headers[SignatureHeader]),
                cancellationToken)).WithMetadata(WebhookLimits.Applied);
        return app;
    }

    public sealed record CrcResponse([property: JsonPropertyName("response_token")] string ResponseToken);
}
