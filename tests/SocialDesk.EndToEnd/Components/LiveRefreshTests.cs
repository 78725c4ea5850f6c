using Microsoft.Extensions.Time.Testing;
using SocialDesk.Features.Live;
using SocialDesk.Web;

namespace SocialDesk.EndToEnd.Components;

public sealed class LiveRefreshTests
{
    private readonly ConversationChanges changes = new();
    private readonly FakeTimeProvider time = new();
    private readonly Guid workspace = Guid.NewGuid();
    private readonly Guid watched = Guid.NewGuid();
    private readonly TaskCompletionSource refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int refreshes;

    private LiveRefresh Watch() => new(changes, workspace, ids => ids.Contains(watched), () =>
    {
        Interlocked.Increment(ref refreshes);
        refreshed.TrySetResult();
        return Task.CompletedTask;
    }, e => refreshed.TrySetException(e), time);

    [Fact]
    public async Task A_burst_of_changes_is_one_refresh_after_the_interval()
    {
        using var live = Watch();

        changes.Publish(workspace, [watched]);
        changes.Publish(workspace, [watched, Guid.NewGuid()]);
        changes.Publish(workspace, [watched]);
        Assert.Equal(0, refreshes);
        time.Advance(LiveRefresh.Interval);

        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public void Changes_of_other_conversations_or_workspaces_refresh_nothing()
    {
        using var live = Watch();

        changes.Publish(workspace, [Guid.NewGuid()]);
        changes.Publish(Guid.NewGuid(), [watched]);
        time.Advance(LiveRefresh.Interval * 4);

        Assert.Equal(0, refreshes);
    }

    [Fact]
    public void A_page_that_went_away_is_not_refreshed()
    {
        var live = Watch();
        changes.Publish(workspace, [watched]);

        live.Dispose();
        time.Advance(LiveRefresh.Interval);
        changes.Publish(workspace, [watched]);

        Assert.Equal(0, refreshes);
    }
}
