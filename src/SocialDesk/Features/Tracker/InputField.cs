using System.Text;

namespace SocialDesk.Features.Tracker;

/// <summary>Reading of the fields whose spelling TWCS files vary, and quoting them in messages about bad rows.</summary>
public static class InputField
{
    private const int QuotedLength = 40;

    /// <summary>TWCS writes <c>True</c> and <c>False</c>; any case is accepted.</summary>
    public static bool TryParseInbound(ReadOnlySpan<byte> utf8, out bool inbound)
    {
        utf8 = utf8.Trim((byte)' ');
        inbound = Ascii.EqualsIgnoreCase(utf8, "true"u8);
        return inbound || Ascii.EqualsIgnoreCase(utf8, "false"u8);
    }

    /// <summary>A value as a bad-row message shows it: quoted, and cut when long.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        return text.Length <= QuotedLength ? $"'{text}'" : $"'{WellFormedText.Cut(text, QuotedLength)}...'";
    }
}
