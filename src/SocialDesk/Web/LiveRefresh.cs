using SocialDesk.Features.Live;

namespace SocialDesk.Web;

/// <summary>
/// Keeps a page live: listens to its workspace's <see cref="ConversationChanges"/> and turns each burst of them into one
/// refresh, at most one per <see cref="Interval"/>, so that a flood of webhooks does not re-query the database per message.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Func<IReadOnlyCollection<Guid>, bool> concerns;
    private readonly Func<Task> refresh;
    private readonly Action<Exception> failed;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly IDisposable subscription;
    private int scheduled;

    /// <param name="concerns">Whether changed conversations matter to the page.</param>
    /// <param name="refresh">Re-reads and renders; called on no particular thread, so it dispatches to the renderer itself.</param>
    /// <param name="failed">Where a failed refresh goes (the page's error boundary).</param>
    public LiveRefresh(ConversationChanges changes, Guid workspaceId, Func<IReadOnlyCollection<Guid>, bool> concerns, Func<Task> refresh, Action<Exception> failed, TimeProvider time)
    {
        this.concerns = concerns;
        this.refresh = refresh;
        this.failed = failed;
        this.time = time;
        subscription = changes.Subscribe(workspaceId, OnChanged);
    }

    /// <summary>Stops listening; the token source stays undisposed, as a save announcing a change at that moment may still read it.</summary>
    public void Dispose()
    {
        subscription.Dispose();
        stopping.Cancel();
    }

    private void OnChanged(IReadOnlyCollection<Guid> conversationIds)
    {
        if (concerns(conversationIds) && Interlocked.Exchange(ref scheduled, 1) == 0)
        {
            _ = RefreshSoonAsync(stopping.Token);
        }
    }

    private async Task RefreshSoonAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Interval, time, cancellationToken);
            Interlocked.Exchange(ref scheduled, 0);
            await refresh();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (Exception e)
        {
            failed(e);
        }
    }
}
