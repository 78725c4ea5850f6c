using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Users;

/// <summary>The workspace's members: who they are and their roles; admins invite, change roles and remove.</summary>
public static class MemberEndpoints
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Members").RequireRateLimiting(RateLimits.Api);
        members.MapGet("/", ListAsync).RequireAuthorization(Permissions.MembersRead);
        members.MapPatch("/{userId:guid}", PatchAsync).RequireAuthorization(Permissions.MembersManage);
        members.MapDelete("/{userId:guid}", RemoveAsync).RequireAuthorization(Permissions.MembersManage);

        var invitations = app.MapGroup("/api/v1/invitations").WithTags("Members");
        invitations.MapGet("/", ListInvitationsAsync).RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.MembersManage);
        invitations.MapPost("/", PostInvitationAsync).RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.MembersManage);
        invitations.MapDelete("/{id:guid}", DeleteInvitationAsync).RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.MembersManage);
        // Accepting checks an existing account's password: limited like signing in.
        invitations.MapPost("/accept", AcceptAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        return app;
    }

    public sealed record MemberView(Guid UserId, string Email, string DisplayName, string Role, IReadOnlyList<Guid> Teams, bool TwoFactorEnabled, DateTime JoinedAt);

    public sealed record RoleRequest(string? Role);

    public sealed record InviteRequest(string? Email, string? Role);

    public sealed record InvitationView(Guid Id, string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, DateTime? RevokedAt);

    /// <summary>The invitation and, this once, the secret to send to the invited person.</summary>
    public sealed record InvitationCreated(InvitationView Invitation, string Token);

    /// <summary>The invitation's secret; a new account also gives its display name and password, an existing one its password.</summary>
    public sealed record AcceptRequest(string? Token, string? DisplayName, string? Password);

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.MembersAsync(caller, cancellationToken));

    private static async Task<IResult> PatchAsync(Guid userId, RoleRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.ChangeRoleAsync(caller, userId, request, cancellationToken) ?? (IResult)TypedResults.NoContent();

    private static async Task<IResult> RemoveAsync(Guid userId, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.RemoveMemberAsync(caller, userId, time, cancellationToken) ?? (IResult)TypedResults.NoContent();

    private static async Task<IResult> ListInvitationsAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.InvitationsAsync(caller, cancellationToken));

    private static async Task<IResult> PostInvitationAsync(InviteRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (created, problem) = await db.InviteAsync(caller, request, time, cancellationToken);
        return problem ?? (IResult)TypedResults.Created($"/api/v1/invitations/{created!.Invitation.Id}", created);
    }

    private static async Task<IResult> DeleteInvitationAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.RevokeInvitationAsync(caller, id, time, cancellationToken) ?? (IResult)TypedResults.NoContent();

    /// <summary>The workspace's members by name, with their role and teams.</summary>
    public static async Task<List<MemberView>> MembersAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var teams = await db.TeamMembers.AsNoTracking()
            .Where(m => db.Teams.Any(t => t.Id == m.TeamId && t.WorkspaceId == workspaceId))
            .ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, m.CreatedAt, u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled })
            .OrderBy(m => m.DisplayName)
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => new MemberView(
            m.Id, m.Email!, m.DisplayName, m.Role, [.. teams.Where(t => t.UserId == m.Id).Select(t => t.TeamId)], m.TwoFactorEnabled, m.CreatedAt))];
    }

    /// <summary>Gives the member another role; the last admin keeps theirs.</summary>
    public static async Task<ProblemHttpResult?> ChangeRoleAsync(this AppDbContext db, ClaimsPrincipal caller, Guid userId, RoleRequest request, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == caller.WorkspaceId() && m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return UnknownMember(userId);
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad role", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }

        if (membership.Role == Roles.Admin && request.Role != Roles.Admin && await IsLastAdminAsync(db, membership, cancellationToken))
        {
            return LastAdmin();
        }

        membership.Role = request.Role;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Takes the person out of the workspace (their account and their other workspaces stay), and out of its teams.</summary>
    public static async Task<ProblemHttpResult?> RemoveMemberAsync(this AppDbContext db, ClaimsPrincipal caller, Guid userId, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return UnknownMember(userId);
        }

        if (membership.Role == Roles.Admin && await IsLastAdminAsync(db, membership, cancellationToken))
        {
            return LastAdmin();
        }

        db.Memberships.Remove(membership);
        db.TeamMembers.RemoveRange(db.TeamMembers.Where(m => m.UserId == userId && db.Teams.Any(t => t.Id == m.TeamId && t.WorkspaceId == workspaceId)));
        await db.ApiTokens.Where(t => t.WorkspaceId == workspaceId && t.UserId == userId && t.RevokedAt == null).ForEachAsync(t => t.RevokedAt = time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The workspace's invitations, newest first.</summary>
    public static async Task<List<InvitationView>> InvitationsAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.WorkspaceId == workspaceId).OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        return [.. invitations.Select(View)];
    }

    /// <summary>Invites a person by email with a role; the invitation and its secret, or why not.</summary>
    public static async Task<(InvitationCreated? Created, ProblemHttpResult? Problem)> InviteAsync(
        this AppDbContext db, ClaimsPrincipal caller, InviteRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 256 || !request.Email.Contains('@', StringComparison.Ordinal) || request.Email.Contains('\0', StringComparison.Ordinal))
        {
            return (null, AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad invitation", "email must be an email address."));
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return (null, AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad invitation", $"role must be one of: {string.Join(", ", Roles.All)}."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = ApiTokenAuthentication.NewToken();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = caller.WorkspaceId(),
            Email = request.Email.Trim(),
            Role = request.Role,
            TokenHash = ApiTokenAuthentication.Hash(token),
            InvitedByUserId = caller.UserId(),
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return (new InvitationCreated(View(invitation), token), null);
    }

    public static async Task<ProblemHttpResult?> RevokeInvitationAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, TimeProvider time, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (invitation is null)
        {
            return AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown invitation", $"There is no invitation {id} in this workspace.");
        }

        invitation.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Joins the workspace of a valid invitation: a new account is created, an existing one proves it is theirs with its password.</summary>
    private static async Task<IResult> AcceptAsync(AcceptRequest request, AppDbContext db, UserManager<User> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hash = ApiTokenAuthentication.Hash(request.Token ?? "");
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null || invitation.RevokedAt is not null || invitation.ExpiresAt <= now)
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid invitation", "The invitation is unknown, already used, revoked or expired.");
        }

        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200 || request.DisplayName.Contains('\0', StringComparison.Ordinal))
            {
                return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad account", "displayName must be 1 to 200 characters.");
            }

            user = new User { Id = Guid.CreateVersion7(), UserName = invitation.Email, Email = invitation.Email, DisplayName = request.DisplayName.Trim(), EmailConfirmed = true, CreatedAt = now };
            var created = await users.CreateAsync(user, request.Password ?? "");
            if (!created.Succeeded)
            {
                return AuthEndpoints.Refused(created, "Account not created");
            }
        }
        else if (await SessionSignIn.PasswordRefusalAsync(users, user, request.Password ?? "") is { } refusal)
        {
            return refusal == SignInRefusal.Locked
                ? AuthEndpoints.Problem(StatusCodes.Status423Locked, "Account locked", $"Too many wrong passwords: the account is locked until {user.LockoutEnd:u}.")
                : AuthEndpoints.Problem(StatusCodes.Status401Unauthorized, "Wrong credentials", "This email already has an account: give its password to join.");
        }

        if (!await db.Memberships.AnyAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(new Membership { WorkspaceId = invitation.WorkspaceId, UserId = user.Id, Role = invitation.Role, CreatedAt = now });
        }

        invitation.AcceptedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { userId = user.Id, workspaceId = invitation.WorkspaceId, role = invitation.Role });
    }

    private static Task<bool> IsLastAdminAsync(AppDbContext db, Membership membership, CancellationToken cancellationToken) =>
        db.Memberships.AllAsync(m => m.WorkspaceId != membership.WorkspaceId || m.Role != Roles.Admin || m.UserId == membership.UserId, cancellationToken);

    private static InvitationView View(Invitation i) => new(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);

    private static ProblemHttpResult UnknownMember(Guid userId) =>
        AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown member", $"There is no member {userId} in this workspace.");

    private static ProblemHttpResult LastAdmin() =>
        AuthEndpoints.Problem(StatusCodes.Status409Conflict, "Last admin", "A workspace keeps at least one admin: make someone else admin first.");
}
