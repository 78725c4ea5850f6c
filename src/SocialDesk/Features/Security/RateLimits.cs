using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialDesk.Features.Security;

/// <summary>
/// The named rate limits, each a token bucket that holds a minute's allowance and refills steadily: a burst up to the
/// allowance passes at once. Endpoints name theirs with <c>RequireRateLimiting(RateLimits.Api)</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in attempts, per client address.</summary>
    public const string Login = "login";

    /// <summary>API calls, per credential (a hash of the Authorization header), or per client address without one.</summary>
    public const string Api = "api";

    /// <summary>Webhook deliveries, per channel: generous, since platforms deliver in bursts.</summary>
    public const string Webhooks = "webhooks";

    internal static void AddPolicies(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RefuseAsync;
        options.AddPolicy(Login, context => Bucket(ClientAddress(context), Limits(context).LoginPerMinute));
        options.AddPolicy(Api, context => Bucket(Caller(context), Limits(context).ApiPerMinute));
        options.AddPolicy(Webhooks, context => Bucket(context.GetRouteValue("channelId")?.ToString() ?? ClientAddress(context), Limits(context).WebhooksPerMinute));
    }

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            // The partitioned limiter refills every 100 ms at best: whole seconds, or one token every few seconds for small limits.
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // A hash, so that the limiter never holds a credential.
    private static string Caller(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } credential
            ? "credential " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))
            : "address " + ClientAddress(context);

    private static async ValueTask RefuseAsync(OnRejectedContext refused, CancellationToken cancellationToken)
    {
        var wait = refused.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        refused.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem($"Too many requests; try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
            .ExecuteAsync(refused.HttpContext);
    }
}

/// <summary>The allowances per minute (<c>RateLimits:LoginPerMinute</c>, <c>ApiPerMinute</c>, <c>WebhooksPerMinute</c>).</summary>
public sealed class RateLimitOptions
{
    public int LoginPerMinute { get; set; } = 10;
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>Per channel: a platform's burst of several thousand deliveries passes, and about 100 a second are sustained.</summary>
    public int WebhooksPerMinute { get; set; } = 6_000;
}
