using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Replies;

/// <summary>A reply waiting to be posted to its platform, with its attempts.</summary>
public sealed class OutboxItem
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MessageId { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>An attempt began and no answer settled it: the platform may have posted, so look before posting again.</summary>
    public bool MayHavePosted { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

internal sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> builder)
    {
        builder.HasIndex(o => new { o.CompletedAt, o.NextAttemptAt });
        builder.HasIndex(o => o.MessageId).IsUnique();
    }
}
