using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Users;

/// <summary>Who is calling: the user, the workspace they act in, and (through a token) the token and its scopes.</summary>
public static class CallerClaims
{
    public const string Workspace = "workspace";
    public const string Token = "token";
    public const string Scope = "scope";

    /// <summary>The user's security stamp when the session began: a new password (or second factor) changes it, and ends the session.</summary>
    public const string Stamp = "stamp";

    public static Guid WorkspaceId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(Workspace)!);

    public static Guid UserId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static Guid? TokenId(this ClaimsPrincipal user) => user.FindFirstValue(Token) is { } token ? Guid.Parse(token) : null;

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    public static ClaimsIdentity Identity(Guid userId, Guid workspaceId, string scheme, IEnumerable<Claim>? more = null) =>
        new([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(Workspace, workspaceId.ToString()), .. more ?? []], scheme);
}

/// <summary>
/// A long-lived caller (a session, a circuit, a hub connection) as the database says now: null when the user is gone, is
/// no longer a member of the workspace, their security stamp changed since the session began (a new password ends every
/// other session) or their token was revoked; else their identity with their current role there. The cookie of every
/// request, the web app's circuits and the live hub are checked with it.
/// </summary>
public static class CurrentMember
{
    public static async Task<ClaimsPrincipal?> ReloadAsync(AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(caller.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(caller.FindFirstValue(CallerClaims.Workspace), out var workspaceId))
        {
            return null;
        }

        var tokenId = caller.TokenId();
        var stamp = caller.FindFirstValue(CallerClaims.Stamp);
        var now = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                Role = db.Memberships.Where(m => m.UserId == userId && m.WorkspaceId == workspaceId).Select(m => m.Role).FirstOrDefault(),
                TokenValid = tokenId != null && db.ApiTokens.Any(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var valid = tokenId is null ? stamp is not null && now?.SecurityStamp == stamp : now?.TokenValid == true;
        if (now?.Role is null || !valid)
        {
            return null;
        }

        var identity = new ClaimsIdentity(caller.Claims.Where(c => c.Type != ClaimTypes.Role), caller.Identity?.AuthenticationType ?? UserAccounts.SessionScheme);
        identity.AddClaim(new Claim(ClaimTypes.Role, now.Role));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// Adds the caller's role in their current workspace, read afresh on every request, whether they came with a session
/// or a token: a role changed or a membership removed takes effect at once. Without a membership there is no role,
/// and every permission is refused.
/// </summary>
public sealed class MembershipClaims(AppDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.HasClaim(c => c.Type == ClaimTypes.Role)
            || !Guid.TryParse(principal.FindFirstValue(CallerClaims.Workspace), out var workspaceId)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Select(m => m.Role)
            .FirstOrDefaultAsync();
        if (role is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return principal;
    }
}
