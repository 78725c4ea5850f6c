using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SocialDesk.Data;

namespace SocialDesk.Features.Users;

/// <summary>Why a sign-in was refused; an unknown email and a wrong password are one answer, so that accounts cannot be probed.</summary>
public enum SignInRefusal
{
    MissingCredentials,
    WrongCredentials,
    Locked,
    CodeRequired,
    WrongCode,
    NoWorkspace,
}

/// <summary>A session opened for <see cref="User"/> in <see cref="Workspace"/>, or the refusal and, for a lock, until when.</summary>
public sealed record SignInOutcome(SignInRefusal? Refusal, User? User, AuthEndpoints.WorkspaceView? Workspace, IReadOnlyList<AuthEndpoints.WorkspaceView> Workspaces)
{
    public DateTimeOffset? LockedUntil => User?.LockoutEnd;
}

/// <summary>
/// Opening and moving a browser session, the one way for the API's login and the web app's sign-in form: the password
/// (and the authenticator code once a second factor is on) is checked; five failures in a row lock the account for 15
/// minutes. On success, a session cookie for the asked workspace, or the first one.
/// </summary>
public static class SessionSignIn
{
    public static async Task<SignInOutcome> SignInAsync(HttpContext http, UserManager<User> users, AppDbContext db, string? email, string? password, string? code, Guid? workspaceId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Refused(SignInRefusal.MissingCredentials);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // As long as a wrong password takes: the time of the answer must not tell which emails have an account.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash(users), password);
            return Refused(SignInRefusal.WrongCredentials);
        }

        if (await PasswordRefusalAsync(users, user, password) is { } wrong)
        {
            return Refused(wrong, user);
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return Refused(SignInRefusal.CodeRequired, user);
            }

            if (await CodeRefusalAsync(users, user, code) is { } refusal)
            {
                return Refused(refusal, user);
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        var workspaces = await AuthEndpoints.WorkspacesOfAsync(db, user.Id, cancellationToken);
        var workspace = workspaceId is { } asked ? workspaces.FirstOrDefault(w => w.Id == asked) : workspaces.FirstOrDefault();
        if (workspace is null)
        {
            return new SignInOutcome(SignInRefusal.NoWorkspace, user, null, workspaces);
        }

        await StartAsync(http, user.Id, user.SecurityStamp!, workspace.Id);
        return new SignInOutcome(null, user, workspace, workspaces);
    }

    /// <summary>Moves a session to another of the caller's workspaces; null when they are not a member of it.</summary>
    public static async Task<AuthEndpoints.WorkspaceView?> SwitchWorkspaceAsync(HttpContext http, AppDbContext db, ClaimsPrincipal caller, Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspaces = await AuthEndpoints.WorkspacesOfAsync(db, caller.UserId(), cancellationToken);
        var workspace = workspaces.FirstOrDefault(w => w.Id == workspaceId);
        if (workspace is not null)
        {
            await StartAsync(http, caller.UserId(), caller.FindFirstValue(CallerClaims.Stamp)!, workspace.Id);
        }

        return workspace;
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(UserAccounts.SessionScheme);

    /// <summary>
    /// After the caller changed their own password or second factor (a new security stamp, which ends their other
    /// sessions): their session goes on under the new stamp. A token caller has no session to keep.
    /// </summary>
    public static async Task KeepSessionAsync(HttpContext http, ClaimsPrincipal caller, User user)
    {
        if (caller.Identity?.AuthenticationType == UserAccounts.SessionScheme)
        {
            await StartAsync(http, user.Id, user.SecurityStamp!, caller.WorkspaceId());
        }
    }

    private static async Task<SignInOutcome> FailedAsync(UserManager<User> users, User user, SignInRefusal refusal)
    {
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? Refused(SignInRefusal.Locked, user) : Refused(refusal, user);
    }

    /// <summary>
    /// Checks an account's password as the sign-in does, wherever one is asked (signing in, joining a workspace with an
    /// existing account): a locked account is refused, a wrong password counts towards the lockout; null when it is right.
    /// </summary>
    public static async Task<SignInRefusal?> PasswordRefusalAsync(UserManager<User> users, User user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SignInRefusal.Locked;
        }

        return await users.CheckPasswordAsync(user, password) ? null : (await FailedAsync(users, user, SignInRefusal.WrongCredentials)).Refusal;
    }

    /// <summary>
    /// Checks an authenticator code as the sign-in does, wherever one is asked (signing in, turning the second factor on
    /// or off): a wrong code counts as a failed sign-in, so that five lock the account; null when the code is right.
    /// </summary>
    public static async Task<SignInRefusal?> CodeRefusalAsync(UserManager<User> users, User user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SignInRefusal.Locked;
        }

        if (!string.IsNullOrWhiteSpace(code)
            && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", "", StringComparison.Ordinal)))
        {
            return null;
        }

        return (await FailedAsync(users, user, SignInRefusal.WrongCode)).Refusal;
    }

    private static SignInOutcome Refused(SignInRefusal refusal, User? user = null) => new(refusal, user, null, []);

    private static readonly User Nobody = new() { DisplayName = "" };
    private static string? nobodysHash;

    /// <summary>A hash made as every account's is, of a password no one knows, to check unknown emails' passwords against.</summary>
    private static string NobodysHash(UserManager<User> users) =>
        LazyInitializer.EnsureInitialized(ref nobodysHash, () => users.PasswordHasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    private static Task StartAsync(HttpContext http, Guid userId, string stamp, Guid workspaceId) =>
        http.SignInAsync(UserAccounts.SessionScheme, new ClaimsPrincipal(CallerClaims.Identity(userId, workspaceId, UserAccounts.SessionScheme, [new Claim(CallerClaims.Stamp, stamp)])));
}
