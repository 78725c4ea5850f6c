using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace SocialDesk.Triage;

/// <summary>
/// Word polarities per language, from VADER (en, fr), AFINN (en, fr) and SocialDesk's own lists (all four),
/// scaled to -1..1; emojis take the polarity of their VADER description.
/// </summary>
internal sealed class SentimentLexicon
{
    public static SentimentLexicon Shared { get; } = new();

    private readonly FrozenDictionary<string, FrozenDictionary<string, float>> _wordsByLanguage;
    private readonly FrozenDictionary<string, float> _symbols;

    private SentimentLexicon()
    {
        var english = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        ReadScores("Lexicons/vader-en/vader_lexicon.txt", "\t", 4f, english);
        ReadScores("Lexicons/afinn/AFINN-en-165.txt", "\t", 5f, english);
        ReadScores("Lexicons/socialdesk/en.txt", "\t", 4f, english);
        var french = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        ReadScores("Lexicons/vader-fr/fr_lexicon.txt", "->", 4f, french);
        ReadScores("Lexicons/afinn/AFINN-fr-165.txt", "\t", 5f, french);
        ReadScores("Lexicons/socialdesk/fr.txt", "\t", 4f, french);
        var german = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        ReadScores("Lexicons/socialdesk/de.txt", "\t", 4f, german);
        var spanish = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        ReadScores("Lexicons/socialdesk/es.txt", "\t", 4f, spanish);
        _wordsByLanguage = new Dictionary<string, FrozenDictionary<string, float>>
        {
            [LanguageDetector.English] = Average(english),
            [LanguageDetector.French] = Average(french),
            [LanguageDetector.German] = Average(german),
            [LanguageDetector.Spanish] = Average(spanish),
        }.ToFrozenDictionary(StringComparer.Ordinal);

        var symbols = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        ReadScores("Lexicons/afinn/AFINN-emoticon-8.txt", "\t", 5f, symbols);
        foreach (string line in ReadLines("Lexicons/vader-en/emoji_utf8_lexicon.txt"))
        {
            string[] fields = line.Split('\t');
            float score = fields[1].Split(' ').Sum(word => _wordsByLanguage[LanguageDetector.English].GetValueOrDefault(word));
            if (score != 0f)
            {
                symbols[fields[0]] = [Math.Clamp(score, -1f, 1f)];
            }
        }
        ReadScores("Lexicons/socialdesk/emoji.txt", "\t", 4f, symbols);
        _symbols = Average(symbols);
    }

    /// <summary>The polarity of a word in a language, or of an emoji or emoticon; 0 when unknown.</summary>
    public float Score(string language, in Token token)
    {
        if (token.Kind is TokenKind.Emoji or TokenKind.Emoticon)
        {
            return _symbols.GetValueOrDefault(token.Text);
        }
        if (!token.IsWord)
        {
            return 0f;
        }
        var words = _wordsByLanguage[language];
        if (words.TryGetValue(token.Text, out float score))
        {
            return score;
        }
        return token.Squeezed is not null ? words.GetValueOrDefault(token.Squeezed) : 0f;
    }

    private static void ReadScores(string resource, string separator, float scale, Dictionary<string, List<float>> into)
    {
        foreach (string line in ReadLines(resource))
        {
            // VADER-fr writes "word->score" and its words may contain '-'; the others are tab-separated.
            int split = separator == "->" ? line.LastIndexOf(separator, StringComparison.Ordinal) : line.IndexOf(separator, StringComparison.Ordinal);
            if (split <= 0)
            {
                continue;
            }
            string word = AccentFolding.Fold(line[..split]);
            string value = line[(split + separator.Length)..].Split('\t')[0];
            float score = float.Parse(value, CultureInfo.InvariantCulture) / scale;
            if (!into.TryGetValue(word, out var scores))
            {
                into[word] = scores = [];
            }
            scores.Add(score);
        }
    }

    private static FrozenDictionary<string, float> Average(Dictionary<string, List<float>> scores) =>
        scores.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Average(), StringComparer.Ordinal);

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The triage resource {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
