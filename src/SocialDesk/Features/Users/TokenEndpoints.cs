using System.Security.Claims;
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

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.TokensAsync(caller, cancellationToken));

    /// <summary>Makes a token acting for the caller in this workspace.</summary>
    private static async Task<IResult> CreateAsync(TokenRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.CreateTokenAsync(caller, request, time, cancellationToken) switch
        {
            ({ } created, _) => TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created),
            (_, var error) => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad token", error!),
        };

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.RevokeTokenAsync(caller, id, time, cancellationToken)
            ? TypedResults.NoContent()
            : AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown token", $"There is no token {id} in this workspace.");
}
