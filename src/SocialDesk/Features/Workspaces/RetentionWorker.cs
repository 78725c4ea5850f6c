using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Features.Workspaces;

/// <summary><c>Retention:Interval</c>: how often the retention worker makes a pass (every hour by default).</summary>
public sealed class RetentionOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Applies each workspace's <see cref="Workspace.RetentionDays"/>, once at start and then every interval: the text of
/// messages posted more than that many days ago (a reply the platform has not confirmed counts from when it was
/// written, and one still queued is left to be sent), of notes written before then, and the bodies of raw deliveries
/// processed, ignored or failed before then, is blanked, in batches. The rows stay, so reports keep their counts; blank text is
/// not blanked again, so a pass can be repeated. Each pass that blanked something is recorded as the system's.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger)
    : PeriodicWorker(time, logger)
{
    public const string Action = "workspace.retention";

    // Small batches keep each write short, so that ingestion is never held up for long.
    private const int BatchSize = 500;

    /// <summary>What one pass blanked in one workspace: texts older than <paramref name="Before"/>.</summary>
    public sealed record RetentionRun(Guid WorkspaceId, int RetentionDays, DateTime Before, int Messages, int Notes, int RawEvents);

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>One pass over every workspace that has a retention, at the worker's clock.</summary>
    public async Task<IReadOnlyList<RetentionRun>> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var workspaces = await db.Workspaces.AsNoTracking()
            .Where(w => w.RetentionDays != null)
            .Select(w => new { w.Id, Days = w.RetentionDays!.Value })
            .ToListAsync(cancellationToken);
        var runs = new List<RetentionRun>();
        foreach (var workspace in workspaces)
        {
            var run = await ApplyAsync(db, workspace.Id, workspace.Days, now.AddDays(-workspace.Days), cancellationToken);
            if (run.Messages + run.Notes + run.RawEvents > 0)
            {
                db.AuditLog.Add(AuditActor.System.Entry(workspace.Id, now, Action, "workspace", workspace.Id.ToString(), null, run));
                await db.SaveChangesAsync(cancellationToken);
            }

            runs.Add(run);
        }

        return runs;
    }

    private static async Task<RetentionRun> ApplyAsync(AppDbContext db, Guid workspaceId, int days, DateTime before, CancellationToken cancellationToken)
    {
        var messages = db.Messages.Where(m => m.WorkspaceId == workspaceId && m.Text != ""
            && (m.PlatformTime ?? m.ReceivedAt) < before && m.Delivery != DeliveryState.Queued);
        var notes = db.Notes.Where(n => n.WorkspaceId == workspaceId && n.Text != "" && n.CreatedAt < before);
        var rawEvents = db.RawEvents.Where(e => e.WorkspaceId == workspaceId && e.Body != "" && e.ReceivedAt < before
            && e.Status != RawEventStatus.Pending);
        return new RetentionRun(
            workspaceId,
            days,
            before,
            await InBatchesAsync(
                () => messages.OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken),
                ids => messages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Text, ""), cancellationToken)),
            await InBatchesAsync(
                () => notes.OrderBy(n => n.Id).Select(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken),
                ids => notes.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, ""), cancellationToken)),
            await InBatchesAsync(
                () => rawEvents.OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken),
                ids => rawEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, ""), cancellationToken)));
    }

    /// <summary>Blanks batch after batch until none is left; a batch that another node blanked first ends the pass here.</summary>
    private static async Task<int> InBatchesAsync<TKey>(Func<Task<List<TKey>>> nextBatch, Func<List<TKey>, Task<int>> blank)
    {
        var total = 0;
        for (var batch = await nextBatch(); batch.Count > 0; batch = await nextBatch())
        {
            var blanked = await blank(batch);
            if (blanked == 0)
            {
                break;
            }

            total += blanked;
        }

        return total;
    }
}
