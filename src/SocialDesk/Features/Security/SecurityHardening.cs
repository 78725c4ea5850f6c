using Microsoft.Extensions.Options;
using SocialDesk.Features.Ingestion;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;

namespace SocialDesk.Features.Security;

/// <summary>
/// What every response of the server gets: rate limits (<see cref="RateLimits"/>), a request body limit, security headers,
/// HSTS outside Development, and antiforgery for the web app's forms.
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
            .Validate(l => l.LoginPerMinute > 0 && l.ApiPerMinute > 0 && l.WebhooksPerMinute > 0, "RateLimits: every allowance per minute must be above 0.")
            .ValidateOnStart();
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        var maxBodyBytes = app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxBodyBytes;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);

            // A declared length is refused before anything is read; Kestrel's limit stops a longer body that did not declare it.
            return context.Request.ContentLength > maxBodyBytes
                ? TypedResults.Problem($"The body is larger than {maxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large").ExecuteAsync(context)
                : next(context);
        });
        app.UseRateLimiter();
        return app;
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
