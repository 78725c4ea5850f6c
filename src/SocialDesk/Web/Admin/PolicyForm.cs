using SocialDesk.Features.Sla;

namespace SocialDesk.Web.Admin;

/// <summary>The SLA policy form's fields: lists typed as comma-separated words, turned into the API's request as they are.</summary>
public sealed class PolicyForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public int Position { get; set; } = 10;
    public bool IsDefault { get; set; }
    public string? Channels { get; set; }
    public string? Priorities { get; set; }
    public string? Topics { get; set; }
    public string? Languages { get; set; }
    public string? ContactTags { get; set; }
    public int? FirstResponseMinutes { get; set; }
    public int? NextResponseMinutes { get; set; }
    public int? ResolutionMinutes { get; set; }
    public int? WarningMinutes { get; set; } = 10;
    public bool RaisePriority { get; set; }
    public bool NotifySupervisors { get; set; }

    public static PolicyForm Of(SlaEndpoints.PolicyView policy) => new()
    {
        Id = policy.Id,
        Name = policy.Name,
        Position = policy.Position,
        IsDefault = policy.IsDefault,
        Channels = Join(policy.Conditions.Channels),
        Priorities = Join(policy.Conditions.Priorities),
        Topics = Join(policy.Conditions.Topics),
        Languages = Join(policy.Conditions.Languages),
        ContactTags = Join(policy.Conditions.ContactTags),
        FirstResponseMinutes = policy.FirstResponseMinutes,
        NextResponseMinutes = policy.NextResponseMinutes,
        ResolutionMinutes = policy.ResolutionMinutes,
        WarningMinutes = policy.WarningMinutes,
        RaisePriority = policy.Escalation.RaisePriority,
        NotifySupervisors = policy.Escalation.NotifySupervisors,
    };

    /// <summary>The request the API would get; the team to escalate to is kept as it was.</summary>
    public SlaEndpoints.PolicyRequest ToRequest(Guid? escalateToTeam) => new(
        Name, Position, IsDefault, new SlaEndpoints.PolicyConditions(Split(Channels), Split(Priorities), Split(Topics), Split(Languages), Split(ContactTags)),
        FirstResponseMinutes, NextResponseMinutes, ResolutionMinutes, WarningMinutes, new SlaEndpoints.PolicyEscalation(RaisePriority, escalateToTeam, NotifySupervisors));

    public static IReadOnlyList<string> Split(string? words) =>
        words?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public static string Join(IReadOnlyList<string>? words) => words is null ? "" : string.Join(", ", words);
}
