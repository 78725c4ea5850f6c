using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SocialDesk.Features.Ingestion;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;

namespace SocialDesk.Features.Security;

/// <summary>
/// What every request and response of the server gets: the client's address and scheme from a known proxy's forwarded
/// headers (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; loopback by default), rate limits
/// (<see cref="RateLimits"/>), a request body limit, a refusal of writes from another site's pages (their
/// <c>Origin</c>), security headers, HSTS outside Development, and antiforgery for the web app's forms.
/// </summary>
public static class SecurityHardening
{
    /// <summary>
    /// For the API and a Blazor Server app: everything from the server itself (its WebSocket included), no frames, no plug-ins.
    /// Scripts only from files; inline styles are allowed because MudBlazor writes its theme as a style element and Blazor sets style attributes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IServiceCollection AddSecurityHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("RateLimits"))
            .Validate(l => l.LoginPerMinute > 0 && l.ApiPerMinute > 0 && l.WebhooksPerMinute > 0 && l.UnsignedWebhooksPerMinute > 0, "RateLimits: every allowance per minute must be above 0.")
            .ValidateOnStart();
        services.AddSingleton<WebhookLimits>();
        services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, configuration.GetSection("ForwardedHeaders")));
        services.AddOptions<RequestLimitOptions>().Bind(configuration.GetSection("RequestLimits"))
            .Validate(l => l.MaxBodyBytes > 0, "RequestLimits:MaxBodyBytes must be above 0.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        services.Configure<ExceptionHandlerOptions>(options =>
        {
            // A body that outgrows the limit while it is read is the client's fault (413), not the server's.
            options.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException;
        });
        services.AddRateLimiter(RateLimits.AddPolicies);
        services.AddAntiforgery();
        return services;
    }

    /// <summary>Before authentication, so that refused and unauthenticated requests are limited and answered with the same headers.</summary>
    public static WebApplication UseSecurityHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        var maxBodyBytes = app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxBodyBytes;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);

            // A declared length is refused before anything is read; Kestrel's limit stops a longer body that did not declare it.
            if (context.Request.ContentLength > maxBodyBytes)
            {
                return TypedResults.Problem($"The body is larger than {maxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large").ExecuteAsync(context);
            }

            return IsFromAnotherSite(context)
                ? TypedResults.Problem("A write from another site's page is refused: its Origin is not this server's.", statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request").ExecuteAsync(context)
                : next(context);
        });
        app.Use(RateLimits.IdentifyCallerAsync);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// A write whose browser says it comes from a page of another site: a session cookie must never act for another site
    /// (SameSite keeps most of them out; this keeps out the rest). Current browsers say so in <c>Sec-Fetch-Site</c>
    /// whatever the page's referrer policy (ours sends <c>Origin: null</c> on a form's post); older ones in <c>Origin</c>.
    /// Clients that send neither are not browsers' pages.
    /// </summary>
    private static bool IsFromAnotherSite(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        if (request.Headers["Sec-Fetch-Site"] is [{ } site])
        {
            return site is not ("same-origin" or "none");
        }

        if (request.Headers.Origin is not [{ } origin] || origin == "null")
        {
            return false;
        }

        var own = $"{request.Scheme}://{request.Host}";
        var configured = context.RequestServices.GetRequiredService<PublicAddress>().BaseUrl?.GetLeftPart(UriPartial.Authority);
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !string.Equals(origin, configured, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: those configured, else this machine's loopback.</summary>
    private static void TrustProxies(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length + networks.Length == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        }
    }

    private static Task AddHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        return Task.CompletedTask;
    }
}

/// <summary>The largest request body the server reads (<c>RequestLimits:MaxBodyBytes</c>), 1 MiB as for webhooks.</summary>
public sealed class RequestLimitOptions
{
    public long MaxBodyBytes { get; set; } = WebhookReception.MaxBodyBytes;
}
