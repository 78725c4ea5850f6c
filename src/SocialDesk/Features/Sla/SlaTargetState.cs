using System.Text.Json.Serialization;

namespace SocialDesk.Features.Sla;

/// <summary>Where one SLA target stands; serialised as <c>active</c>, <c>warning</c>, <c>met</c> or <c>breached</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaTargetState>))]
public enum SlaTargetState
{
    /// <summary>Not met yet, and the due time is further away than the warning lead.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Not met yet, and the due time is within the warning lead.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Met at or before the due time.</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>Met after the due time, or not met and the due time has passed.</summary>
    [JsonStringEnumMemberName("breached")]
    Breached,
}

/// <summary>One SLA target of a conversation: when it is due, and how long before that a warning is raised.</summary>
public readonly record struct SlaTarget(DateTime DueUtc, TimeSpan WarningLead)
{
    /// <summary>The target's state at <paramref name="nowUtc"/>, given when it was met, if it was.</summary>
    public SlaTargetState StateAt(DateTime nowUtc, DateTime? metUtc) => metUtc switch
    {
        { } met => met <= DueUtc ? SlaTargetState.Met : SlaTargetState.Breached,
        null when nowUtc >= DueUtc => SlaTargetState.Breached,
        null when DueUtc - nowUtc <= WarningLead => SlaTargetState.Warning,
        null => SlaTargetState.Active,
    };
}
