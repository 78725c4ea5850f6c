using SocialDesk.Features.Contacts;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Triage;

namespace SocialDesk.Features.Conversations;

public sealed record IdentityView(string Platform, string PlatformUserId, string? Handle, string? Name, int? Followers);

public sealed record ContactView(Guid Id, string DisplayName, IReadOnlyList<IdentityView> Identities)
{
    public static ContactView Of(Contact contact) => new(contact.Id, contact.DisplayName,
        [.. contact.Identities.Select(i => new IdentityView(i.Platform, i.PlatformUserId, i.Handle, i.Name, i.Followers))]);
}

public sealed record DeliveryView(DeliveryState State, string? Error);

public sealed record MessageView(
    Guid Id,
    MessageDirection Direction,
    bool Private,
    string? PlatformMessageId,
    string? ReplyToPlatformMessageId,
    IdentityView? Author,
    Guid? AgentId,
    string Text,
    TriageView? Triage,
    DateTime? PlatformTime,
    DateTime ReceivedAt,
    DeliveryView? Delivery,
    DateTime? EditedAt,
    DateTime? DeletedAt,
    DateTime? HiddenAt)
{
    public static MessageView Of(Message m) => new(
        m.Id,
        m.Direction,
        m.IsPrivate,
        m.PlatformMessageId,
        m.ReplyToPlatformMessageId,
        m.AuthorIdentity is { } a ? new IdentityView(a.Platform, a.PlatformUserId, a.Handle, a.Name, a.Followers) : null,
        m.AuthorUserId,
        m.Text,
        m.Triage?.View(),
        m.PlatformTime,
        m.ReceivedAt,
        m.Delivery is { } state ? new DeliveryView(state, m.DeliveryError) : null,
        m.EditedAt,
        m.DeletedAt,
        m.HiddenAt);
}

/// <summary>An internal note; <see cref="HandoverToTeamId"/> marks the note that came with a handover to that team.</summary>
public sealed record NoteView(Guid Id, Guid AuthorId, string Text, DateTime CreatedAt, Guid? HandoverToTeamId)
{
    public static NoteView Of(Note n) => new(n.Id, n.AuthorUserId, n.Text, n.CreatedAt, n.HandoverToTeamId);
}

public sealed record ConversationSummary(
    Guid Id,
    Guid ChannelId,
    string ChannelKind,
    ConversationStatus Status,
    bool Private,
    Guid? AssigneeId,
    Guid ContactId,
    string ContactName,
    string? LastMessage,
    int MessageCount,
    TriageView? Triage,
    DateTime StartedAt,
    DateTime LastActivityAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt,
    int ReopenCount,
    ConversationPriority Priority,
    int PriorityScore,
    Guid? TeamId,
    SlaView Sla);

public sealed record ConversationDetail(
    Guid Id,
    Guid ChannelId,
    string ChannelKind,
    ConversationStatus Status,
    bool Private,
    Guid? AssigneeId,
    ContactView Contact,
    TriageView? Triage,
    DateTime StartedAt,
    DateTime LastActivityAt,
    DateTime? FirstResponseAt,
    double? FirstResponseSeconds,
    DateTime? ResolvedAt,
    int ReopenCount,
    ConversationPriority Priority,
    int PriorityScore,
    Guid? TeamId,
    SlaView Sla,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<NoteView> Notes)
{
    public static ConversationDetail Of(Conversation c, WorkspaceRules rules, DateTime now) => new(
        c.Id,
        c.ChannelId,
        c.Channel!.Kind,
        c.Status,
        c.IsPrivate,
        c.AssigneeId,
        ContactView.Of(c.Contact!),
        c.Triage?.View(),
        c.StartedAt,
        c.LastActivityAt,
        c.FirstResponseAt,
        (c.FirstResponseAt - c.StartedAt)?.TotalSeconds,
        c.ResolvedAt,
        c.ReopenCount,
        c.Priority,
        Features.Sla.PriorityScore.At(c.RankAt, now),
        c.TeamId,
        SlaView.Of(c, rules, now),
        [.. c.Messages.OrderBy(m => m.PlatformTime ?? m.ReceivedAt).ThenBy(m => m.Id).Select(MessageView.Of)],
        [.. c.Notes.OrderBy(n => n.CreatedAt).Select(NoteView.Of)]);
}

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Page, int PageSize, int Total);
