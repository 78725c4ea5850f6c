namespace SocialDesk.Features.Ingestion;

/// <summary>The worker that keeps the pipeline moving: processes pending raw events as soon as they are stored.</summary>
public sealed class RawEventProcessor(IServiceScopeFactory scopes, IngestionSignal signal, TimeProvider time, ILogger<RawEventProcessor> logger) : BackgroundService
{
    public const int BatchSize = 200;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    // After a wake-up, a short wait lets a burst gather into one batch: a few milliseconds of latency buy far fewer round trips.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<IngestionPipeline>().ProcessPendingAsync(BatchSize, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unreachable: the events stay pending and are claimed again.
                logger.LogError(e, "Processing raw events failed; trying again shortly.");
                claimed = 0;
            }

            if (claimed < BatchSize)
            {
                await signal.WaitAsync(Poll, stoppingToken);
                await Task.Delay(Gather, time, stoppingToken);
            }
        }
    }
}
