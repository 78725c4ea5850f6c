using SocialDesk.Features.Live;

namespace SocialDesk.Web;

/// <summary>
/// Keeps a page live: listens to its workspace's <see cref="ConversationChanges"/> and refreshes at once on a change,
/// then at most once per <see cref="Interval"/> while changes keep coming, so that a flood of webhooks does not re-query
/// the database per message and the first change of a quiet moment shows without waiting.
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
    private int changed;
    private int refreshing;

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
        if (!concerns(conversationIds))
        {
            return;
        }

        Volatile.Write(ref changed, 1);
        if (Interlocked.CompareExchange(ref refreshing, 1, 0) == 0)
        {
            // Off the saving thread: the save that announced the change goes on at once.
            _ = Task.Run(() => RefreshWhileChangingAsync(stopping.Token));
        }
    }

    private async Task RefreshWhileChangingAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                while (Interlocked.Exchange(ref changed, 0) == 1)
                {
                    var next = Task.Delay(Interval, time, cancellationToken);
                    await refresh();
                    await next;
                }

                Volatile.Write(ref refreshing, 0);
            }
            // A change announced after the last look found this round still running and left it to go on.
            while (Volatile.Read(ref changed) == 1 && Interlocked.CompareExchange(ref refreshing, 1, 0) == 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (Exception e)
        {
            Volatile.Write(ref refreshing, 0);
            failed(e);
        }
    }
}
