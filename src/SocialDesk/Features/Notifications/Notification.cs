using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Notifications;

/// <summary>Something a member should know about a conversation, such as an SLA breach escalated to supervisors; read in their notification list.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public Guid? ConversationId { get; set; }

    /// <summary>What happened, as a stable name (<c>sla_breached</c>).</summary>
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.HasIndex(n => new { n.WorkspaceId, n.UserId, n.CreatedAt });
        builder.HasOne<Users.User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
