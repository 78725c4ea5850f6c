using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Users;

/// <summary>The workspace's API tokens: shown once when made, stored hashed, narrowed by scopes, revocable, with their last use.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.TokensManage);
        tokens.MapGet("/", ListAsync);
        tokens.MapPost("/", CreateAsync);
        tokens.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    /// <summary>A name, and the permissions the token may use (empty: all of its user's role).</summary>
    public sealed record TokenRequest(string? Name, IReadOnlyList<string>? Scopes);

    public sealed record TokenView(Guid Id, string Name, Guid UserId, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, string? LastUsedFrom, DateTime? RevokedAt);

    /// <summary>The token's record and, this once, its secret.</summary>
    public sealed record TokenCreated(TokenView Token, string Secret);

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens.Select(View).ToList());
    }

    /// <summary>Makes a token acting for the caller in this workspace.</summary>
    private static async Task<IResult> CreateAsync(TokenRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200 || request.Name.Contains('\0', StringComparison.Ordinal))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad token", "name must be 1 to 200 characters.");
        }

        var unknown = (request.Scopes ?? []).Where(s => !Permissions.Matrix.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad token",
                $"Unknown scopes: {string.Join(", ", unknown)}. Scopes are permissions: {string.Join(", ", Permissions.Matrix.Keys)}.");
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
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new TokenCreated(View(token), secret));
    }

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (token is null)
        {
            return AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown token", $"There is no token {id} in this workspace.");
        }

        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static TokenView View(ApiToken t) =>
        new(t.Id, t.Name, t.UserId, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.CreatedAt, t.LastUsedAt, t.LastUsedFrom, t.RevokedAt);
}
