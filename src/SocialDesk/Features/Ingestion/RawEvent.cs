using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Ingestion;

public enum RawEventStatus
{
    Pending,
    Processed,

    /// <summary>Understood and deliberately not turned into messages (an event type the desk does not handle).</summary>
    Ignored,

    /// <summary>Could not be understood; kept with the reason until someone retries it.</summary>
    Failed,
}

/// <summary>A delivery exactly as it arrived, stored before it is acknowledged and processed afterwards.</summary>
public sealed class RawEvent
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>Null for batches from the ingestion API, whose messages each name their channel.</summary>
    public Guid? ChannelId { get; set; }

    /// <summary>What format the body is in: a channel kind (<c>x</c>, <c>facebook</c>) or <c>messages</c> (already normalised).</summary>
    public required string Format { get; set; }

    /// <summary>SHA-256 of the body: a platform's repeated delivery is stored once.</summary>
    public required string BodyHash { get; set; }
    public required string Body { get; set; }
    public DateTime ReceivedAt { get; set; }
    public RawEventStatus Status { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }

    /// <summary>Which worker holds it, and until when: a worker that dies loses its claim, not the event.</summary>
    public Guid? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

internal sealed class RawEventConfiguration : IEntityTypeConfiguration<RawEvent>
{
    public void Configure(EntityTypeBuilder<RawEvent> builder)
    {
        builder.Property(e => e.Format).HasMaxLength(40);
        builder.Property(e => e.BodyHash).HasMaxLength(64);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.BodyHash, e.WorkspaceId, e.ChannelId }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.Id });
    }
}
