using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Triage;

namespace SocialDesk.Features.Triage;

/// <summary>
/// What triage understood, stored with a message, and with its conversation as the latest customer message left it.
/// Topics and channels are stored space-separated with a space at each end, so that one topic is found with LIKE '% billing %'.
/// </summary>
public sealed class TriageLabels
{
    public required string Language { get; set; }
    public required string Sentiment { get; set; }
    public double SentimentScore { get; set; }
    public required string Intent { get; set; }
    public bool Actionable { get; set; }
    public string Topics { get; set; } = " ";
    public int? WaitMinutes { get; set; }
    public string Channels { get; set; } = " ";
    public int Urgency { get; set; }

    public static TriageLabels Of(TriageResult result) => new()
    {
        Language = result.Language,
        Sentiment = result.Sentiment.ToName(),
        SentimentScore = result.SentimentScore,
        Intent = result.Intent.ToName(),
        Actionable = result.Actionable,
        Topics = Tokens(result.Topics),
        WaitMinutes = result.WaitMinutes,
        Channels = Tokens(result.Channels),
        Urgency = result.Urgency,
    };

    /// <summary>The pattern that finds one topic in <see cref="Topics"/>.</summary>
    public static string TopicPattern(string topic) => $" {topic} ";

    /// <summary>
    /// A conversation's labels after one more customer message: what it says now (language, sentiment, intent),
    /// what it has raised so far (topics, channels, the longest stated wait), actionable and urgent if any message was.
    /// </summary>
    public static TriageLabels Merge(TriageLabels? before, TriageLabels latest) => new()
    {
        Language = latest.Language,
        Sentiment = latest.Sentiment,
        SentimentScore = latest.SentimentScore,
        Intent = latest.Intent,
        Actionable = before?.Actionable == true || latest.Actionable,
        Topics = Tokens(Split(before?.Topics).Union(Split(latest.Topics))),
        WaitMinutes = before?.WaitMinutes is { } wait ? Math.Max(wait, latest.WaitMinutes ?? 0) : latest.WaitMinutes,
        Channels = Tokens(Split(before?.Channels).Union(Split(latest.Channels))),
        Urgency = Math.Max(before?.Urgency ?? 0, latest.Urgency),
    };

    /// <summary>The columns, as messages and conversations both store them.</summary>
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, TriageLabels> triage)
        where TOwner : class
    {
        triage.Property(t => t.Language).HasMaxLength(8);
        triage.Property(t => t.Sentiment).HasMaxLength(16);
        triage.Property(t => t.Intent).HasMaxLength(16);
        triage.Property(t => t.Topics).HasMaxLength(400);
        triage.Property(t => t.Channels).HasMaxLength(100);
    }

    public TriageView View() => new(Language, Sentiment, SentimentScore, Intent, Actionable, Split(Topics), WaitMinutes, Split(Channels), Urgency);

    private static string Tokens(IEnumerable<string> names) => $" {string.Join(' ', names)} ";

    private static string[] Split(string? tokens) => tokens?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>Triage as the API shows it, with the names of the <c>socialdesk triage</c> output.</summary>
public sealed record TriageView(
    string Language,
    string Sentiment,
    double SentimentScore,
    string Intent,
    bool Actionable,
    IReadOnlyList<string> Topics,
    int? WaitMinutes,
    IReadOnlyList<string> Channels,
    int Urgency);
