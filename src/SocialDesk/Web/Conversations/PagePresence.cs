using SocialDesk.Features.Live;

namespace SocialDesk.Web.Conversations;

/// <summary>Someone else on the conversation, and whether they are writing a reply.</summary>
public sealed record Colleague(Guid UserId, bool Typing);

/// <summary>
/// A conversation page's place in <see cref="Presence"/>, as a hub connection has one: viewing while open, typing while
/// its composer holds text; and who else is there, heard live through the same announcements the hub forwards.
/// </summary>
public sealed class PagePresence : IDisposable
{
    private readonly string connectionId = $"page:{Guid.NewGuid():N}";
    private readonly Presence presence;
    private readonly Guid workspaceId;
    private readonly Guid conversationId;
    private readonly Guid userId;
    private readonly IDisposable subscription;
    private PresenceKind kind = PresenceKind.Viewing;

    /// <param name="changed">Re-renders the page; called on no particular thread, so it dispatches to the renderer itself.</param>
    public PagePresence(Presence presence, Guid workspaceId, Guid conversationId, Guid userId, Func<Task> changed)
    {
        (this.presence, this.workspaceId, this.conversationId, this.userId) = (presence, workspaceId, conversationId, userId);
        subscription = presence.Changes.Subscribe(workspaceId, ids =>
        {
            if (ids.Contains(conversationId))
            {
                _ = changed();
            }
        });
        presence.Set(connectionId, workspaceId, conversationId, userId, kind);
    }

    /// <summary>Typing while the composer holds text, viewing otherwise; announced only when it changes.</summary>
    public void Composing(string? text)
    {
        var now = string.IsNullOrWhiteSpace(text) ? PresenceKind.Viewing : PresenceKind.Typing;
        if (now != kind)
        {
            kind = now;
            presence.Set(connectionId, workspaceId, conversationId, userId, kind);
        }
    }

    public IReadOnlyList<Colleague> Others()
    {
        var (viewers, typists) = presence.On(workspaceId, conversationId);
        return Colleagues(viewers, typists, userId);
    }

    /// <summary>The others on the conversation, those writing first; oneself (in another tab, say) is not a colleague.</summary>
    public static IReadOnlyList<Colleague> Colleagues(IReadOnlyList<Guid> viewers, IReadOnlyList<Guid> typists, Guid me) =>
        [.. viewers.Where(id => id != me).Select(id => new Colleague(id, typists.Contains(id))).OrderByDescending(c => c.Typing)];

    public void Dispose()
    {
        subscription.Dispose();
        presence.Drop(connectionId);
    }
}
