using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;

namespace SocialDesk.Features.Reporting;

/// <summary><c>Reports:RollupInterval</c>: how often the reporting events written since are rolled up (every 5 seconds by default).</summary>
public sealed class ReportRollupOptions
{
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Rolls the reporting events up into <see cref="ReportDay"/> rows, in the order they were written, so that a report
/// of a year reads a row per day, team and agent instead of every event: once at start (the events written before
/// the roll-up existed included) and then every interval, in batches. Reports read the days rolled up and the events
/// after <see cref="ReportRollup.LastEventId"/> in one snapshot, so they are exact whatever the roll-up has reached.
/// </summary>
public sealed class ReportRollupWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReportRollupOptions> options, ILogger<ReportRollupWorker> logger)
    : PeriodicWorker(time, logger)
{
    private const int BatchSize = 20_000;

    protected override TimeSpan Interval => options.Value.RollupInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>Rolls up every event written so far, batch after batch; returns how many it rolled up.</summary>
    public Task<int> RunPassAsync(CancellationToken cancellationToken) => InBatchesAsync(() => RollUpBatchAsync(cancellationToken), cancellationToken);

    /// <summary>Rolls up the next batch of events in one save, with the new watermark; 0 when none is left, or when another node rolled it up first.</summary>
    private async Task<int> RollUpBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rollup = await db.ReportRollups.SingleAsync(r => r.Id == ReportRollup.TheOne, cancellationToken);
        var settled = await SettledLastIdAsync(db, cancellationToken);
        var events = await db.ReportingEvents.AsNoTracking()
            .Where(e => e.Id > rollup.LastEventId && e.Id <= settled)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .Select(e => new { e.Id, e.WorkspaceId, e.Name, e.TeamId, e.UserId, e.OccurredAt, e.ValueSeconds })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var groups = events
            .Where(e => ReportDay.Names.Contains(e.Name))
            .GroupBy(e => (e.WorkspaceId, Day: e.OccurredAt.Date, e.Name, e.TeamId, e.UserId))
            .ToList();
        var workspaces = groups.Select(g => g.Key.WorkspaceId).Distinct().ToList();
        var days = groups.Select(g => g.Key.Day).Distinct().ToList();
        var existing = (await db.ReportDays
                .Where(d => workspaces.Contains(d.WorkspaceId) && days.Contains(d.Day))
                .ToListAsync(cancellationToken))
            .ToDictionary(d => (d.WorkspaceId, d.Day, d.Name, d.TeamId, d.UserId));
        foreach (var group in groups)
        {
            if (!existing.TryGetValue(group.Key, out var day))
            {
                day = new ReportDay { WorkspaceId = group.Key.WorkspaceId, Day = group.Key.Day, Name = group.Key.Name, TeamId = group.Key.TeamId, UserId = group.Key.UserId };
                db.ReportDays.Add(day);
            }

            day.Add([.. group.Select(e => (e.OccurredAt, e.ValueSeconds))]);
        }

        rollup.LastEventId = events[^1].Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }

        return events.Count;
    }

    /// <summary>
    /// The last event id below which no event can still appear. SQLite writes one transaction at a time, so ids are
    /// committed in order. PostgreSQL hands ids out as rows are written and commits in any order: a share lock on
    /// the table waits for the writers in progress, and once it is taken every id up to the highest is committed.
    /// </summary>
    private static async Task<long> SettledLastIdAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return await db.ReportingEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "ReportingEvents" IN SHARE MODE""", cancellationToken);
        var last = await db.ReportingEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        await transaction.CommitAsync(cancellationToken);
        return last;
    }
}
