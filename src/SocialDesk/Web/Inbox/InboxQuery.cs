using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;

namespace SocialDesk.Web.Inbox;

/// <summary>Whose conversations the inbox lists.</summary>
public enum InboxView
{
    All,
    Mine,
    Unassigned,
    Team,
}

/// <summary>What the inbox shows: a view, and the filters chosen above the list; the most pressing first.</summary>
public sealed record InboxQuery(
    InboxView View = InboxView.All,
    Guid? Team = null,
    ConversationStatus? Status = ConversationStatus.Open,
    Guid? Channel = null,
    string? Sentiment = null,
    string? Intent = null,
    string? Topic = null,
    string? Language = null,
    string? Text = null,
    ConversationPriority? Priority = null,
    SlaTargetState? SlaState = null)
{
    public const int PageSize = 50;

    public ConversationFilter ToFilter(Guid userId) => new(
        Status,
        Channel,
        AssigneeId: View == InboxView.Mine ? userId : null,
        Unassigned: View == InboxView.Unassigned,
        Team: View == InboxView.Team ? Team : null,
        Sentiment: Sentiment,
        Intent: Intent,
        Topic: Topic,
        Language: Language,
        Text: string.IsNullOrWhiteSpace(Text) ? null : Text,
        Priority: Priority,
        SlaState: SlaState,
        ByPriority: true);
}

/// <summary>The triage vocabularies the inbox filters offer (see <c>SocialDesk.Triage</c>).</summary>
public static class TriageChoices
{
    public static readonly string[] Sentiments = ["negative", "neutral", "positive"];
    public static readonly string[] Intents = ["complaint", "question", "request", "praise", "chatter", "spam"];
    public static readonly string[] Topics = ["outage", "billing", "waiting", "reliability", "rudeness", "no_help", "incompetence", "delivery", "account"];
    public static readonly string[] Languages = ["en", "fr", "de", "es"];
}
