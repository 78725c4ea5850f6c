using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Audit;

/// <summary>
/// Which changes the audit log records, and how: the entity types of <see cref="Subjects"/>, each change named by
/// <see cref="Action"/> (<c>create</c>, <c>update</c>, <c>delete</c> unless a rule says better), with the changed
/// properties before and after. Withheld properties (secrets, texts) appear only by name in <c>withheld</c>, so that
/// the log holds no secret and no copy of what retention and erasure blank.
/// </summary>
internal static class AuditedChanges
{
    private static readonly Dictionary<Type, Subject> Subjects = new()
    {
        [typeof(Conversation)] = new("conversation"),
        [typeof(Message)] = new("message", Withheld: [nameof(Message.Text)]),
        [typeof(Note)] = new("note", Withheld: [nameof(Note.Text)]),
        [typeof(Channel)] = new("channel", Withheld: [nameof(Channel.Secrets)]),
        [typeof(Membership)] = new("member", Key: nameof(Membership.UserId)),
        [typeof(Invitation)] = new("invitation", Withheld: [nameof(Invitation.TokenHash)]),
        [typeof(Team)] = new("team"),
        [typeof(TeamMember)] = new("team", Key: nameof(TeamMember.TeamId)),
        [typeof(ApiToken)] = new("token", Withheld: [nameof(ApiToken.TokenHash)]),
        [typeof(Workspace)] = new("workspace"),
        [typeof(User)] = new("user", Withheld: [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp)]),
        [typeof(RawEvent)] = new("raw-event", Withheld: [nameof(RawEvent.Body)]),
    };

    /// <summary>The entry for one tracked change, or null when the log does not record it.</summary>
    public static AuditEntry? Describe(EntityEntry change, AuditActor actor, DateTime at)
    {
        if (!Subjects.TryGetValue(change.Metadata.ClrType, out var subject)
            || (WorkspaceOf(change) ?? actor.WorkspaceId) is not { } workspaceId
            || Action(change, subject.Name) is not { } action)
        {
            return null;
        }

        var (before, after) = Values(change, subject.Withheld ?? []);
        if (change.State == EntityState.Modified && after!.Count == 0)
        {
            return null;
        }

        return actor.Entry(workspaceId, at, action, subject.Name, change.Property(subject.Key).CurrentValue?.ToString() ?? "", before, after);
    }

    private static string? Action(EntityEntry change, string subject) => change.Entity switch
    {
        Conversation when Changed(change, nameof(Conversation.TeamId)) => "conversation.handover",
        Conversation when Changed(change, nameof(Conversation.AssigneeId)) => "conversation.assign",
        Conversation { Status: ConversationStatus.Resolved } when Changed(change, nameof(Conversation.Status)) => "conversation.resolve",
        Conversation when Changed(change, nameof(Conversation.Status))
            && change.Property(nameof(Conversation.Status)).OriginalValue is ConversationStatus.Resolved => "conversation.reopen",
        Message { Direction: MessageDirection.Outbound } when change.State == EntityState.Added => "reply.create",
        Membership when change.State == EntityState.Added => "member.add",
        Membership when Changed(change, nameof(Membership.Role)) => "member.role",
        Membership when change.State == EntityState.Deleted => "member.remove",
        Invitation when change.State == EntityState.Added => "member.invite",
        Invitation when Changed(change, nameof(Invitation.AcceptedAt)) => "invitation.accept",
        Invitation when Changed(change, nameof(Invitation.RevokedAt)) => "invitation.revoke",
        Team when Changed(change, nameof(Team.Name)) => "team.rename",
        TeamMember when change.State == EntityState.Added => "team.member-add",
        TeamMember when change.State == EntityState.Deleted => "team.member-remove",
        ApiToken when Changed(change, nameof(ApiToken.RevokedAt)) => "token.revoke",
        User when Changed(change, nameof(User.PasswordHash)) => "user.password",
        User when Changed(change, nameof(User.TwoFactorEnabled)) => "user.two-factor",
        RawEvent when Changed(change, nameof(RawEvent.Status)) => "raw-event.retry",
        _ => change.State switch
        {
            EntityState.Added => $"{subject}.create",
            EntityState.Modified => $"{subject}.update",
            EntityState.Deleted => $"{subject}.delete",
            _ => null,
        },
    };

    private static bool Changed(EntityEntry change, string property) => change.State == EntityState.Modified && Changed(change.Property(property));

    // Identity's stores mark every property modified; only a different value is a change.
    private static bool Changed(PropertyEntry property) =>
        property.IsModified && !property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);

    private static Guid? WorkspaceOf(EntityEntry change) => change.Entity is Workspace workspace
        ? workspace.Id
        : change.Metadata.FindProperty(nameof(AuditEntry.WorkspaceId)) is { } property ? change.Property(property.Name).CurrentValue as Guid? : null;

    /// <summary>A new row's values after; a removed row's before; a changed row's changed values before and after.</summary>
    private static (Dictionary<string, object?>? Before, Dictionary<string, object?>? After) Values(EntityEntry change, IReadOnlyCollection<string> withheld)
    {
        var before = change.State == EntityState.Added ? null : new Dictionary<string, object?>();
        var after = change.State == EntityState.Deleted ? null : new Dictionary<string, object?>();
        var withheldChanges = new List<string>();
        foreach (var property in change.Properties.Where(p => change.State != EntityState.Modified || Changed(p)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);
            if (withheld.Contains(property.Metadata.Name))
            {
                withheldChanges.AddRange(WithheldChanges(name, before is null ? null : property.OriginalValue, after is null ? null : property.CurrentValue));
                continue;
            }

            before?.Add(name, property.OriginalValue);
            after?.Add(name, property.CurrentValue);
        }

        if (withheldChanges.Count > 0)
        {
            (after ?? before)!.Add("withheld", withheldChanges);
        }

        return (before, after);
    }

    /// <summary>The names of withheld values that changed: a secret setting by its key (<c>secrets.consumerSecret</c>).</summary>
    private static IEnumerable<string> WithheldChanges(string name, object? before, object? after)
    {
        if (before is IReadOnlyDictionary<string, string> || after is IReadOnlyDictionary<string, string>)
        {
            var was = before as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>();
            var now = after as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>();
            return was.Keys.Union(now.Keys)
                .Where(key => was.GetValueOrDefault(key) != now.GetValueOrDefault(key))
                .Order(StringComparer.Ordinal)
                .Select(key => $"{name}.{key}");
        }

        return Equals(before, after) ? [] : [name];
    }

    /// <summary>How one entity type appears in the log: its name, the property that identifies it, the values never written.</summary>
    private sealed record Subject(string Name, string Key = "Id", string[]? Withheld = null);
}
