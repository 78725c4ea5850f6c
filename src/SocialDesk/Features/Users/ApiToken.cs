using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Users;

/// <summary>
/// A bearer token for the API, acting for its user in one workspace; only its SHA-256 hash is stored. It may do what its
/// user's role allows there, narrowed to its scopes when it has any.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>Permission names (<see cref="Permissions"/>) separated by spaces; empty for all of the user's role.</summary>
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    /// <summary>The client address of the last use.</summary>
    public string? LastUsedFrom { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasMaxLength(2000);
        builder.Property(t => t.LastUsedFrom).HasMaxLength(64);
        builder.HasIndex(t => t.WorkspaceId);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
