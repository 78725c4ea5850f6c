using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Sla;

/// <summary>
/// A service commitment: how soon a conversation gets its first answer, each next answer and its resolution, counted in
/// the business time of the conversation's team. The workspace's policies are tried in <see cref="Position"/> order and
/// the first whose conditions all hold applies; the default policy applies when none does.
/// </summary>
public sealed class SlaPolicy
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }

    /// <summary>Order in which policies are tried, lowest first.</summary>
    public int Position { get; set; }

    /// <summary>Applies when no other policy matches; a workspace has at most one.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Channel kinds (<c>x</c>, <c>facebook</c>); empty: any.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Priorities (<c>low</c> … <c>urgent</c>); empty: any.</summary>
    public List<string> Priorities { get; set; } = [];

    /// <summary>Triage topics, one of which the conversation raised; empty: any.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Languages (<c>fr</c>, <c>en</c> …); empty: any.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Contact tags, one of which the customer has; empty: any.</summary>
    public List<string> ContactTags { get; set; } = [];

    public int? FirstResponseMinutes { get; set; }
    public int? NextResponseMinutes { get; set; }
    public int? ResolutionMinutes { get; set; }

    /// <summary>How long before a due time the warning is raised (elapsed minutes).</summary>
    public int WarningMinutes { get; set; } = 10;

    /// <summary>On a breach: raise the conversation's priority by one step.</summary>
    public bool EscalateRaisePriority { get; set; }

    /// <summary>On a breach: hand the conversation over to this team's queue, unassigned.</summary>
    public Guid? EscalateToTeamId { get; set; }

    /// <summary>On a breach: notify the workspace's supervisors and admins.</summary>
    public bool EscalateNotifySupervisors { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The order in which policies are tried: by position, then name, the default one last.</summary>
    public static IReadOnlyList<SlaPolicy> InOrder(IEnumerable<SlaPolicy> policies)
    {
        var all = policies.ToList();
        return [.. all.Where(p => !p.IsDefault).OrderBy(p => p.Position).ThenBy(p => p.Name, StringComparer.Ordinal), .. all.Where(p => p.IsDefault)];
    }

    /// <summary>Whether the policy's conditions all hold for the conversation (a default policy has none).</summary>
    public bool Matches(Conversation conversation, string channelKind, IReadOnlyCollection<string> contactTags) =>
        (Channels.Count == 0 || Channels.Contains(channelKind))
        && (Priorities.Count == 0 || Priorities.Contains(ConversationPriorities.Name(conversation.Priority)))
        && (Languages.Count == 0 || (conversation.Triage?.Language is { } language && Languages.Contains(language)))
        && (Topics.Count == 0 || Topics.Any(topic => conversation.Triage?.Topics.Contains(Triage.TriageLabels.TopicPattern(topic), StringComparison.Ordinal) == true))
        && (ContactTags.Count == 0 || ContactTags.Any(contactTags.Contains));
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => new { p.WorkspaceId, p.Name }).IsUnique();
        builder.HasOne<Workspaces.Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId);
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(p => p.EscalateToTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
