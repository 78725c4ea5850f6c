using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Sla;

/// <summary>The three commitments of a policy.</summary>
public enum SlaTargetKind
{
    FirstResponse,
    NextResponse,
    Resolution,
}

/// <summary>What happened to a target: warned before its due time, breached at it, or met in time.</summary>
public enum SlaEventKind
{
    Warning,
    Breached,
    Met,
}

/// <summary>A moment of a conversation's SLA, written in the same save as the state it reports: the warnings and breaches the worker raises, and targets met.</summary>
public sealed class SlaEvent
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid PolicyId { get; set; }
    public Guid? TeamId { get; set; }
    public SlaTargetKind Target { get; set; }
    public SlaEventKind Kind { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime OccurredAt { get; set; }
}

internal sealed class SlaEventConfiguration : IEntityTypeConfiguration<SlaEvent>
{
    public void Configure(EntityTypeBuilder<SlaEvent> builder)
    {
        builder.Property(e => e.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.WorkspaceId, e.OccurredAt });
        builder.HasIndex(e => e.ConversationId);
    }
}
