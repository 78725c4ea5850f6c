namespace SocialDesk.Triage;

/// <summary>Finds labelled phrases in a token sequence in one pass, looking phrases up by their first word.</summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>> _byFirstPrefix = new(StringComparer.Ordinal);
    private readonly List<Phrase> _byFirstSuffix = [];
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly int _shortestPrefix = int.MaxValue;
    private readonly int _longestPrefix;

    public PhraseMatcher(IReadOnlyDictionary<string, string> phrasesByLabel)
    {
        foreach (var (label, phrases) in phrasesByLabel)
        {
            foreach (string text in phrases.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var phrase = Parse(label, text);
                var first = phrase.Words[0];
                if (first.Kind == WordKind.Suffix)
                {
                    _byFirstSuffix.Add(phrase);
                    continue;
                }
                var index = first.Kind == WordKind.Prefix ? _byFirstPrefix : _byFirstWord;
                if (!index.TryGetValue(first.Text, out var list))
                {
                    index[first.Text] = list = [];
                }
                list.Add(phrase);
                if (first.Kind == WordKind.Prefix)
                {
                    _shortestPrefix = Math.Min(_shortestPrefix, first.Text.Length);
                    _longestPrefix = Math.Max(_longestPrefix, first.Text.Length);
                }
            }
        }
        _prefixLookup = _byFirstPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PhraseMatcher Vocabulary { get; } = new(TriageVocabulary.Phrases);

    /// <summary>Every label whose phrase occurs, with the index of the phrase's first token.</summary>
    public List<(string Label, int Start)> Find(List<Token> tokens)
    {
        var found = new List<(string Label, int Start)>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                continue;
            }
            if (_byFirstWord.TryGetValue(token.Text, out var phrases))
            {
                AddMatches(phrases, tokens, i, found);
            }
            int longest = Math.Min(_longestPrefix, token.Text.Length);
            for (int length = _shortestPrefix; length <= longest; length++)
            {
                if (_prefixLookup.TryGetValue(token.Text.AsSpan(0, length), out var prefixed))
                {
                    AddMatches(prefixed, tokens, i, found);
                }
            }
            AddMatches(_byFirstSuffix, tokens, i, found);
        }
        return found;
    }

    private static void AddMatches(List<Phrase> phrases, List<Token> tokens, int start, List<(string Label, int Start)> found)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Matches(tokens, start))
            {
                found.Add((phrase.Label, start));
            }
        }
    }

    private static Phrase Parse(string label, string text)
    {
        var words = new List<PhraseWord>();
        foreach (string part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.EndsWith('*'))
            {
                words.Add(new PhraseWord(AccentFolding.Fold(part[..^1]), WordKind.Prefix));
                continue;
            }
            if (part.StartsWith('*'))
            {
                words.Add(new PhraseWord(AccentFolding.Fold(part[1..]), WordKind.Suffix));
                continue;
            }
            if (part.EndsWith('\''))
            {
                words.Add(new PhraseWord(AccentFolding.Fold(part), WordKind.Whole));
                continue;
            }
            // The tokenizer decides how a written word splits ("e-mail", "l'agence"), so phrases go through it too.
            words.AddRange(MessageTokenizer.Tokenize(part).Select(token => new PhraseWord(token.Text, WordKind.Whole)));
        }
        return new Phrase(label, [.. words]);
    }

    private enum WordKind
    {
        Whole,
        Prefix,
        Suffix,
    }

    private readonly record struct PhraseWord(string Text, WordKind Kind)
    {
        public bool Matches(in Token token) => Kind switch
        {
            WordKind.Prefix => token.Text.StartsWith(Text, StringComparison.Ordinal),
            WordKind.Suffix => token.Text.EndsWith(Text, StringComparison.Ordinal),
            _ => token.Text == Text,
        };
    }

    private sealed record Phrase(string Label, PhraseWord[] Words)
    {
        public bool Matches(List<Token> tokens, int start)
        {
            if (start + Words.Length > tokens.Count)
            {
                return false;
            }
            for (int w = 0; w < Words.Length; w++)
            {
                if (!Words[w].Matches(tokens[start + w]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
