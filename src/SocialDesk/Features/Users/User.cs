using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Users;

/// <summary>
/// A person who signs in, with ASP.NET Core Identity's password hash, lockout and second factor; what they may do is
/// their <see cref="Workspaces.Membership"/> role in each workspace they belong to.
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>The language of the web app: <c>en</c> or <c>fr</c>; null follows the browser.</summary>
    public string? Language { get; set; }

    /// <summary>IANA time zone in which the user reads times; null for the team's.</summary>
    public string? TimeZone { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Language).HasMaxLength(10);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasIndex(u => u.Email).IsUnique();
    }
}
