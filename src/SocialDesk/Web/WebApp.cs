using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MudBlazor.Services;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Web;

/// <summary>
/// The Blazor web app (interactive server rendering, MudBlazor) in the server's process: pages sign in with the API's
/// session cookie, read and work conversations through the same code as the API, and speak English or French.
/// </summary>
public static class WebApp
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    public static IServiceCollection AddWebApp(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddLocalization();
        services.AddScoped<SignedInUser>();
        services.AddScoped<CircuitMember>();
        services.AddScoped<AuthenticationStateProvider>(provider => provider.GetRequiredService<CircuitMember>());

        // Pages send a browser without a session to the sign-in page; the API keeps answering 401 and 403.
        services.PostConfigure<CookieAuthenticationOptions>(UserAccounts.SessionScheme, options =>
        {
            options.LoginPath = "/login";
            var apiAnswer = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                if (!IsPage(context.HttpContext))
                {
                    return apiAnswer(context);
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };

            // A member whose role does not open the inbox (an analyst) is at home on the reports; a page the role does
            // not open says so, in the member's language.
            var apiRefusal = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (!IsPage(context.HttpContext))
                {
                    return apiRefusal(context);
                }

                var request = context.Request;
                context.Response.Redirect(request.Path == "/" && context.HttpContext.User.Holds(Permissions.ReportsRead)
                    ? $"{request.PathBase}/reports"
                    : $"{request.PathBase}/denied{QueryString.Create("ReturnUrl", $"{request.Path}{request.QueryString}")}");
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.UseWhen(IsPage, page =>
        {
            page.Use(SessionUserAsync);
            page.UseRequestLocalization(options =>
            {
                options.DefaultRequestCulture = new RequestCulture("en");
                options.SupportedCultures = Cultures;
                options.SupportedUICultures = Cultures;
                options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new ProfileCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            });
        });
        app.MapStaticAssets().Add(endpoint => endpoint.Metadata.Add(WebAppEndpoint.Instance));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint => endpoint.Metadata.Add(WebAppEndpoint.Instance));

        var account = app.MapGroup("/account").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization(Permissions.Profile).RequireRateLimiting(RateLimits.Api);
        account.MapPost("/logout", async (HttpContext http) =>
        {
            await SessionSignIn.SignOutAsync(http);
            return TypedResults.LocalRedirect("~/login");
        });
        account.MapPost("/workspace", async ([FromForm] Guid workspaceId, HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        {
            await SessionSignIn.SwitchWorkspaceAsync(http, db, http.User, workspaceId, cancellationToken);
            return TypedResults.LocalRedirect("~/");
        });
        return app;
    }

    /// <summary>A request of the web app: pages, their assets and the circuit's connection; not the API or the webhooks.</summary>
    private static bool IsPage(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/webhooks")
        && !http.Request.Path.StartsWithSegments("/_content") && !http.Request.Path.StartsWithSegments("/_framework");

    /// <summary>
    /// The server has no default scheme (webhooks look at no credentials), so the web app reads the session itself, for
    /// pages and for the circuit's connection, whose user the interactive pages act as.
    /// </summary>
    private static async Task SessionUserAsync(HttpContext http, RequestDelegate next)
    {
        if (http.User.Identity?.IsAuthenticated != true && await http.AuthenticateAsync(UserAccounts.SessionScheme) is { Succeeded: true } session)
        {
            http.User = session.Principal;
        }

        await next(http);
    }

    /// <summary>The language chosen in the user's profile; none chosen follows the browser.</summary>
    private sealed class ProfileCultureProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.User.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            var language = await SignedInUser.LanguageAsync(httpContext.RequestServices.GetRequiredService<AppDbContext>(), httpContext.User.UserId(), httpContext.RequestAborted);
            return language is null ? null : new ProviderCultureResult(language);
        }
    }
}

/// <summary>
/// Marks the web app's own endpoints: pages, their scripts and styles, and the circuit's connection. They are outside the
/// API's permission matrix: each page names its permission itself, and the sign-in page and the assets are public.
/// </summary>
public sealed class WebAppEndpoint
{
    public static readonly WebAppEndpoint Instance = new();

    private WebAppEndpoint()
    {
    }
}
