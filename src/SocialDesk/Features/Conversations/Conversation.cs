using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Triage;

namespace SocialDesk.Features.Conversations;

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
    public DateTime? ResolvedAt { get; set; }
    public int ReopenCount { get; set; }

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
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(c => c.Triage, TriageLabels.Map);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ConversationId);
    }
}
