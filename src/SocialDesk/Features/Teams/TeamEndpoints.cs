using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Teams;

/// <summary>Teams and their members: everyone may list them, admins make and change them.</summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireRateLimiting(RateLimits.Api);
        teams.MapGet("/", ListAsync).RequireAuthorization(Permissions.MembersRead);
        teams.MapPost("/", CreateAsync).RequireAuthorization(Permissions.TeamsManage);
        teams.MapPatch("/{id:guid}", RenameAsync).RequireAuthorization(Permissions.TeamsManage);
        teams.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Permissions.TeamsManage);
        teams.MapPut("/{id:guid}/members/{userId:guid}", AddMemberAsync).RequireAuthorization(Permissions.TeamsManage);
        teams.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMemberAsync).RequireAuthorization(Permissions.TeamsManage);
        return app;
    }

    public sealed record TeamRequest(string? Name);

    public sealed record TeamView(Guid Id, string Name, IReadOnlyList<Guid> Members, DateTime CreatedAt);

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => t.WorkspaceId == workspaceId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(teams.Select(View).ToList());
    }

    private static async Task<IResult> CreateAsync(TeamRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        if (await NameProblemAsync(request, workspaceId, null, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        var team = new Team { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = request.Name!.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", View(team));
    }

    private static async Task<IResult> RenameAsync(Guid id, TeamRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var team = await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, cancellationToken);
        if (team is null)
        {
            return UnknownTeam(id);
        }

        if (await NameProblemAsync(request, workspaceId, id, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        team.Name = request.Name!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(team));
    }

    /// <summary>Deletes the team; its conversations leave its queue and keep their assignee.</summary>
    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (team is null)
        {
            return UnknownTeam(id);
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AddMemberAsync(Guid id, Guid userId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        if (!await db.Teams.AnyAsync(t => t.Id == id && t.WorkspaceId == workspaceId, cancellationToken))
        {
            return UnknownTeam(id);
        }

        if (!await db.Memberships.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Unknown member", $"There is no member {userId} in this workspace.");
        }

        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == id && m.UserId == userId, cancellationToken))
        {
            db.TeamMembers.Add(new TeamMember { TeamId = id, UserId = userId });
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> RemoveMemberAsync(Guid id, Guid userId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId(), cancellationToken))
        {
            return UnknownTeam(id);
        }

        // Loaded and removed rather than deleted in SQL, so that the audit trail sees the change.
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == id && m.UserId == userId, cancellationToken);
        if (member is not null)
        {
            db.TeamMembers.Remove(member);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult?> NameProblemAsync(TeamRequest request, Guid workspaceId, Guid? id, AppDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200 || request.Name.Contains('\0', StringComparison.Ordinal))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad team", "name must be 1 to 200 characters.");
        }

        var name = request.Name.Trim();
        return await db.Teams.AnyAsync(t => t.WorkspaceId == workspaceId && t.Name == name && t.Id != id, cancellationToken)
            ? AuthEndpoints.Problem(StatusCodes.Status409Conflict, "Name taken", $"There is already a team '{name}' in this workspace.")
            : null;
    }

    private static TeamView View(Team team) => new(team.Id, team.Name, [.. team.Members.Select(m => m.UserId)], team.CreatedAt);

    public static IResult UnknownTeam(Guid id) => AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown team", $"There is no team {id} in this workspace.");
}
