using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Users;

/// <summary>Signing in and out of a browser session, and one's own account: profile, password, second factor, workspace.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Account");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization(Permissions.Profile).RequireRateLimiting(RateLimits.Api);

        var me = app.MapGroup("/api/v1/me").WithTags("Account").RequireAuthorization(Permissions.Profile).RequireRateLimiting(RateLimits.Api);
        me.MapGet("/", MeAsync);
        me.MapPatch("/", UpdateProfileAsync);
        me.MapPost("/password", ChangePasswordAsync);
        me.MapPost("/workspace", SwitchWorkspaceAsync);
        me.MapPost("/two-factor", SetUpTwoFactorAsync);
        me.MapPost("/two-factor/enable", EnableTwoFactorAsync);
        me.MapPost("/two-factor/disable", DisableTwoFactorAsync);
        return app;
    }

    public sealed record LoginRequest(string? Email, string? Password, string? Code, Guid? WorkspaceId);

    public sealed record WorkspaceView(Guid Id, string Name, string Role);

    public sealed record MeView(Guid Id, string Email, string DisplayName, string? Language, string? TimeZone, bool TwoFactorEnabled, Guid WorkspaceId, string? Role, IReadOnlyList<WorkspaceView> Workspaces);

    public sealed record ProfileRequest(string? DisplayName, string? Language, string? TimeZone);

    public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record WorkspaceRequest(Guid WorkspaceId);

    public sealed record CodeRequest(string? Code);

    public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

    public static readonly string[] Languages = ["en", "fr"];

    /// <summary>The session of <see cref="SessionSignIn"/>, answered as JSON: the profile, or a problem that says why not.</summary>
    private static async Task<IResult> LoginAsync(LoginRequest request, UserManager<User> users, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await SessionSignIn.SignInAsync(http, users, db, request.Email, request.Password, request.Code, request.WorkspaceId, cancellationToken);
        return outcome.Refusal switch
        {
            null => TypedResults.Ok(View(outcome.User!, outcome.Workspace!.Id, outcome.Workspace.Role, outcome.Workspaces)),
            SignInRefusal.MissingCredentials => Problem(StatusCodes.Status400BadRequest, "Bad request", "email and password are required."),
            SignInRefusal.WrongCredentials => Problem(StatusCodes.Status401Unauthorized, "Wrong credentials", "The email or the password is wrong."),
            SignInRefusal.Locked => Problem(StatusCodes.Status423Locked, "Account locked", $"Too many failed sign-ins: the account is locked until {outcome.LockedUntil:u}."),
            SignInRefusal.CodeRequired => TypedResults.Problem("This account has a second factor: send the code of the authenticator app as \"code\".",
                statusCode: StatusCodes.Status401Unauthorized, title: "Code required", extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true }),
            SignInRefusal.WrongCode => Problem(StatusCodes.Status401Unauthorized, "Wrong code", "The authenticator code is wrong or expired."),
            _ => Problem(StatusCodes.Status403Forbidden, "No workspace", request.WorkspaceId is null
                ? "This account belongs to no workspace yet: ask an admin for an invitation."
                : $"This account is not a member of workspace {request.WorkspaceId}."),
        };
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await SessionSignIn.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> MeAsync(ClaimsPrincipal caller, UserManager<User> users, AppDbContext db, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.UserId().ToString());
        return user is null
            ? Problem(StatusCodes.Status404NotFound, "Unknown user", "This account no longer exists.")
            : TypedResults.Ok(View(user, caller.WorkspaceId(), caller.Role(), await WorkspacesOfAsync(db, user.Id, cancellationToken)));
    }

    private static async Task<IResult> UpdateProfileAsync(ProfileRequest request, ClaimsPrincipal caller, UserManager<User> users, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = ProfileErrors(request);
        if (errors.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad profile", string.Join(" ", errors));
        }

        var user = (await users.FindByIdAsync(caller.UserId().ToString()))!;
        user.DisplayName = request.DisplayName?.Trim() ?? user.DisplayName;
        user.Language = request.Language ?? user.Language;
        user.TimeZone = request.TimeZone ?? user.TimeZone;
        await users.UpdateAsync(user);
        return TypedResults.Ok(View(user, caller.WorkspaceId(), caller.Role(), await WorkspacesOfAsync(db, user.Id, cancellationToken)));
    }

    /// <summary>What is wrong with a profile change, in sentences; empty when it can be saved.</summary>
    public static List<string> ProfileErrors(ProfileRequest request)
    {
        var errors = new List<string>();
        if (request.DisplayName is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Contains('\0', StringComparison.Ordinal)))
        {
            errors.Add("displayName must be 1 to 200 characters.");
        }

        if (request.Language is { } language && !Languages.Contains(language))
        {
            errors.Add($"language must be one of: {string.Join(", ", Languages)}.");
        }

        if (request.TimeZone is { } zone && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            errors.Add($"timeZone '{zone}' is not an IANA time zone (e.g. Europe/Paris).");
        }

        return errors;
    }

    /// <summary>A new password ends the user's other sessions (its new security stamp); this one goes on.</summary>
    private static async Task<IResult> ChangePasswordAsync(PasswordRequest request, ClaimsPrincipal caller, UserManager<User> users, HttpContext http)
    {
        var user = (await users.FindByIdAsync(caller.UserId().ToString()))!;
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return Refused(changed, "Password not changed");
        }

        await SessionSignIn.KeepSessionAsync(http, caller, user);
        return TypedResults.NoContent();
    }

    /// <summary>Moves the session to another of one's workspaces; a token stays in the workspace it was made for.</summary>
    private static async Task<IResult> SwitchWorkspaceAsync(WorkspaceRequest request, ClaimsPrincipal caller, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (caller.TokenId() is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Token", "An API token belongs to one workspace; make a token in the other workspace instead.");
        }

        var workspace = await SessionSignIn.SwitchWorkspaceAsync(http, db, caller, request.WorkspaceId, cancellationToken);
        return workspace is null
            ? Problem(StatusCodes.Status404NotFound, "Unknown workspace", $"You are not a member of workspace {request.WorkspaceId}.")
            : TypedResults.Ok(workspace);
    }

    /// <summary>A new authenticator key, to scan; the second factor is on once a code from it is confirmed.</summary>
    private static async Task<IResult> SetUpTwoFactorAsync(ClaimsPrincipal caller, UserManager<User> users, HttpContext http)
    {
        var user = (await users.FindByIdAsync(caller.UserId().ToString()))!;
        if (user.TwoFactorEnabled)
        {
            return Problem(StatusCodes.Status409Conflict, "Already on", "The second factor is already on; disable it first to change the key.");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await SessionSignIn.KeepSessionAsync(http, caller, user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/SocialDesk:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=SocialDesk&digits=6";
        return TypedResults.Ok(new TwoFactorSetup(key, uri));
    }

    private static async Task<IResult> EnableTwoFactorAsync(CodeRequest request, ClaimsPrincipal caller, UserManager<User> users, HttpContext http)
    {
        var user = (await users.FindByIdAsync(caller.UserId().ToString()))!;
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return Problem(StatusCodes.Status409Conflict, "No key", "Set up the authenticator first (POST /api/v1/me/two-factor).");
        }

        if (await CodeRefusedAsync(users, user, request.Code) is { } refused)
        {
            return refused;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await SessionSignIn.KeepSessionAsync(http, caller, user);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DisableTwoFactorAsync(CodeRequest request, ClaimsPrincipal caller, UserManager<User> users, HttpContext http)
    {
        var user = (await users.FindByIdAsync(caller.UserId().ToString()))!;
        if (!user.TwoFactorEnabled)
        {
            return TypedResults.NoContent();
        }

        if (await CodeRefusedAsync(users, user, request.Code) is { } refused)
        {
            return refused;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await SessionSignIn.KeepSessionAsync(http, caller, user);
        return TypedResults.NoContent();
    }

    /// <summary>A wrong code counts towards the lockout, as at sign-in; a locked account is refused whatever the code.</summary>
    private static async Task<IResult?> CodeRefusedAsync(UserManager<User> users, User user, string? code) =>
        await SessionSignIn.CodeRefusalAsync(users, user, code) switch
        {
            null => null,
            SignInRefusal.Locked => Problem(StatusCodes.Status423Locked, "Account locked", $"Too many wrong codes: the account is locked until {user.LockoutEnd:u}."),
            _ => Problem(StatusCodes.Status400BadRequest, "Wrong code", "The authenticator code is wrong or expired."),
        };

    public static Task<List<WorkspaceView>> WorkspacesOfAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { w.Id, w.Name, m.Role })
            .OrderBy(w => w.Name)
            .Select(w => new WorkspaceView(w.Id, w.Name, w.Role))
            .ToListAsync(cancellationToken);

    private static MeView View(User user, Guid workspaceId, string? role, IReadOnlyList<WorkspaceView> workspaces) =>
        new(user.Id, user.Email!, user.DisplayName, user.Language, user.TimeZone, user.TwoFactorEnabled, workspaceId, role, workspaces);

    public static IResult Refused(IdentityResult result, string title) =>
        Problem(StatusCodes.Status400BadRequest, title, string.Join(" ", result.Errors.Select(e => e.Description)));

    public static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
