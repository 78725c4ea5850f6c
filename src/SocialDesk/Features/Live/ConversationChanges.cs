using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Live;

/// <summary>
/// The in-process feed of conversation changes, per workspace: every save that adds or changes a conversation, a message
/// or a note announces the conversation's id once it is committed, whoever saved it (a webhook, an agent, a worker).
/// The web app's views and the SignalR hub listen to it; each listener hears only its own workspace.
/// </summary>
public sealed class ConversationChanges
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, List<Action<IReadOnlyCollection<Guid>>>> listeners = [];
    private readonly List<Action<Guid, IReadOnlyCollection<Guid>>> everywhere = [];

    /// <summary>Hears every workspace's changes, with the workspace's id: for the one forwarder to the SignalR hub.</summary>
    public void SubscribeAll(Action<Guid, IReadOnlyCollection<Guid>> onChanged)
    {
        lock (gate)
        {
            everywhere.Add(onChanged);
        }
    }

    /// <summary>Calls <paramref name="onChanged"/> with the ids changed by each committed save of the workspace, until disposed. Keep it quick: it runs on the saving thread.</summary>
    public IDisposable Subscribe(Guid workspaceId, Action<IReadOnlyCollection<Guid>> onChanged)
    {
        lock (gate)
        {
            if (!listeners.TryGetValue(workspaceId, out var list))
            {
                listeners[workspaceId] = list = [];
            }

            list.Add(onChanged);
        }

        return new Subscription(this, workspaceId, onChanged);
    }

    public void Publish(Guid workspaceId, IReadOnlyCollection<Guid> conversationIds)
    {
        Action<IReadOnlyCollection<Guid>>[] targets;
        Action<Guid, IReadOnlyCollection<Guid>>[] all;
        lock (gate)
        {
            targets = listeners.TryGetValue(workspaceId, out var list) ? [.. list] : [];
            all = [.. everywhere];
        }

        foreach (var target in all)
        {
            target(workspaceId, conversationIds);
        }

        foreach (var target in targets)
        {
            target(conversationIds);
        }
    }

    private void Unsubscribe(Guid workspaceId, Action<IReadOnlyCollection<Guid>> onChanged)
    {
        lock (gate)
        {
            if (listeners.TryGetValue(workspaceId, out var list) && list.Remove(onChanged) && list.Count == 0)
            {
                listeners.Remove(workspaceId);
            }
        }
    }

    private sealed class Subscription(ConversationChanges changes, Guid workspaceId, Action<IReadOnlyCollection<Guid>> onChanged) : IDisposable
    {
        public void Dispose() => changes.Unsubscribe(workspaceId, onChanged);
    }
}

/// <summary>Notes which conversations a save touches and announces them on <see cref="ConversationChanges"/> once the save has succeeded.</summary>
public sealed class ConversationChangeFeed(ConversationChanges changes) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, HashSet<Guid>>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touched = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var (workspaceId, conversationId) = entry.Entity switch
            {
                Conversation c => (c.WorkspaceId, c.Id),
                Message m => (m.WorkspaceId, m.ConversationId),
                Note n => (n.WorkspaceId, n.ConversationId),
                _ => (Guid.Empty, Guid.Empty),
            };
            if (conversationId != Guid.Empty)
            {
                (touched.TryGetValue(workspaceId, out var ids) ? ids : touched[workspaceId] = []).Add(conversationId);
            }
        }

        if (touched.Count > 0)
        {
            pending.AddOrUpdate(context, touched);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var touched))
        {
            return;
        }

        pending.Remove(context);
        foreach (var (workspaceId, ids) in touched)
        {
            changes.Publish(workspaceId, ids);
        }
    }
}
