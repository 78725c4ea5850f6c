using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Notifications;

/// <summary>One's own notifications in the current workspace, newest first, and marking them read.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireRateLimiting(RateLimits.Api);
        notifications.MapGet("/", ListAsync).RequireAuthorization(Permissions.Profile);
        notifications.MapPost("/{id:guid}/read", ReadAsync).RequireAuthorization(Permissions.Profile);
        return app;
    }

    public sealed record NotificationView(Guid Id, string Kind, string Text, Guid? ConversationId, DateTime CreatedAt, DateTime? ReadAt);

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, bool? unread, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Of(page, pageSize);
        var query = Mine(caller, db).AsNoTracking();
        if (unread == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.ConversationId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> ReadAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var notification = await Mine(caller, db).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown notification", $"You have no notification {id} in this workspace.");
        }

        notification.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<Notification> Mine(ClaimsPrincipal caller, AppDbContext db)
    {
        var workspaceId = caller.WorkspaceId();
        var userId = caller.UserId();
        return db.Notifications.Where(n => n.WorkspaceId == workspaceId && n.UserId == userId);
    }
}
