using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Workspaces;

/// <summary>A user's place in a workspace: one role there, whatever they are elsewhere.</summary>
public sealed class Membership
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Whether the member takes new conversations now; auto-assignment skips those away.</summary>
    public Availability Availability { get; set; }
    public DateTime? AvailabilityChangedAt { get; set; }
}

public enum Availability
{
    Available,
    Away,
}

/// <summary>The roles a member may hold; what each may do is <see cref="Users.Permissions.Matrix"/>.</summary>
public static class Roles
{
    /// <summary>Everything in the workspace.</summary>
    public const string Admin = "admin";

    /// <summary>All conversations, assignment, approval, reports.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Their own and their teams' conversations, and replies to them.</summary>
    public const string Agent = "agent";

    /// <summary>Everything public, handing over to service, public replies.</summary>
    public const string CommunityManager = "community_manager";

    /// <summary>Reports and the tracker, read-only.</summary>
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Agent, CommunityManager, Analyst];
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => new { m.WorkspaceId, m.UserId });
        builder.Property(m => m.Role).HasMaxLength(40);
        builder.Property(m => m.Availability).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(m => m.UserId);
    }
}
