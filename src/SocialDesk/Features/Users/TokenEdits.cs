using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using static SocialDesk.Features.Users.TokenEndpoints;

namespace SocialDesk.Features.Users;

/// <summary>Listing, making and revoking the workspace's API tokens, for the API and the web app alike.</summary>
public static class TokenEdits
{
    /// <summary>The workspace's tokens, newest first, revoked ones included.</summary>
    public static async Task<List<TokenView>> TokensAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return [.. tokens.Select(View)];
    }

    /// <summary>Makes a token acting for the caller in this workspace: its record and, this once, its secret; or why not.</summary>
    public static async Task<(TokenCreated? Created, string? Error)> CreateTokenAsync(this AppDbContext db, ClaimsPrincipal caller, TokenRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200 || request.Name.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "name must be 1 to 200 characters.");
        }

        var unknown = (request.Scopes ?? []).Where(s => !Permissions.Matrix.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown scopes: {string.Join(", ", unknown)}. Scopes are permissions: {string.Join(", ", Permissions.Matrix.Keys)}.");
        }

        var secret = ApiTokenAuthentication.NewToken();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = caller.WorkspaceId(),
            UserId = caller.UserId(),
            Name = request.Name.Trim(),
            TokenHash = ApiTokenAuthentication.Hash(secret),
            Scopes = string.Join(' ', (request.Scopes ?? []).Distinct()),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (new TokenCreated(View(token), secret), null);
    }

    /// <summary>Revokes a token at once (again is harmless); false when the workspace has none of that id.</summary>
    public static async Task<bool> RevokeTokenAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static TokenView View(ApiToken t) =>
        new(t.Id, t.Name, t.UserId, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.CreatedAt, t.LastUsedAt, t.LastUsedFrom, t.RevokedAt);
}
