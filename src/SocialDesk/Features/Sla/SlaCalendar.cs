using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Sla;

/// <summary>A named business calendar of the workspace, which teams work by; kept as its API definition.</summary>
public sealed class SlaCalendar
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public required BusinessCalendarDefinition Definition { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SlaCalendar> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.WorkspaceId, c.Name }).IsUnique();
        builder.HasOne<Workspaces.Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
        builder.Property(c => c.Definition).HasConversion(
            definition => JsonSerializer.Serialize(definition, Json),
            json => JsonSerializer.Deserialize<BusinessCalendarDefinition>(json, Json)!);
    }
}
