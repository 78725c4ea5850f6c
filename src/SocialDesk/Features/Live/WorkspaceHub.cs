using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Live;

/// <summary>
/// Live updates at <c>/hubs/workspace</c>, for a signed-in member (session cookie or bearer token): a connection joins its current workspace's group only. The server sends
/// <c>conversationsChanged(ids)</c> after every committed change to a conversation of the workspace (new message,
/// assignment, status, SLA state, note), and <c>presence(conversationId, viewers, typists)</c> when someone starts or
/// stops viewing or typing on one. Clients call <c>Viewing(id)</c>, <c>Typing(id)</c> and <c>Leave(id)</c>. Ids only
/// travel here: what a member may read of them is the API's answer.
/// </summary>
[Authorize(Policy = Permissions.Profile)]
public sealed class WorkspaceHub(Presence presence, PresenceLimits limits, AppDbContext db) : Hub
{
    public const string Path = "/hubs/workspace";

    public static string Group(Guid workspaceId) => $"workspace:{workspaceId}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(Context.User!.WorkspaceId()));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Drop(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public Task Viewing(Guid conversationId) => SetAsync(conversationId, PresenceKind.Viewing);

    public Task Typing(Guid conversationId) => SetAsync(conversationId, PresenceKind.Typing);

    public Task Leave(Guid conversationId) => SetAsync(conversationId, null);

    /// <summary>
    /// Sets where the connection is; <see cref="HubForwarder"/> announces it, as it does for the web app's pages. A
    /// connection lives for hours: whether the member may still read the conversation is asked of the database each time,
    /// and each connection has its allowance of updates, since each is announced to the whole workspace.
    /// </summary>
    private async Task SetAsync(Guid conversationId, PresenceKind? kind)
    {
        if (!limits.Allow(Context.ConnectionId))
        {
            throw new HubException($"Too many presence updates: at most {PresenceLimits.PerSecond} a second.");
        }

        var caller = await CurrentMember.ReloadAsync(db, Context.User!, Context.ConnectionAborted);
        if (kind is not null && (caller is null || !caller.Holds(Permissions.ConversationsRead)
            || !await db.Visible(caller).AnyAsync(c => c.Id == conversationId, Context.ConnectionAborted)))
        {
            throw new HubException($"There is no conversation {conversationId} you may read.");
        }

        var user = Context.User!;
        presence.Set(Context.ConnectionId, user.WorkspaceId(), conversationId, user.UserId(), kind);
    }
}

/// <summary>Each hub connection's allowance of presence updates: a burst of <see cref="Burst"/>, then <see cref="PerSecond"/> a second.</summary>
public sealed class PresenceLimits : IDisposable
{
    public const int Burst = 20;
    public const int PerSecond = 5;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(connectionId =>
        RateLimitPartition.GetTokenBucketLimiter(connectionId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            TokensPerPeriod = PerSecond,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool Allow(string connectionId)
    {
        using var lease = limiter.AttemptAcquire(connectionId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

public enum PresenceKind
{
    Viewing,
    Typing,
}

/// <summary>
/// Who is on which conversation now, per connection (a hub connection, or a page of the web app; a person may have
/// several tabs); in this process's memory. Each change is announced on <see cref="Changes"/>.
/// </summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, Entry> byConnection = new();

    private sealed record Entry(Guid WorkspaceId, Guid ConversationId, Guid UserId, PresenceKind Kind);

    /// <summary>The conversations whose viewers or typists changed, per workspace: the hub's forwarder and the web app's pages listen.</summary>
    public ConversationChanges Changes { get; } = new();

    /// <summary>Where a connection is now (null: nowhere); a move from another conversation changes that one's presence too.</summary>
    public void Set(string connectionId, Guid workspaceId, Guid conversationId, Guid userId, PresenceKind? kind)
    {
        var now = kind is { } present ? new Entry(workspaceId, conversationId, userId, present) : null;
        byConnection.TryGetValue(connectionId, out var before);
        if (now is null)
        {
            byConnection.TryRemove(connectionId, out _);
        }
        else
        {
            byConnection[connectionId] = now;
        }

        if (before is not null && before != now && before.ConversationId != conversationId)
        {
            Changes.Publish(before.WorkspaceId, [before.ConversationId]);
        }

        if (before != now)
        {
            Changes.Publish(workspaceId, [conversationId]);
        }
    }

    /// <summary>Forgets a closed connection, and announces the conversation it was on.</summary>
    public void Drop(string connectionId)
    {
        if (byConnection.TryRemove(connectionId, out var entry))
        {
            Changes.Publish(entry.WorkspaceId, [entry.ConversationId]);
        }
    }

    /// <summary>Who views the conversation and who types on it (each person once; typing includes viewing).</summary>
    public (IReadOnlyList<Guid> Viewers, IReadOnlyList<Guid> Typists) On(Guid workspaceId, Guid conversationId)
    {
        var here = byConnection.Values.Where(e => e.WorkspaceId == workspaceId && e.ConversationId == conversationId).ToList();
        return ([.. here.Select(e => e.UserId).Distinct().Order()], [.. here.Where(e => e.Kind == PresenceKind.Typing).Select(e => e.UserId).Distinct().Order()]);
    }
}

/// <summary>Forwards every workspace's conversation changes and presence changes to that workspace's hub group.</summary>
public sealed class HubForwarder(ConversationChanges changes, Presence presence, IHubContext<WorkspaceHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        changes.SubscribeAll((workspaceId, ids) => _ = hub.Clients.Group(WorkspaceHub.Group(workspaceId)).SendAsync("conversationsChanged", ids, CancellationToken.None));
        presence.Changes.SubscribeAll((workspaceId, ids) =>
        {
            foreach (var id in ids)
            {
                var (viewers, typists) = presence.On(workspaceId, id);
                _ = hub.Clients.Group(WorkspaceHub.Group(workspaceId)).SendAsync("presence", id, viewers, typists, CancellationToken.None);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
