namespace SocialDesk.Triage;

/// <summary>Receives the hashed sparse features of a message, one at a time, without allocating.</summary>
internal interface IFeatureSink
{
    void Add(uint hash);
}

/// <summary>
/// The features of the sentiment model: words and word pairs (negated words kept apart), character 3-5-grams
/// of every word, lexicon polarity marks, language, and a few dense lexicon sums.
/// </summary>
internal static class SentimentFeatures
{
    public const int DenseCount = 7;

    private const uint WordSeed = 0x9E3779B1;
    private const uint NegatedWordSeed = 0x85EBCA77;
    private const uint CharSeed = 0xC2B2AE3D;
    private const uint MarkSeed = 0x27D4EB2F;

    private static readonly uint Start = Hash(MarkSeed, "<s>");
    private static readonly uint End = Hash(MarkSeed, "</s>");
    private static readonly uint StrongPositive = Hash(MarkSeed, "<lex++>");
    private static readonly uint Positive = Hash(MarkSeed, "<lex+>");
    private static readonly uint Negative = Hash(MarkSeed, "<lex->");
    private static readonly uint StrongNegative = Hash(MarkSeed, "<lex-->");
    private static readonly uint ElongatedMark = Hash(MarkSeed, "<elongated>");
    private static readonly uint ShoutedMark = Hash(MarkSeed, "<shouted>");

    public static void Sparse<TSink>(MessageAnalysis message, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var tokens = message.Tokens;
        sink.Add(Hash(MarkSeed, message.Language));
        uint previous = Start;
        Span<char> padded = stackalloc char[66];
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            uint unigram = Hash(message.Negated[i] ? NegatedWordSeed : WordSeed, token.Text);
            if (token.Kind != TokenKind.ClauseEnd)
            {
                sink.Add(unigram);
            }
            sink.Add(Mix(previous, unigram));
            previous = unigram;
            if (token.IsWord && token.Text.Length <= 64)
            {
                padded[0] = ' ';
                token.Text.AsSpan().CopyTo(padded[1..]);
                padded[token.Text.Length + 1] = ' ';
                var word = padded[..(token.Text.Length + 2)];
                for (int n = 3; n <= 5; n++)
                {
                    for (int start = 0; start + n <= word.Length; start++)
                    {
                        sink.Add(Hash(CharSeed + (uint)n, word.Slice(start, n)));
                    }
                }
            }
            float polarity = message.Polarity[i];
            if (polarity != 0f)
            {
                sink.Add(polarity switch
                {
                    > 0.5f => StrongPositive,
                    > 0f => Positive,
                    < -0.5f => StrongNegative,
                    _ => Negative,
                });
            }
            if (token.Elongated)
            {
                sink.Add(ElongatedMark);
            }
            if (token.Shouted)
            {
                sink.Add(ShoutedMark);
            }
        }
        sink.Add(Mix(previous, End));
    }

    /// <summary>Bias, squashed sums of positive and negative polarity, exclamation and question marks, the strongest positive and negative word.</summary>
    public static void Dense(MessageAnalysis message, Span<float> into)
    {
        float positive = 0f;
        float negative = 0f;
        float strongestPositive = 0f;
        float strongestNegative = 0f;
        bool exclamation = false;
        bool question = false;
        for (int i = 0; i < message.Tokens.Count; i++)
        {
            float polarity = message.Polarity[i];
            positive += Math.Max(polarity, 0f);
            negative -= Math.Min(polarity, 0f);
            strongestPositive = Math.Max(strongestPositive, polarity);
            strongestNegative = Math.Max(strongestNegative, -polarity);
            exclamation |= message.Tokens[i].Kind == TokenKind.Exclamation;
            question |= message.Tokens[i].Kind == TokenKind.Question;
        }
        into[0] = 1f;
        into[1] = MathF.Tanh(positive);
        into[2] = MathF.Tanh(negative);
        into[3] = exclamation ? 1f : 0f;
        into[4] = question ? 1f : 0f;
        into[5] = strongestPositive;
        into[6] = strongestNegative;
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode, so saved models keep their meaning.
    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        uint hash = 2166136261u ^ seed;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return Finish(hash);
    }

    private static uint Mix(uint first, uint second) => Finish((first * 0x9E3779B1u) ^ (second + 0x7F4A7C15u));

    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        return hash;
    }
}
