using System.Text;

namespace SocialDesk.Triage;

/// <summary>Cuts social messages into tokens: handles, URLs, hashtags, emojis, emoticons, words and numbers.</summary>
internal static class MessageTokenizer
{
    private static readonly string[] Emoticons =
    [
        ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":'(", ";-)", ":)", ":(", ":D", ":P", ":p", ":/", ";)", "<3", ":o", ":O", ":|", "=)", "=(", "^^", "xD", "XD",
    ];

    // French elisions are cut off so that "j'attends" yields "attends"; English contractions stay whole.
    private static readonly HashSet<string> Elisions = ["l", "d", "j", "n", "m", "t", "s", "c", "qu", "jusqu", "lorsqu", "puisqu"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(8, text.Length / 4));
        var word = new StringBuilder(32);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    AddClauseEnd(tokens);
                }
                i++;
                continue;
            }
            int chunkEnd = i;
            while (chunkEnd < text.Length && !char.IsWhiteSpace(text[chunkEnd]))
            {
                chunkEnd++;
            }
            var chunk = text.AsSpan(i, chunkEnd - i);
            if (IsUrl(chunk))
            {
                tokens.Add(new Token("<url>", TokenKind.Url));
                i = chunkEnd;
                continue;
            }
            if (IsEmail(chunk))
            {
                tokens.Add(new Token("<email>", TokenKind.Email));
                i = chunkEnd;
                continue;
            }
            i = ReadChunk(text, i, chunkEnd, tokens, word);
        }
        return tokens;
    }

    private static int ReadChunk(string text, int i, int end, List<Token> tokens, StringBuilder word)
    {
        while (i < end)
        {
            char c = text[i];
            if (c == '@' && i + 1 < end && IsHandleChar(text[i + 1]))
            {
                i++;
                while (i < end && IsHandleChar(text[i]))
                {
                    i++;
                }
                tokens.Add(new Token("<user>", TokenKind.Handle));
            }
            else if (c == '#' && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                i = ReadWord(text, i + 1, end, tokens, word, hashtag: true);
            }
            else if (char.IsLetter(c))
            {
                int emoticonEnd = MatchEmoticon(text, i, end, tokens);
                i = emoticonEnd > i ? emoticonEnd : ReadWord(text, i, end, tokens, word, hashtag: false);
            }
            else if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, end, tokens);
            }
            else if (c is '!' or '?' or '¡' or '¿')
            {
                int start = i;
                bool question = c is '?' or '¿';
                while (i < end && text[i] == c)
                {
                    i++;
                }
                tokens.Add(new Token(question ? "?" : "!", question ? TokenKind.Question : TokenKind.Exclamation, Elongated: i - start > 1));
            }
            else
            {
                int emoticonEnd = MatchEmoticon(text, i, end, tokens);
                if (emoticonEnd > i)
                {
                    i = emoticonEnd;
                }
                else if (IsEmojiStart(text, i, out int length))
                {
                    tokens.Add(new Token(text.Substring(i, length), TokenKind.Emoji));
                    i = SkipEmojiModifiers(text, i + length, end);
                }
                else
                {
                    if (c is '.' or ',' or ';' or ':' or '…')
                    {
                        AddClauseEnd(tokens);
                    }
                    i++;
                }
            }
        }
        return i;
    }

    private static int ReadWord(string text, int i, int end, List<Token> tokens, StringBuilder word, bool hashtag)
    {
        word.Clear();
        bool hasLower = false;
        int letters = 0;
        int run = 0;
        bool elongated = false;
        char previous = '\0';
        while (i < end)
        {
            char c = text[i];
            bool joiner = c is '\'' or '’' or '-' && i + 1 < end && char.IsLetter(text[i + 1]) && word.Length > 0;
            if (!char.IsLetter(c) && !joiner)
            {
                break;
            }
            if (c is '\'' or '’')
            {
                string before = word.ToString();
                if (Elisions.Contains(before))
                {
                    tokens.Add(new Token(before + "'", TokenKind.Word));
                    word.Clear();
                    previous = '\0';
                    run = 0;
                    i++;
                    continue;
                }
                c = '\'';
            }
            hasLower |= char.IsLower(c);
            letters++;
            char lower = char.ToLowerInvariant(c);
            run = lower == previous ? run + 1 : 1;
            previous = lower;
            if (run >= 3)
            {
                elongated = true;
            }
            else
            {
                AccentFolding.Append(word, lower);
            }
            i++;
        }
        if (word.Length > 0)
        {
            string folded = word.ToString();
            tokens.Add(new Token(folded, TokenKind.Word, hashtag, elongated, !hasLower && letters >= 3, elongated ? Squeeze(folded) : null));
        }
        return i;
    }

    private static int ReadNumber(string text, int i, int end, List<Token> tokens)
    {
        int start = i;
        while (i < end && (char.IsDigit(text[i]) || (text[i] is '.' or ',' or ':' && i + 1 < end && char.IsDigit(text[i + 1]) && i > start)))
        {
            i++;
        }
        tokens.Add(new Token(text[start..i].Replace(',', '.'), TokenKind.Number));
        return i;
    }

    private static int MatchEmoticon(string text, int i, int end, List<Token> tokens)
    {
        if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && char.IsLetterOrDigit(text[i - 1]))
        {
            return i;
        }
        foreach (string emoticon in Emoticons)
        {
            int after = i + emoticon.Length;
            if (after <= end && string.CompareOrdinal(text, i, emoticon, 0, emoticon.Length) == 0
                && (after == end || !char.IsLetterOrDigit(text[after])))
            {
                tokens.Add(new Token(emoticon.ToLowerInvariant(), TokenKind.Emoticon));
                return after;
            }
        }
        return i;
    }

    private static bool IsEmojiStart(string text, int i, out int length)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            int codePoint = char.ConvertToUtf32(c, text[i + 1]);
            length = 2;
            return codePoint is >= 0x1F000 and <= 0x1FAFF;
        }
        length = 1;
        return c is >= '\u2600' and <= '\u27BF' or '\u2B50' or '\u2B55' or '\u2705' or '\u203C';
    }

    private static int SkipEmojiModifiers(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (c is '\uFE0F' or '\u200D')
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1])
                && char.ConvertToUtf32(c, text[i + 1]) is >= 0x1F3FB and <= 0x1F3FF)
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static void AddClauseEnd(List<Token> tokens)
    {
        if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.ClauseEnd)
        {
            tokens.Add(new Token(".", TokenKind.ClauseEnd));
        }
    }

    private static string Squeeze(string word)
    {
        var squeezed = new StringBuilder(word.Length);
        foreach (char c in word)
        {
            if (squeezed.Length == 0 || squeezed[^1] != c)
            {
                squeezed.Append(c);
            }
        }
        return squeezed.ToString();
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsUrl(ReadOnlySpan<char> chunk) =>
        chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmail(ReadOnlySpan<char> chunk)
    {
        int at = chunk.IndexOf('@');
        return at > 0 && chunk[(at + 1)..].Contains('.') && char.IsLetterOrDigit(chunk[at - 1]);
    }
}
