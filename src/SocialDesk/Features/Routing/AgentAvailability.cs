using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Routing;

/// <summary>One's availability in the current workspace, for the API and the web app alike.</summary>
public static class AgentAvailability
{
    public static Task<Availability> AvailabilityAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var (workspaceId, userId) = (caller.WorkspaceId(), caller.UserId());
        return db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).Select(m => m.Availability).FirstAsync(cancellationToken);
    }

    /// <summary>Available or away; the time it changed starts the away return's count.</summary>
    public static async Task<Membership> SetAvailabilityAsync(this AppDbContext db, ClaimsPrincipal caller, Availability availability, TimeProvider time, CancellationToken cancellationToken)
    {
        var (workspaceId, userId) = (caller.WorkspaceId(), caller.UserId());
        var membership = await db.Memberships.FirstAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);
        if (membership.Availability != availability)
        {
            membership.Availability = availability;
            membership.AvailabilityChangedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return membership;
    }
}
