using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Triage;

namespace SocialDesk.Features.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
}

public enum DeliveryState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>One message of a conversation: a customer's post or DM, or the brand's answer.</summary>
public sealed class Message
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }
    public MessageDirection Direction { get; set; }

    /// <summary>A direct message, seen only by the customer; otherwise a public post or comment.</summary>
    public bool IsPrivate { get; set; }

    /// <summary>The platform's id; null for a reply the platform has not confirmed yet.</summary>
    public string? PlatformMessageId { get; set; }
    public string? ReplyToPlatformMessageId { get; set; }

    /// <summary>The customer who wrote an inbound message.</summary>
    public Guid? AuthorIdentityId { get; set; }
    public ContactIdentity? AuthorIdentity { get; set; }

    /// <summary>The agent who wrote an outbound reply in SocialDesk; null when the brand posted on the platform itself.</summary>
    public Guid? AuthorUserId { get; set; }
    public required string Text { get; set; }

    /// <summary>What triage understood of a customer's message; null for the brand's.</summary>
    public TriageLabels? Triage { get; set; }

    /// <summary>When the platform says it was posted; for a reply, its confirmation.</summary>
    public DateTime? PlatformTime { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Outbound replies only.</summary>
    public DeliveryState? Delivery { get; set; }
    public string? DeliveryError { get; set; }
    public DateTime? EditedAt { get; set; }

    /// <summary>When it was deleted: by its author on the platform, or by a moderator through SocialDesk.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>When a moderator hid it from others on the platform.</summary>
    public DateTime? HiddenAt { get; set; }
}

/// <summary>An internal note: seen by the team, never sent.</summary>
public sealed class Note
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The team this note was written for, when it came with a handover.</summary>
    public Guid? HandoverToTeamId { get; set; }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.PlatformMessageId).HasMaxLength(100);
        builder.Property(m => m.ReplyToPlatformMessageId).HasMaxLength(100);
        builder.HasIndex(m => new { m.ChannelId, m.PlatformMessageId }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.ReceivedAt });
        builder.HasOne(m => m.AuthorIdentity).WithMany().HasForeignKey(m => m.AuthorIdentityId);
        builder.OwnsOne(m => m.Triage, TriageLabels.Map);
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder) => builder.HasIndex(n => n.ConversationId);
}
