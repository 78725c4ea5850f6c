using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// Something measurable that happened to a conversation, written as it happens and read by reports. Each event
/// carries what the reports group and count it by, so that a report reads one range of one index and joins nothing.
/// </summary>
public sealed class ReportingEvent
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }

    /// <summary>The team that held the conversation when it happened.</summary>
    public Guid? TeamId { get; set; }
    public Guid? MessageId { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>
    /// The duration measured: first response, resolution, and a reply's next response time when it answered a
    /// customer waiting for one (the first response's reply carries none: its time is the first response's).
    /// </summary>
    public double? ValueSeconds { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The minute of the UTC day it happened at (0 to 1439), which reports read in their time zone.</summary>
    public int MinuteOfDay { get; set; }

    /// <summary>A customer message a brand reply followed; the database sets it when the reply is written (trigger <c>ReportingEvents_Follow</c>).</summary>
    public bool Answered { get; set; }

    /// <summary>A resolution the conversation was reopened after; the database sets it when the reopening is written.</summary>
    public bool Reopened { get; set; }

    /// <summary>The labels triage gave a customer message on arrival.</summary>
    public string? Language { get; set; }
    public string? Sentiment { get; set; }

    /// <summary>Space-separated topics with a space on each side, as triage writes them.</summary>
    public string? Topics { get; set; }
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
        builder.Property(e => e.Language).HasMaxLength(8);
        builder.Property(e => e.Sentiment).HasMaxLength(16);
        builder.Property(e => e.Topics).HasMaxLength(400);

        // Every report reads a range of this index and nothing else: it holds every column a report counts or groups by.
        builder.HasIndex(e => new
        {
            e.WorkspaceId,
            e.Name,
            e.OccurredAt,
            e.TeamId,
            e.UserId,
            e.ValueSeconds,
            e.Answered,
            e.Reopened,
            e.ChannelId,
            e.MinuteOfDay,
            e.Language,
            e.Sentiment,
            e.Topics,
        }).HasDatabaseName("IX_ReportingEvents_Report");
        builder.HasIndex(e => new { e.ConversationId, e.Name });
    }
}
