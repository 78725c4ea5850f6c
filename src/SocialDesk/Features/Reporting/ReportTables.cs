using System.Text.Json.Serialization;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// The team's figures for one period. Durations are in seconds, with the tracker's statistics (mean, median, p90,
/// trimmed mean 95), in calendar time or in the business hours of the team that held the conversation, and count in
/// the period where they end: a response when the platform confirmed it, a resolution when it was made.
/// </summary>
/// <param name="MessagesReceived">Customer messages received in the period.</param>
/// <param name="MessagesAnswered">Of those, the ones a brand reply followed in their conversation, whenever it came.</param>
/// <param name="MessageResponseRate">Mention level: answered / received.</param>
/// <param name="Conversations">Conversations started in the period (by the customer's first message, or the brand's when it wrote first).</param>
/// <param name="ConversationsAnswered">Of those, the ones that got a first response, whenever it came.</param>
/// <param name="ConversationResponseRate">Conversation level: answered / conversations.</param>
/// <param name="FirstResponses">First responses given in the period: one per conversation, never again after a reopening.</param>
/// <param name="FirstResponseSeconds">From the conversation's first customer message to the first response.</param>
/// <param name="NextResponses">Replies, other than the first response, to customers waiting for one.</param>
/// <param name="NextResponseSeconds">From the earliest customer message not yet answered to the reply.</param>
/// <param name="Resolutions">Resolutions in the period: one per resolution cycle.</param>
/// <param name="ResolutionSeconds">From the start of the cycle (the first message, or the reopening) to its resolution.</param>
/// <param name="ResolutionsReopened">Of those resolutions, the ones the conversation was reopened after.</param>
/// <param name="ReopenRate">Reopened / resolutions.</param>
public sealed record PeriodFigures(
    int MessagesReceived,
    int MessagesAnswered,
    double? MessageResponseRate,
    int Conversations,
    int ConversationsAnswered,
    double? ConversationResponseRate,
    int FirstResponses,
    ResponseTimeSeconds? FirstResponseSeconds,
    int NextResponses,
    ResponseTimeSeconds? NextResponseSeconds,
    int Resolutions,
    ResponseTimeSeconds? ResolutionSeconds,
    int ResolutionsReopened,
    double? ReopenRate);

/// <summary>One agent's figures for one period, by the definitions of <see cref="PeriodFigures"/>.</summary>
/// <param name="Replies">Replies the agent sent, confirmed by the platform in the period.</param>
public sealed record AgentFigures(
    int Replies,
    int FirstResponses,
    ResponseTimeSeconds? FirstResponseSeconds,
    int NextResponses,
    ResponseTimeSeconds? NextResponseSeconds,
    int Resolutions,
    ResponseTimeSeconds? ResolutionSeconds);

public sealed record OverviewRow(PeriodFigures Current, PeriodFigures Previous, PeriodFigures YearBefore);

/// <summary>An agent's row; <see cref="AgentId"/> is null for what the brand did on the platform itself, outside SocialDesk.</summary>
public sealed record AgentRow(Guid? AgentId, string Agent, AgentFigures Current, AgentFigures Previous, AgentFigures YearBefore);

/// <summary>A team's row; <see cref="TeamId"/> is null for the conversations no team held.</summary>
public sealed record TeamRow(Guid? TeamId, string Team, PeriodFigures Current, PeriodFigures Previous, PeriodFigures YearBefore);

/// <summary>Targets of one kind met and breached in a period.</summary>
/// <param name="HitRate">Met / (met + breached); null when none of the two.</param>
public sealed record SlaFigures(int Met, int Breached, double? HitRate);

/// <summary>One target of an SLA policy: first response, next response or resolution.</summary>
public sealed record SlaRow(
    Guid PolicyId,
    string Policy,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SlaTargetKind>))] SlaTargetKind Target,
    SlaFigures Current,
    SlaFigures Previous,
    SlaFigures YearBefore);

/// <summary>
/// Customer messages received, by one value of a dimension: a channel id, a topic, a sentiment, a language, an hour
/// (00 to 23). <see cref="Key"/> is null for messages without a value: not triaged, or with no topic.
/// </summary>
public sealed record VolumeRow(string? Key, string? Label, int Current, int Previous, int YearBefore);

/// <summary>A report table: its rows and the periods they compare.</summary>
public sealed record ReportTable<TRow>(string Report, ReportPeriods Periods, IReadOnlyList<TRow> Rows);
