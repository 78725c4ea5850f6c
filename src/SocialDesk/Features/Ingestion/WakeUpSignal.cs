using System.Threading.Channels;

namespace SocialDesk.Features.Ingestion;

/// <summary>Wakes a worker at once when there is work, instead of at its next poll; many notifications before a wake-up count as one.</summary>
public abstract class WakeUpSignal
{
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => pending.Writer.TryWrite(true);

    /// <summary>Waits until notified or until the timeout.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await pending.Reader.WaitToReadAsync(timer.Token);
            pending.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout passed: time for a poll.
        }
    }
}
