namespace SocialDesk;

/// <summary>A worker that makes a pass at start and then every interval of its clock; a failed pass is logged and the next one takes up what it left.</summary>
public abstract class PeriodicWorker(TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);

    protected TimeProvider Time => time;

    protected abstract TimeSpan Interval { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {Worker} pass failed; the next one takes up what it left.", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass, at the worker's clock.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    /// <summary>Runs a pass alone: a pass asked for (by a test, a bench) never overlaps the worker's own.</summary>
    protected Task<T> OneAtATimeAsync<T>(Func<Task<T>> pass, CancellationToken cancellationToken) => gate.AloneAsync(pass, cancellationToken);

    /// <summary>Runs batch after batch alone, until one does nothing; returns how much they did.</summary>
    protected Task<int> InBatchesAsync(Func<Task<int>> batch, CancellationToken cancellationToken) => OneAtATimeAsync(
        async () =>
        {
            var total = 0;
            for (var done = await batch(); done > 0; done = await batch())
            {
                total += done;
            }

            return total;
        },
        cancellationToken);

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
