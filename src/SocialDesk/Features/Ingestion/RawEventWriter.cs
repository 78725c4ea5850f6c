using System.Threading.Channels;

namespace SocialDesk.Features.Ingestion;

/// <summary>
/// Writes webhook deliveries in groups: requests that arrive together share one transaction,
/// and each request is answered only once its delivery is committed.
/// </summary>
public sealed class RawEventWriter(IServiceScopeFactory scopes, ILogger<RawEventWriter> logger) : BackgroundService
{
    private const int MaxGroup = 256;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Returns true when the delivery is new, false when it was already stored.</summary>
    public async Task<bool> WriteAsync(IncomingDelivery delivery, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(delivery, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The server is stopping; the delivery was not stored.");
        }

        return await write.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WriteGroupsAsync(stoppingToken);
        }
        finally
        {
            // Stopping: whatever was not written is refused, so that the platform delivers it again.
            while (queue.Reader.TryRead(out var write))
            {
                write.Stored.TrySetException(new OperationCanceledException("The server is stopping; the delivery was not stored."));
            }
        }
    }

    private async Task WriteGroupsAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<RawEventStore>();
                var stored = await store.AppendAsync([.. group.Select(w => w.Delivery)], stoppingToken);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Stored.TrySetResult(stored[i]);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Storing {Count} deliveries failed; each is answered with an error so the platform delivers it again.", group.Count);
                group.ForEach(w => w.Stored.TrySetException(e));
            }

            group.Clear();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private sealed record PendingWrite(IncomingDelivery Delivery, TaskCompletionSource<bool> Stored);
}
