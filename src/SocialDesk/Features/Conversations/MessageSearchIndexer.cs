using Microsoft.Extensions.Options;
using SocialDesk.Data;

namespace SocialDesk.Features.Conversations;

/// <summary><c>Search:Interval</c>: how often new messages are added to the SQLite search index (every second by default).</summary>
public sealed class MessageSearchOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Adds the messages stored since its last pass to the SQLite search index (<see cref="MessageSearch"/>), a batch per
/// transaction, in the writers' queue. Off the ingestion path: a message is searchable the moment it is stored, read
/// directly until it is indexed, and a batch costs less than a message at a time. On PostgreSQL a pass does nothing.
/// </summary>
public sealed class MessageSearchIndexer(
    IServiceScopeFactory scopes, DatabaseProvider.SqliteWriteGate writers, TimeProvider time, IOptions<MessageSearchOptions> options, ILogger<MessageSearchIndexer> logger)
    : PeriodicWorker(time, logger)
{
    // A batch holds the write lock a few tens of milliseconds (6-38 ms in the ingest bench), so ingestion's writes wait little.
    private const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunPassAsync(cancellationToken);

    /// <summary>Indexes every message stored so far; returns how many it indexed.</summary>
    public Task<int> RunPassAsync(CancellationToken cancellationToken) => InBatchesAsync(
        async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await writers.WriteAsync(() => MessageSearch.IndexNextAsync(db, BatchSize, cancellationToken), cancellationToken);
        },
        cancellationToken);
}
