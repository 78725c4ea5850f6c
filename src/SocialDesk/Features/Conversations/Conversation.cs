using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Triage;

namespace SocialDesk.Features.Conversations;

/// <summary>How soon a conversation should be worked; raised by urgency and by SLA escalations, set by hand.</summary>
public enum ConversationPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public static class ConversationPriorities
{
    public static string Name(ConversationPriority priority) => priority.ToString().ToLowerInvariant();

    /// <summary>The priority a triage urgency (0–100) calls for.</summary>
    public static ConversationPriority FromUrgency(int urgency) => urgency switch
    {
        >= 75 => ConversationPriority.Urgent,
        >= 50 => ConversationPriority.High,
        >= 15 => ConversationPriority.Normal,
        _ => ConversationPriority.Low,
    };

    /// <summary>One step up, urgent staying urgent.</summary>
    public static ConversationPriority Raise(ConversationPriority priority) => priority == ConversationPriority.Urgent ? priority : priority + 1;
}

public enum ConversationStatus
{
    Open,

    /// <summary>Waiting for the customer.</summary>
    Pending,
    Resolved,
}

/// <summary>A thread of messages with one customer on one channel, worked and resolved as one piece of service.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Channel? Channel { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>Direct messages rather than public posts.</summary>
    public bool IsPrivate { get; set; }
    public ConversationStatus Status { get; set; }
    public Guid? AssigneeId { get; set; }

    /// <summary>The team whose queue holds the conversation; its agents see it.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>Platform time of the customer's first message.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>Start of the current resolution cycle: the first message, or the last reopening.</summary>
    public DateTime CycleStartedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }

    /// <summary>Since when the customer waits for the brand: their oldest message not yet answered; null when the brand spoke last.</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int ReopenCount { get; set; }

    public ConversationPriority Priority { get; set; } = ConversationPriority.Normal;

    /// <summary>The largest audience (followers) of the customer's identities seen on this conversation.</summary>
    public int Reach { get; set; }

    /// <summary>The SLA policy the conversation is held to (see <see cref="Sla.SlaClock"/>), null when the workspace has none.</summary>
    public Guid? SlaPolicyId { get; set; }
    public DateTime? FirstResponseDueAt { get; set; }
    public Sla.SlaTargetState? FirstResponseState { get; set; }
    public DateTime? NextResponseDueAt { get; set; }
    public Sla.SlaTargetState? NextResponseState { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public Sla.SlaTargetState? ResolutionState { get; set; }

    /// <summary>Since when the SLA clock is stopped, waiting for the customer.</summary>
    public DateTime? SlaPausedAt { get; set; }

    /// <summary>The next moment the SLA worker has something to raise (a warning or a breach); null when nothing is running.</summary>
    public DateTime? SlaCheckAt { get; set; }

    /// <summary>The inbox order, earliest first: the next due time, brought forward by urgency, priority, sentiment and reach (see <see cref="Sla.PriorityScore"/>).</summary>
    public DateTime RankAt { get; set; }

    /// <summary>Triage of the conversation so far (see <see cref="TriageLabels.Merge"/>); null until a customer message is triaged.</summary>
    public TriageLabels? Triage { get; set; }
    public List<Message> Messages { get; set; } = [];
    public List<Note> Notes { get; set; } = [];
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.WorkspaceId, c.LastActivityAt });
        builder.HasIndex(c => new { c.ContactId, c.ChannelId, c.Status });
        builder.HasIndex(c => new { c.WorkspaceId, c.TeamId });
        builder.HasIndex(c => new { c.WorkspaceId, c.RankAt });

        // The reports count the conversations started in a period, by team, and the ones answered, from this index alone.
        builder.HasIndex(c => new { c.WorkspaceId, c.StartedAt, c.TeamId, c.FirstResponseAt });
        builder.HasIndex(c => c.SlaCheckAt);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.FirstResponseState).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.NextResponseState).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ResolutionState).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Sla.SlaPolicy>().WithMany().HasForeignKey(c => c.SlaPolicyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(c => c.Triage, TriageLabels.Map);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ConversationId);
    }
}
