using System.Collections.Frozen;

namespace SocialDesk.Triage;

/// <summary>
/// The shared first pass over a message: tokens, language, which words fall under a negation,
/// and each word's polarity after negation and intensifiers.
/// </summary>
internal sealed class MessageAnalysis
{
    // Words after a negator, up to this many, read as negated ("not good", "pas terrible", "nicht gut", "no funciona").
    private const int NegationReach = 3;

    private static readonly FrozenSet<string> Negators = FrozenSet.Create(StringComparer.Ordinal,
        "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "cannot", "won't",
        "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "cant", "didnt", "doesnt", "isnt", "wasnt", "nothing",
        "nobody", "none", "neither", "nor", "without", "ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "personne", "sans",
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts", "niemand", "ohne", "nunca", "nada",
        "ningun", "ninguno", "ninguna", "tampoco", "ni", "sin", "nadie");

    private static readonly FrozenSet<string> Intensifiers = FrozenSet.Create(StringComparer.Ordinal,
        "very", "so", "really", "extremely", "totally", "absolutely", "super", "too", "incredibly", "completely", "utterly", "most",
        "tres", "trop", "vraiment", "tellement", "hyper", "grave", "completement", "totalement", "archi", "sehr", "total", "echt",
        "extrem", "wirklich", "voll", "mega", "absolut", "vollig", "muy", "tan", "realmente", "demasiado", "totalmente",
        "increiblemente", "sumamente");

    private static readonly FrozenSet<string> Contrasts = FrozenSet.Create(StringComparer.Ordinal, "but", "mais", "aber", "pero", "however", "sondern");

    private MessageAnalysis(string text, List<Token> tokens, string language, bool[] negated, float[] polarity)
    {
        Text = text;
        Tokens = tokens;
        Language = language;
        Negated = negated;
        Polarity = polarity;
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    public string Language { get; }

    public bool[] Negated { get; }

    /// <summary>Each token's polarity in -1..1 after negation, intensifiers and shouting; 0 for most tokens.</summary>
    public float[] Polarity { get; }

    public static MessageAnalysis Of(string text)
    {
        var tokens = MessageTokenizer.Tokenize(text);
        string language = LanguageDetector.Detect(text, tokens);
        var negated = new bool[tokens.Count];
        var polarity = new float[tokens.Count];
        var lexicon = SentimentLexicon.Shared;
        int negationLeft = 0;
        bool intensified = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.ClauseEnd or TokenKind.Question or TokenKind.Exclamation || Contrasts.Contains(token.Text))
            {
                negationLeft = 0;
                intensified = false;
                continue;
            }
            if (token.IsWord && Negators.Contains(token.Text))
            {
                negationLeft = NegationReach;
                continue;
            }
            if (token.IsWord && (Intensifiers.Contains(token.Text) || (token.Squeezed is not null && Intensifiers.Contains(token.Squeezed))))
            {
                intensified = true;
                continue;
            }
            float score = lexicon.Score(language, token);
            if (negationLeft > 0)
            {
                negated[i] = true;
                negationLeft--;
                // "pas terrible" says "not great" in French; flipping "terrible" would make it praise.
                score = language == LanguageDetector.French && token.Text == "terrible" ? -0.4f : score * -0.74f;
            }
            if (score != 0f)
            {
                score *= (intensified ? 1.3f : 1f) * (token.Shouted ? 1.2f : 1f) * (token.Elongated ? 1.1f : 1f);
                polarity[i] = Math.Clamp(score, -1f, 1f);
                intensified = false;
            }
        }
        return new MessageAnalysis(text, tokens, language, negated, polarity);
    }
}
