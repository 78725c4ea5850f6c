using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Workspaces;

/// <summary>The current workspace's settings, and new workspaces (one per brand), whose maker becomes their admin.</summary>
public static class WorkspaceEndpoints
{
    public const int MaxRetentionDays = 36_500;

    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder app)
    {
        var workspaces = app.MapGroup("/api/v1/workspaces").WithTags("Workspaces").RequireRateLimiting(RateLimits.Api);
        workspaces.MapGet("/current", GetAsync).RequireAuthorization(Permissions.MembersRead);
        workspaces.MapPatch("/current", UpdateAsync).RequireAuthorization(Permissions.WorkspaceManage);
        workspaces.MapPost("/", CreateAsync).RequireAuthorization(Permissions.WorkspaceManage);
        return app;
    }

    /// <summary>What to change: the name, and the retention of message text in days (0 or null: kept).</summary>
    public sealed record WorkspaceRequest(string? Name, int? RetentionDays);

    public sealed record WorkspaceView(Guid Id, string Name, int? RetentionDays, DateTime CreatedAt);

    private static async Task<IResult> GetAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == caller.WorkspaceId(), cancellationToken);
        return TypedResults.Ok(View(workspace));
    }

    private static async Task<IResult> UpdateAsync(WorkspaceRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Problem(request, nameRequired: false) is { } problem)
        {
            return problem;
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == caller.WorkspaceId(), cancellationToken);
        workspace.Name = request.Name?.Trim() ?? workspace.Name;
        if (request.RetentionDays is { } days)
        {
            workspace.RetentionDays = days == 0 ? null : days;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(workspace));
    }

    private static async Task<IResult> CreateAsync(WorkspaceRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Problem(request, nameRequired: true) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), RetentionDays = request.RetentionDays is 0 ? null : request.RetentionDays, CreatedAt = now };
        db.Workspaces.Add(workspace);
        db.Memberships.Add(new Membership { WorkspaceId = workspace.Id, UserId = caller.UserId(), Role = Roles.Admin, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspace.Id}", View(workspace));
    }

    private static ProblemHttpResult? Problem(WorkspaceRequest request, bool nameRequired)
    {
        var errors = new List<string>();
        if ((nameRequired || request.Name is not null) && (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200 || request.Name.Contains('\0', StringComparison.Ordinal)))
        {
            errors.Add("name must be 1 to 200 characters.");
        }

        if (request.RetentionDays is < 0 or > MaxRetentionDays)
        {
            errors.Add($"retentionDays must be 0 (keep) to {MaxRetentionDays}.");
        }

        return errors.Count == 0 ? null : AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad workspace", string.Join(" ", errors));
    }

    private static WorkspaceView View(Workspace w) => new(w.Id, w.Name, w.RetentionDays, w.CreatedAt);
}
