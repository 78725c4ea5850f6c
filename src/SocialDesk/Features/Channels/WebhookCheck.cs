using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Channels;

/// <summary>
/// Tests a channel's webhook URL as its platform does before it delivers: a real GET with the platform's challenge (X's
/// CRC, Meta's verify-token handshake), its answer checked against the channel's secrets.
/// </summary>
public sealed class WebhookCheck(HttpClient http, AppDbContext db, ChannelConnectors connectors)
{
    /// <summary>X gives a webhook three seconds to answer its CRC check.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Why the webhook at the URL fails the platform's check, or null when it passes.</summary>
    public async Task<string?> FailureAsync(ClaimsPrincipal caller, Guid channelId, Uri webhookUrl, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, cancellationToken);
        if (channel is null)
        {
            return $"There is no channel {channelId}.";
        }

        var challenge = connectors.Get(channel.Kind).Challenge(channel, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var url = QueryHelpers.AddQueryString(webhookUrl.ToString(), challenge.Query);
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? challenge.Refusal(body)
                : $"{webhookUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}";
        }
        catch (HttpRequestException e)
        {
            return $"{webhookUrl.Host} could not be reached: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{webhookUrl} did not answer within {Timeout.TotalSeconds:0} s.";
        }
    }
}
