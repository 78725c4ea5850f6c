using Microsoft.AspNetCore.Http.HttpResults;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Ingestion;

/// <summary>
/// The one receive path of every webhook: find the channel, check the signature, count the request against its
/// allowance (the channel's when signed, the client's when not: <see cref="WebhookLimits"/>), store the body, then answer.
/// </summary>
public sealed class WebhookReception(ChannelDirectory channels, RawEventWriter writer, WebhookLimits limits)
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<Channel?> FindChannelAsync(Guid channelId, string kind, CancellationToken cancellationToken) =>
        await channels.FindAsync(channelId, cancellationToken) is { } channel && channel.Kind == kind ? channel : null;

    public static ProblemHttpResult UnknownChannel(string kind, Guid channelId) =>
        TypedResults.Problem($"There is no {kind} channel {channelId}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel");

    public async Task<IResult> ReceiveAsync(HttpRequest request, Guid channelId, string kind, Func<Channel, byte[], bool> isSigned, CancellationToken cancellationToken)
    {
        if (limits.RefusalBeforeReading(request.HttpContext) is { } spent)
        {
            return spent;
        }

        var channel = await FindChannelAsync(channelId, kind, cancellationToken);
        if (channel is null)
        {
            return limits.UnsignedRefusal(request.HttpContext) ?? UnknownChannel(kind, channelId);
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        if (!isSigned(channel, body))
        {
            return limits.UnsignedRefusal(request.HttpContext) ?? TypedResults.Problem("The signature does not match the body and the channel's secret; nothing was stored.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature");
        }

        if (limits.SignedRefusal(channel.Id) is { } busy)
        {
            return busy;
        }

        // Kept as text: invalid UTF-8 becomes U+FFFD, and so does a NUL, which JSON never holds and PostgreSQL's text cannot.
        var text = System.Text.Encoding.UTF8.GetString(body).Replace('\0', '\uFFFD');
        await writer.WriteAsync(new IncomingDelivery(channel.WorkspaceId, channel.Id, kind, text), cancellationToken);
        return TypedResults.Ok();
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
