using System.Threading.Channels;
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
    private readonly Channel<int> refreshed = Channel.CreateUnbounded<int>();
    private int refreshes;

    private LiveRefresh Watch() => new(changes, workspace, ids => ids.Contains(watched), () =>
    {
        refreshed.Writer.TryWrite(Interlocked.Increment(ref refreshes));
        return Task.CompletedTask;
    }, e => refreshed.Writer.TryComplete(e), time);

    private async Task<int> RefreshedAsync() => await refreshed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_change_refreshes_at_once()
    {
        using var live = Watch();

        changes.Publish(workspace, [watched]);

        Assert.Equal(1, await RefreshedAsync());
    }

    [Fact]
    public async Task Changes_during_the_interval_after_a_refresh_are_one_refresh_at_its_end()
    {
        using var live = Watch();
        changes.Publish(workspace, [watched]);
        await RefreshedAsync();

        changes.Publish(workspace, [watched]);
        changes.Publish(workspace, [watched, Guid.NewGuid()]);
        changes.Publish(workspace, [watched]);
        Assert.Equal(1, refreshes);
        time.Advance(LiveRefresh.Interval);

        Assert.Equal(2, await RefreshedAsync());
        time.Advance(LiveRefresh.Interval * 4);
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task A_change_after_a_quiet_interval_refreshes_at_once_again()
    {
        using var live = Watch();
        changes.Publish(workspace, [watched]);
        await RefreshedAsync();
        time.Advance(LiveRefresh.Interval);

        changes.Publish(workspace, [watched]);

        Assert.Equal(2, await RefreshedAsync());
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
    public async Task A_page_that_went_away_is_not_refreshed()
    {
        var live = Watch();
        changes.Publish(workspace, [watched]);
        await RefreshedAsync();
        changes.Publish(workspace, [watched]);

        live.Dispose();
        time.Advance(LiveRefresh.Interval);
        changes.Publish(workspace, [watched]);

        Assert.Equal(1, refreshes);
    }
}
