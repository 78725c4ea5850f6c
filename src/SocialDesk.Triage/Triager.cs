using System.Reflection;

namespace SocialDesk.Triage;

/// <summary>
/// Understands one message: language, sentiment, intent, topics, stated waiting time, channels tried and urgency.
/// Thread-safe; load once and share.
/// </summary>
public sealed class Triager
{
    private const string DefaultModelResource = "Model/sentiment.model";

    private static readonly Lazy<Triager> s_default = new(() => new Triager(LoadDefaultSentimentModel()));

    private static readonly string[] TopicOrder =
        [Topics.Outage, Topics.Billing, Topics.Waiting, Topics.Reliability, Topics.Rudeness, Topics.NoHelp, Topics.Incompetence, Topics.Delivery, Topics.Account];

    private static readonly string[] ChannelOrder = [Channels.Phone, Channels.Email, Channels.Chat, Channels.Store, Channels.Social];

    public Triager(SentimentModel sentimentModel)
    {
        SentimentModel = sentimentModel;
    }

    /// <summary>The triager with the default sentiment model, trained only on data the product may ship.</summary>
    public static Triager Default => s_default.Value;

    public SentimentModel SentimentModel { get; }

    public static SentimentModel LoadDefaultSentimentModel()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException($"The default sentiment model {DefaultModelResource} is missing from the assembly.");
        return SentimentModel.Load(stream);
    }

    public TriageResult Analyze(string text, TriageContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = MessageAnalysis.Of(text);
        var (sentiment, score) = PredictSentiment(message);
        var matches = PhraseMatcher.Vocabulary.Find(message.Tokens);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, _) in matches)
        {
            labels.Add(label);
        }
        int? waitMinutes = ReadWaitMinutes(message, matches);
        var topics = TopicOrder
            .Where(topic => labels.Contains(TriageVocabulary.TopicPrefix + topic) || (topic == Topics.Waiting && waitMinutes is not null))
            .ToArray();
        var channels = ChannelOrder.Where(channel => labels.Contains(TriageVocabulary.ChannelPrefix + channel)).ToArray();
        var intent = IntentRules.Decide(message, labels, topics, sentiment, score);
        int urgency = UrgencyScore.Of(intent, score, topics, waitMinutes, channels.Length, labels, context);
        return new TriageResult(
            message.Language,
            sentiment,
            Math.Round(score, 3),
            intent,
            intent is Intent.Complaint or Intent.Question or Intent.Request,
            topics,
            waitMinutes,
            channels,
            urgency);
    }

    /// <summary>Sentiment alone, for evaluation: the label, and P(positive) - P(negative) in -1..1.</summary>
    public (Sentiment Sentiment, double Score) AnalyzeSentiment(string text) => PredictSentiment(MessageAnalysis.Of(text));

    private (Sentiment Sentiment, double Score) PredictSentiment(MessageAnalysis message)
    {
        Span<float> probabilities = stackalloc float[SentimentModel.ClassCount];
        SentimentModel.Predict(message, probabilities);
        int best = 0;
        for (int k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }
        return ((Sentiment)best, probabilities[2] - probabilities[0]);
    }

    private static int? ReadWaitMinutes(MessageAnalysis message, List<(string Label, int Start)> matches)
    {
        var tokens = message.Tokens;
        var clauseOfToken = new int[tokens.Count];
        int clause = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            clauseOfToken[i] = clause;
            if (tokens[i].Kind is TokenKind.ClauseEnd or TokenKind.Question or TokenKind.Exclamation)
            {
                clause++;
            }
        }
        var speaksOfWaiting = new bool[clause + 1];
        bool any = false;
        foreach (var (label, start) in matches)
        {
            // Customers without service are waiting for it: "no water for 6 hours" states a wait.
            if (label is TriageVocabulary.WaitCue or TriageVocabulary.TopicPrefix + Topics.Waiting or TriageVocabulary.TopicPrefix + Topics.Outage)
            {
                speaksOfWaiting[clauseOfToken[start]] = true;
                any = true;
            }
        }
        return any ? WaitTimeReader.Read(tokens, speaksOfWaiting, clauseOfToken) : null;
    }
}
