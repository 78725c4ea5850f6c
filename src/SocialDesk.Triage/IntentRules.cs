using System.Collections.Frozen;

namespace SocialDesk.Triage;

/// <summary>
/// Decides the intent from cues, topics and sentiment, in this order: spam, complaint, request, question, praise, chatter.
/// A problem beats a polite form: "please fix my internet, down since Monday" is a complaint.
/// </summary>
internal static class IntentRules
{
    private static readonly FrozenSet<string> QuestionOpeners = FrozenSet.Create(StringComparer.Ordinal,
        "how", "what", "when", "why", "where", "who", "which", "is", "are", "can", "could", "do", "does", "did", "will", "would",
        "should", "has", "have", "any", "comment", "pourquoi", "quand", "ou", "quel", "quelle", "quels", "quelles", "est-ce",
        "combien", "wie", "was", "wann", "warum", "wo", "wer", "welche", "welcher", "wieso", "weshalb", "gibt", "kann", "konnen",
        "ist", "habt", "como", "que", "cuando", "donde", "quien", "cual", "cuanto", "cuantos", "hay", "puedo", "se");

    // Topics that are a problem by themselves; billing, delivery and account may be plain questions.
    private static readonly FrozenSet<string> ProblemTopics = FrozenSet.Create(StringComparer.Ordinal,
        Topics.Outage, Topics.Reliability, Topics.Waiting, Topics.Rudeness, Topics.NoHelp, Topics.Incompetence);

    public static Intent Decide(MessageAnalysis message, IReadOnlyCollection<string> cues, IReadOnlyList<string> topics, Sentiment sentiment, double score)
    {
        if (IsSpam(message, cues))
        {
            return Intent.Spam;
        }
        bool problem = topics.Any(ProblemTopics.Contains) || cues.Contains(TriageVocabulary.ComplaintCue);
        if ((problem && sentiment != Sentiment.Positive) || score <= -0.5)
        {
            return Intent.Complaint;
        }
        if (cues.Contains(TriageVocabulary.RequestCue))
        {
            return Intent.Request;
        }
        if (IsQuestion(message))
        {
            return Intent.Question;
        }
        if (sentiment == Sentiment.Negative && topics.Count > 0)
        {
            return Intent.Complaint;
        }
        if (sentiment == Sentiment.Positive || (cues.Contains(TriageVocabulary.PraiseCue) && sentiment != Sentiment.Negative))
        {
            return Intent.Praise;
        }
        return Intent.Chatter;
    }

    private static bool IsSpam(MessageAnalysis message, IReadOnlyCollection<string> cues)
    {
        int links = 0;
        int hashtags = 0;
        foreach (var token in message.Tokens)
        {
            links += token.Kind == TokenKind.Url ? 1 : 0;
            hashtags += token.Hashtag ? 1 : 0;
        }
        int evidence = (cues.Contains(TriageVocabulary.SpamCue) ? 2 : 0) + (links > 0 ? 1 : 0) + (hashtags >= 4 ? 1 : 0) + (links >= 2 ? 1 : 0);
        return evidence >= 3;
    }

    private static bool IsQuestion(MessageAnalysis message)
    {
        bool first = true;
        foreach (var token in message.Tokens)
        {
            if (token.Kind == TokenKind.Question)
            {
                return true;
            }
            if (token.IsWord && !token.Hashtag)
            {
                if (first && QuestionOpeners.Contains(token.Text))
                {
                    return true;
                }
                first = false;
            }
        }
        return false;
    }
}
