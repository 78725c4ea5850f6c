using Microsoft.Extensions.Localization;
using SocialDesk.Features.Reporting;
using SocialDesk.Web.Resources;

namespace SocialDesk.Web.Reports;

/// <summary>The report tables' figures as the reports page charts them: one <see cref="ComparedRow"/> per bar group.</summary>
public static class ReportRows
{
    public static IReadOnlyList<ComparedRow> ResponseRates(OverviewRow row, IStringLocalizer<Ui> texts) =>
    [
        Compare(texts["MessagesAnswered"], row, f => ComparedRow.Percent(f.MessageResponseRate)),
        Compare(texts["ConversationsAnswered"], row, f => ComparedRow.Percent(f.ConversationResponseRate)),
        Compare(texts["ReopenRate"], row, f => ComparedRow.Percent(f.ReopenRate)),
    ];

    public static IReadOnlyList<ComparedRow> ResponseTimes(OverviewRow row, IStringLocalizer<Ui> texts) =>
    [
        Compare(texts["FirstResponseMedian"], row, f => f.FirstResponseSeconds?.Median),
        Compare(texts["FirstResponseTrimmedMean"], row, f => f.FirstResponseSeconds?.TrimmedMean95),
        Compare(texts["FirstResponseP90"], row, f => f.FirstResponseSeconds?.P90),
        Compare(texts["NextResponseMedian"], row, f => f.NextResponseSeconds?.Median),
        Compare(texts["ResolutionMedian"], row, f => f.ResolutionSeconds?.Median),
    ];

    public static IReadOnlyList<ComparedRow> Activity(OverviewRow row, IStringLocalizer<Ui> texts) =>
    [
        Compare(texts["MessagesReceived"], row, f => f.MessagesReceived),
        Compare(texts["MessagesAnswered"], row, f => f.MessagesAnswered),
        Compare(texts["Conversations"], row, f => f.Conversations),
        Compare(texts["FirstResponses"], row, f => f.FirstResponses),
        Compare(texts["NextResponses"], row, f => f.NextResponses),
        Compare(texts["Resolutions"], row, f => f.Resolutions),
        Compare(texts["ResolutionsReopened"], row, f => f.ResolutionsReopened),
    ];

    public static IReadOnlyList<ComparedRow> Replies(IEnumerable<AgentRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(AgentName(row, texts), row.Current.Replies, row.Previous.Replies, row.YearBefore.Replies))];

    public static IReadOnlyList<ComparedRow> AgentFirstResponses(IEnumerable<AgentRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(
            AgentName(row, texts), row.Current.FirstResponseSeconds?.Median, row.Previous.FirstResponseSeconds?.Median, row.YearBefore.FirstResponseSeconds?.Median))];

    public static IReadOnlyList<ComparedRow> TeamResponseRates(IEnumerable<TeamRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(
            TeamName(row, texts),
            ComparedRow.Percent(row.Current.ConversationResponseRate), ComparedRow.Percent(row.Previous.ConversationResponseRate), ComparedRow.Percent(row.YearBefore.ConversationResponseRate)))];

    public static IReadOnlyList<ComparedRow> TeamFirstResponses(IEnumerable<TeamRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(
            TeamName(row, texts), row.Current.FirstResponseSeconds?.Median, row.Previous.FirstResponseSeconds?.Median, row.YearBefore.FirstResponseSeconds?.Median))];

    public static IReadOnlyList<ComparedRow> SlaHitRates(IEnumerable<SlaRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(
            $"{row.Policy} · {texts[$"target.{row.Target}"]}",
            ComparedRow.Percent(row.Current.HitRate), ComparedRow.Percent(row.Previous.HitRate), ComparedRow.Percent(row.YearBefore.HitRate)))];

    /// <summary>Messages received by one value of the dimension; topics and sentiments by their names in the reader's language.</summary>
    public static IReadOnlyList<ComparedRow> Volumes(VolumeDimension dimension, IEnumerable<VolumeRow> rows, IStringLocalizer<Ui> texts) =>
        [.. rows.Select(row => new ComparedRow(VolumeLabel(dimension, row, texts), row.Current, row.Previous, row.YearBefore))];

    private static ComparedRow Compare(string label, OverviewRow row, Func<PeriodFigures, double?> figure) =>
        new(label, figure(row.Current), figure(row.Previous), figure(row.YearBefore));

    private static string AgentName(AgentRow row, IStringLocalizer<Ui> texts) => row.AgentId is null ? texts["BrandOutside"] : row.Agent;

    private static string TeamName(TeamRow row, IStringLocalizer<Ui> texts) => row.TeamId is null ? texts["NoTeam"] : row.Team;

    private static string VolumeLabel(VolumeDimension dimension, VolumeRow row, IStringLocalizer<Ui> texts) => (dimension, row.Key) switch
    {
        (_, null) => texts["NoValue"],
        (VolumeDimension.Topic, { } topic) => texts.Label("topic", topic),
        (VolumeDimension.Sentiment, { } sentiment) => texts.Label("sentiment", sentiment),
        (VolumeDimension.Language, { } language) => language.ToUpperInvariant(),
        (VolumeDimension.Hour, { } hour) => $"{hour} h",
        _ => row.Label ?? row.Key,
    };
}
