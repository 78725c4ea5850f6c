using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Security;

/// <summary>
/// The named rate limits, each a token bucket that holds a minute's allowance and refills steadily: a burst up to the
/// allowance passes at once. Endpoints name theirs with <c>RequireRateLimiting(RateLimits.Api)</c>. The API's allowance
/// is the authenticated caller's (their token, or their user for a session), never a header the caller chooses: without
/// valid credentials, it is the client address's (behind a proxy, the client's, see <see cref="SecurityHardening"/>).
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in attempts and invitation acceptances, per client address.</summary>
    public const string Login = "login";

    /// <summary>API calls, per authenticated token or user, or per client address without valid credentials.</summary>
    public const string Api = "api";

    /// <summary>Webhook handshakes (GET), per client address; deliveries are limited by <see cref="WebhookLimits"/> once their signature is known.</summary>
    public const string WebhookChecks = "webhook-checks";

    internal static void AddPolicies(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (refused, _) => new ValueTask(Refused(refused.Lease).ExecuteAsync(refused.HttpContext));
        options.AddPolicy(Login, context => Bucket("address " + ClientAddress(context), Limits(context).LoginPerMinute));
        options.AddPolicy(Api, context => Bucket(Caller(context), Limits(context).ApiPerMinute));
        options.AddPolicy(WebhookChecks, context => Bucket("address " + ClientAddress(context), Limits(context).UnsignedWebhooksPerMinute));
    }

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>A token bucket holding a minute's allowance.</summary>
    internal static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            // The partitioned limiter refills every 100 ms at best: whole seconds, or one token every few seconds for small limits.
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The client's address: the connection's, or behind a known proxy the one it forwarded.</summary>
    internal static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true ? "address " + ClientAddress(context)
        : context.User.TokenId() is { } token ? $"token {token}"
        : $"user {context.User.UserId()}";

    /// <summary>The answer to a request over its allowance: 429 with Retry-After and a problem that says when to try again.</summary>
    internal static IResult Refused(RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new RetryAfterResult(seconds, TypedResults.Problem($"Too many requests; try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests"));
    }

    /// <summary>
    /// Before the limiter: a request to the API names its caller by its credentials, so that its allowance is theirs. The
    /// server has no default scheme (webhooks look at no credentials), so the API's are read here; invalid ones leave the
    /// request anonymous, limited by its address, and the endpoint refuses it.
    /// </summary>
    internal static async Task IdentifyCallerAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is { PolicyName: Api } && context.User.Identity?.IsAuthenticated != true)
        {
            var scheme = context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthentication.SchemeName : UserAccounts.SessionScheme;
            if (await context.AuthenticateAsync(scheme) is { Succeeded: true } authenticated)
            {
                context.User = authenticated.Principal;
            }
        }

        await next(context);
    }

    private sealed class RetryAfterResult(int seconds, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>
/// Webhook deliveries are limited after their signature is checked: signed ones against their channel's allowance, so
/// that a platform's burst passes; unsigned ones against their client address's, so that anyone who knows a webhook's URL
/// cannot use up the platform's allowance. An address over its unsigned allowance is refused before its body is read.
/// </summary>
public sealed class WebhookLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    /// <summary>Marks a delivery endpoint, whose limits its handler applies through this class rather than the limiter's middleware.</summary>
    public static readonly object Applied = new();

    private readonly PartitionedRateLimiter<string> signed = PartitionedRateLimiter.Create<string, string>(channel => RateLimits.Bucket(channel, options.Value.WebhooksPerMinute));
    private readonly PartitionedRateLimiter<string> unsigned = PartitionedRateLimiter.Create<string, string>(address => RateLimits.Bucket(address, options.Value.UnsignedWebhooksPerMinute));

    /// <summary>The refusal of a client whose unsigned allowance is spent, before anything of its request is read; null otherwise.</summary>
    public IResult? RefusalBeforeReading(HttpContext context) => Refusal(unsigned.AttemptAcquire(RateLimits.ClientAddress(context), 0));

    /// <summary>A signed delivery counts against its channel's allowance: the refusal when it is spent, else null.</summary>
    public IResult? SignedRefusal(Guid channelId) => Refusal(signed.AttemptAcquire(channelId.ToString()));

    /// <summary>An unsigned request counts against its client's allowance: the refusal when it is spent, else null.</summary>
    public IResult? UnsignedRefusal(HttpContext context) => Refusal(unsigned.AttemptAcquire(RateLimits.ClientAddress(context)));

    public void Dispose()
    {
        signed.Dispose();
        unsigned.Dispose();
    }

    private static IResult? Refusal(RateLimitLease lease)
    {
        using (lease)
        {
            return lease.IsAcquired ? null : RateLimits.Refused(lease);
        }
    }
}

/// <summary>The allowances per minute (<c>RateLimits:LoginPerMinute</c>, <c>ApiPerMinute</c>, <c>WebhooksPerMinute</c>, <c>UnsignedWebhooksPerMinute</c>).</summary>
public sealed class RateLimitOptions
{
    public int LoginPerMinute { get; set; } = 10;
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>Signed deliveries per channel: a platform's burst of several thousand deliveries passes, and about 100 a second are sustained.</summary>
    public int WebhooksPerMinute { get; set; } = 6_000;

    /// <summary>Unsigned webhook requests (handshakes, bad signatures) per client address.</summary>
    public int UnsignedWebhooksPerMinute { get; set; } = 60;
}
