using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Users;
using static SocialDesk.Features.Ingestion.IngestionEndpoints;

namespace SocialDesk.Features.Ingestion;

/// <summary>The raw events kept for inspection, and their retry after a fix, for the API and the web app alike.</summary>
public static class RawEventInspection
{
    /// <summary>A page of the workspace's raw events, newest first, of one status or all.</summary>
    public static async Task<RawEventPage> RawEventsAsync(this AppDbContext db, ClaimsPrincipal caller, RawEventStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Of(page, pageSize);
        var workspaceId = caller.WorkspaceId();
        var query = db.RawEvents.AsNoTracking().Where(e => e.WorkspaceId == workspaceId);
        if (status is not null)
        {
            query = query.Where(e => e.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id).Skip(skip).Take(take)
            .Select(e => new RawEventView(e.Id, e.ChannelId, e.Format, e.Status, e.Error, e.Attempts, e.ReceivedAt, e.ProcessedAt, e.Body))
            .ToListAsync(cancellationToken);
        return new RawEventPage(items, total);
    }

    /// <summary>
    /// Puts a failed or ignored event back in the queue, after a fix. Returns the status it had (a pending or processed
    /// one is left as it is), or null when the workspace has no such event.
    /// </summary>
    public static async Task<RawEventStatus?> RetryRawEventAsync(this AppDbContext db, ClaimsPrincipal caller, long id, IngestionSignal signal, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var rawEvent = await db.RawEvents.FirstOrDefaultAsync(e => e.Id == id && e.WorkspaceId == workspaceId, cancellationToken);
        if (rawEvent is null || rawEvent.Status is RawEventStatus.Pending or RawEventStatus.Processed)
        {
            return rawEvent?.Status;
        }

        var was = rawEvent.Status;
        rawEvent.Status = RawEventStatus.Pending;
        rawEvent.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return was;
    }

    /// <summary>Whether a retry put the event back in the queue.</summary>
    public static bool Requeued(RawEventStatus? was) => was is RawEventStatus.Failed or RawEventStatus.Ignored;
}
