using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Reporting;

/// <summary>Something measurable that happened to a conversation, written as it happens and read by reports.</summary>
public sealed class ReportingEvent
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? MessageId { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>The duration measured, for events that measure one (first response, resolution).</summary>
    public double? ValueSeconds { get; set; }
    public DateTime OccurredAt { get; set; }
}

/// <summary>The names of reporting events.</summary>
public static class ReportingEventNames
{
    public const string MessageReceived = "message_received";
    public const string FirstResponse = "first_response";
    public const string ReplySent = "reply_sent";
    public const string Resolved = "conversation_resolved";
    public const string Reopened = "conversation_reopened";
}

internal sealed class ReportingEventConfiguration : IEntityTypeConfiguration<ReportingEvent>
{
    public void Configure(EntityTypeBuilder<ReportingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(60);
        builder.HasIndex(e => new { e.WorkspaceId, e.Name, e.OccurredAt });
        builder.HasIndex(e => new { e.ConversationId, e.Name });
    }
}
