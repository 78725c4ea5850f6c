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
        "should", "has", "have", "any", "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "est-ce",
        "combien", "wie", "was", "wann", "warum", "wo", "wer", "welche", "welcher", "wieso", "weshalb", "gibt", "kann", "konnen",
        "ist", "habt", "cuando", "donde", "quien", "cual", "cuanto", "cuantos", "puedo");

    // Topics that are a problem by themselves; billing, delivery and account may be plain questions.
    private static readonly FrozenSet<string> ProblemTopics = FrozenSet.Create(StringComparer.Ordinal,
        Topics.Outage, Topics.Reliability, Topics.Waiting, Topics.Rudeness, Topics.NoHelp, Topics.Incompetence);

    public static Intent Decide(MessageAnalysis message, IReadOnlyCollection<string> cues, IReadOnlyList<string> topics, Sentiment sentiment, double score)
    {
        if (IsSpam(message, cues))
        {
            return Intent.Spam;
        }
        // Nothing said in words or faces: a bare mention, a link, punctuation.
        if (!message.Tokens.Any(token => token.Kind is TokenKind.Word or TokenKind.Emoji or TokenKind.Emoticon))
        {
            return Intent.Chatter;
        }
        bool problem = topics.Any(ProblemTopics.Contains) || cues.Contains(TriageVocabulary.ComplaintCue);
        // A problem is a complaint unless the message thanks for its fix ("outage fixed fast, thank you").
        bool thanks = cues.Contains(TriageVocabulary.PraiseCue) && sentiment == Sentiment.Positive;
        if (problem && !thanks)
        {
            return Intent.Complaint;
        }
        bool request = cues.Contains(TriageVocabulary.RequestCue);
        bool question = IsQuestion(message);
        bool addressed = message.Tokens.Any(token => token.Kind == TokenKind.Handle);
        // The model's score alone makes a complaint only with a negative word or when a brand is addressed,
        // and a polite request needs more anger than a bare statement.
        bool grievance = addressed || message.Polarity.Any(polarity => polarity < 0f);
        if (grievance && !question && score <= (request ? -0.7 : -0.5))
        {
            return Intent.Complaint;
        }
        if (request)
        {
            return Intent.Request;
        }
        if (question)
        {
            return Intent.Question;
        }
        if (sentiment == Sentiment.Negative && topics.Count > 0)
        {
            return Intent.Complaint;
        }
        // Praise is addressed to someone or thanks someone; a happy message about the weekend is chatter.
        if ((sentiment == Sentiment.Positive && addressed) || (cues.Contains(TriageVocabulary.PraiseCue) && sentiment != Sentiment.Negative))
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
