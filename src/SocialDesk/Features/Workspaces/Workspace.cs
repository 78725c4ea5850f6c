using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Workspaces;

/// <summary>One brand's desk: everything else belongs to exactly one workspace.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Message text older than this many days is deleted by the retention worker; null keeps it.</summary>
    public int? RetentionDays { get; set; }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder) => builder.Property(w => w.Name).HasMaxLength(200);
}
