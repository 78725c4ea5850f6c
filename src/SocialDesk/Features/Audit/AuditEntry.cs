using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Audit;

/// <summary>One change on record: who (a user, through a token or a session, or the system), what, when, from where, before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null for the system's own changes (workers, retention).</summary>
    public Guid? ActorUserId { get; set; }
    public Guid? ActorTokenId { get; set; }

    /// <summary>The client's IP address.</summary>
    public string? ActorAddress { get; set; }

    /// <summary>What was done, as <c>area.verb</c>: <c>conversation.assign</c>, <c>channel.update</c>, <c>contact.erase</c>...</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>The changed fields before and after, as JSON objects; secrets are never written here.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.ActorAddress).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.EntityType).HasMaxLength(80);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.HasIndex(a => new { a.WorkspaceId, a.At });
        builder.HasIndex(a => new { a.WorkspaceId, a.EntityType, a.EntityId });
    }
}
