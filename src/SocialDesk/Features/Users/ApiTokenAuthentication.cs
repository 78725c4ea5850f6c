using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;

namespace SocialDesk.Features.Users;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashes of the workspace's API tokens.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    // Last use is recorded at most this often, so that a busy token does not write on every request.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => "sd_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.WorkspaceId, t.Scopes, t.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || token.LastUsedAt < now - LastUseResolution)
        {
            var from = Context.Connection.RemoteIpAddress?.ToString();
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedFrom, from), Context.RequestAborted);
        }

        var scopes = token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope => new Claim(CallerClaims.Scope, scope));
        var identity = CallerClaims.Identity(token.UserId, token.WorkspaceId, SchemeName, [new Claim(CallerClaims.Token, token.Id.ToString()), .. scopes]);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
