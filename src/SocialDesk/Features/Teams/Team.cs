using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Teams;

/// <summary>A group of members who work the same queue: agents see their teams' conversations.</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The business calendar the team's SLA clocks run on; none: 24/7.</summary>
    public Guid? CalendarId { get; set; }

    /// <summary>Order in which teams' routing rules are tried, lowest first.</summary>
    public int RoutingPosition { get; set; }

    /// <summary>New conversations on these channel kinds, in these languages, raising one of these topics come to this team; a team with no rule receives nothing by routing.</summary>
    public List<string> RouteChannels { get; set; } = [];
    public List<string> RouteLanguages { get; set; } = [];
    public List<string> RouteTopics { get; set; } = [];
    public AutoAssignment AutoAssignment { get; set; }

    /// <summary>How many open conversations an agent of the team holds at most under auto-assignment, unless their own capacity says otherwise.</summary>
    public int AgentCapacity { get; set; } = 10;

    /// <summary>When an agent has been away this long, their open conversations go back to the team's queue; null: they stay.</summary>
    public int? AwayReturnMinutes { get; set; }
    public List<TeamMember> Members { get; set; } = [];

    public bool HasRoutingRule => RouteChannels.Count > 0 || RouteLanguages.Count > 0 || RouteTopics.Count > 0;
}

/// <summary>How a team's queue is handed out to its available agents.</summary>
public enum AutoAssignment
{
    /// <summary>Agents pick conversations themselves.</summary>
    Off,

    /// <summary>Each new conversation to the eligible agent who was given one longest ago.</summary>
    RoundRobin,

    /// <summary>Each new conversation to the eligible agent holding the fewest open ones.</summary>
    LoadBalanced,
}

public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>Skills: the languages and channel kinds the agent handles; empty: any.</summary>
    public List<string> Languages { get; set; } = [];
    public List<string> Channels { get; set; } = [];

    /// <summary>The agent's own capacity in this team, overriding the team's.</summary>
    public int? Capacity { get; set; }

    /// <summary>When the team's auto-assignment last gave this agent a conversation (round-robin's turn).</summary>
    public DateTime? LastAssignedAt { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.AutoAssignment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Sla.SlaCalendar>().WithMany().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
