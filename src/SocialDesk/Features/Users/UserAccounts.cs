using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SocialDesk.Data;

namespace SocialDesk.Features.Users;

/// <summary>ASP.NET Core Identity for people's accounts, and the two ways in: a session cookie for the browser, a bearer token for the API.</summary>
public static class UserAccounts
{
    public const string SessionScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedSignIns = 5;

    /// <summary>Accounts with the password rules and lockout; every verb needs them (the bootstrap creates the first admin).</summary>
    public static IServiceCollection AddUserAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length over composition, as NIST SP 800-63B advises.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<User>>(TokenOptions.DefaultAuthenticatorProvider);
        return services;
    }

    /// <summary>Sessions and tokens, the caller's role read per request, and one policy per permission.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        // No default scheme: credentials are looked at only where an endpoint asks for authorization, never on webhooks.
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCookie(SessionScheme, options =>
            {
                options.Cookie.Name = "socialdesk.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;

                // Every request's session is checked against the database: gone user, new password or second factor.
                options.Events.OnValidatePrincipal = ValidateSessionAsync;

                // An API answers with a status, never with a redirect to a login page.
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, MembershipClaims>();
        services.AddAuthorizationBuilder().AddPermissionPolicies(ApiTokenAuthentication.SchemeName, SessionScheme);
        return services;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        if (await CurrentMember.ReloadAsync(db, context.Principal!, context.HttpContext.RequestAborted) is { } current)
        {
            context.ReplacePrincipal(current);
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SessionScheme);
    }

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
