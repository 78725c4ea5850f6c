using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Contacts;

/// <summary>A customer, known by one identity per platform.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the contact's personal data was erased at their request; their conversations stay, as counts.</summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>Labels agents give the customer (<c>vip</c>, <c>press</c>): SLA policies may choose by them.</summary>
    public List<string> Tags { get; set; } = [];
    public List<ContactIdentity> Identities { get; set; } = [];
}

/// <summary>Who a contact is on one platform: the platform's user id, handle, name and reach.</summary>
public sealed class ContactIdentity
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }

    /// <summary>The platform, named as the channel kind that carries it (<c>x</c>, <c>facebook</c>).</summary>
    public required string Platform { get; set; }
    public required string PlatformUserId { get; set; }
    public string? Handle { get; set; }
    public string? Name { get; set; }
    public int? Followers { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.DisplayName).HasMaxLength(200);
        builder.HasIndex(c => c.WorkspaceId);
        builder.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.ContactId);
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> builder)
    {
        builder.Property(i => i.Platform).HasMaxLength(40);
        builder.Property(i => i.PlatformUserId).HasMaxLength(100);
        builder.Property(i => i.Handle).HasMaxLength(200);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.HasIndex(i => new { i.WorkspaceId, i.Platform, i.PlatformUserId }).IsUnique();
    }
}
