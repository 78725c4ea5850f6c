namespace SocialDesk.Triage;

/// <summary>What one message says, as triage understands it.</summary>
public sealed record TriageResult(
    string Language,
    Sentiment Sentiment,
    double SentimentScore,
    Intent Intent,
    bool Actionable,
    IReadOnlyList<string> Topics,
    int? WaitMinutes,
    IReadOnlyList<string> Channels,
    int Urgency);

/// <summary>What is known around a message besides its text.</summary>
/// <param name="AuthorFollowers">The author's audience: a complaint seen by many is more urgent.</param>
/// <param name="CrisisActive">A crisis is open for the workspace: related messages rise in urgency.</param>
public sealed record TriageContext(long? AuthorFollowers = null, bool CrisisActive = false);

public enum Sentiment
{
    Negative,
    Neutral,
    Positive,
}

public enum Intent
{
    Complaint,
    Question,
    Request,
    Praise,
    Chatter,
    Spam,
}

/// <summary>The topics triage recognises; workspaces may add their own names.</summary>
public static class Topics
{
    public const string Outage = "outage";
    public const string Billing = "billing";
    public const string Waiting = "waiting";
    public const string Reliability = "reliability";
    public const string Rudeness = "rudeness";
    public const string NoHelp = "no_help";
    public const string Incompetence = "incompetence";
    public const string Delivery = "delivery";
    public const string Account = "account";
}

/// <summary>The other contact channels a customer may say they tried.</summary>
public static class Channels
{
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Chat = "chat";
    public const string Store = "store";
    public const string Social = "social";
}

public static class TriageNames
{
    /// <summary>The lower-case name used in JSON and storage: <c>negative</c>, <c>no_help</c>.</summary>
    public static string ToName(this Sentiment sentiment) => sentiment switch
    {
        Sentiment.Negative => "negative",
        Sentiment.Neutral => "neutral",
        _ => "positive",
    };

    public static string ToName(this Intent intent) => intent switch
    {
        Intent.Complaint => "complaint",
        Intent.Question => "question",
        Intent.Request => "request",
        Intent.Praise => "praise",
        Intent.Chatter => "chatter",
        _ => "spam",
    };

    /// <summary>Reads a sentiment label as labelled data writes it: a name, or 0/1/2 as the DEFT tweets do.</summary>
    public static Sentiment? ParseSentiment(string label) => label.Trim().ToLowerInvariant() switch
    {
        "negative" or "0" => Sentiment.Negative,
        "neutral" or "1" => Sentiment.Neutral,
        "positive" or "2" => Sentiment.Positive,
        _ => null,
    };
}
