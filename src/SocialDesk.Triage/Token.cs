namespace SocialDesk.Triage;

internal enum TokenKind
{
    Word,
    Number,
    Handle,
    Url,
    Email,
    Emoji,
    Emoticon,
    Exclamation,
    Question,
    ClauseEnd,
}

/// <summary>One unit of a message: <see cref="Text"/> is lower-case without accents, elongations cut to two letters.</summary>
/// <param name="Squeezed">For an elongated word, the form with every repeated letter single ("sooo" gives "so").</param>
internal readonly record struct Token(string Text, TokenKind Kind, bool Hashtag = false, bool Elongated = false, bool Shouted = false, string? Squeezed = null)
{
    public bool IsWord => Kind is TokenKind.Word;
}
