using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.TeamsAsync(caller, cancellationToken));

    private static async Task<IResult> CreateAsync(TeamRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (team, problem) = await db.SaveTeamAsync(caller, null, request, time, cancellationToken);
        return problem ?? (IResult)TypedResults.Created($"/api/v1/teams/{team!.Id}", team);
    }

    private static async Task<IResult> RenameAsync(Guid id, TeamRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (team, problem) = await db.SaveTeamAsync(caller, id, request, time, cancellationToken);
        return problem ?? (IResult)TypedResults.Ok(team);
    }

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.DeleteTeamAsync(caller, id, cancellationToken) ?? (IResult)TypedResults.NoContent();

    private static async Task<IResult> AddMemberAsync(Guid id, Guid userId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AddTeamMemberAsync(caller, id, userId, cancellationToken) ?? (IResult)TypedResults.NoContent();

    private static async Task<IResult> RemoveMemberAsync(Guid id, Guid userId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.RemoveTeamMemberAsync(caller, id, userId, cancellationToken) ?? (IResult)TypedResults.NoContent();

    /// <summary>The workspace's teams by name.</summary>
    public static async Task<List<TeamView>> TeamsAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => t.WorkspaceId == workspaceId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. teams.Select(View)];
    }

    /// <summary>Creates a team (no id) or renames one; the team, or why not.</summary>
    public static async Task<(TeamView? Team, ProblemHttpResult? Problem)> SaveTeamAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid? id, TeamRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var team = id is { } existing
            ? await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == existing && t.WorkspaceId == workspaceId, cancellationToken)
            : new Team { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        if (team is null)
        {
            return (null, UnknownTeam(id!.Value));
        }

        if (await NameProblemAsync(request, workspaceId, id, db, cancellationToken) is { } problem)
        {
            return (null, problem);
        }

        team.Name = request.Name!.Trim();
        if (id is null)
        {
            db.Teams.Add(team);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (View(team), null);
    }

    /// <summary>Deletes the team; its conversations leave its queue and keep their assignee.</summary>
    public static async Task<ProblemHttpResult?> DeleteTeamAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (team is null)
        {
            return UnknownTeam(id);
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds a member of the workspace to the team; one already in it stays as they are.</summary>
    public static async Task<ProblemHttpResult?> AddTeamMemberAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, Guid userId, CancellationToken cancellationToken)
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

        return null;
    }

    public static async Task<ProblemHttpResult?> RemoveTeamMemberAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, Guid userId, CancellationToken cancellationToken)
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

        return null;
    }

    private static async Task<ProblemHttpResult?> NameProblemAsync(TeamRequest request, Guid workspaceId, Guid? id, AppDbContext db, CancellationToken cancellationToken)
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

    public static ProblemHttpResult UnknownTeam(Guid id) => AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown team", $"There is no team {id} in this workspace.");
}
