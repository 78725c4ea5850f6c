using System.Runtime.CompilerServices;
using System.Text;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// Turns message ids into longs: a numeric id (also when written <c>3.0</c>, as spreadsheets export it)
/// is its own value; any other id gets a number below zero, the same one each time it is seen.
/// </summary>
public sealed class MessageIds
{
    /// <summary>No message: the value of <see cref="PublicMessage.ReplyTo"/> when a message replies to nothing.</summary>
    public const long None = long.MinValue;

    private readonly Dictionary<string, long> textual = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> textualBySpan;
    private long nextTextual = None + 1;

    public MessageIds() => textualBySpan = textual.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The id of a non-empty field, trimmed of spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Resolve(ReadOnlySpan<byte> utf8)
    {
        if (TryParseNumeric(utf8, out var id))
        {
            return id;
        }
        Span<char> buffer = stackalloc char[256];
        var chars = utf8.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)] : Encoding.UTF8.GetString(utf8).AsSpan();
        if (!textualBySpan.TryGetValue(chars, out id))
        {
            id = nextTextual++;
            textualBySpan[chars] = id;
        }
        return id;
    }

    /// <summary>Whether the field holds only digits, optionally followed by a decimal point and zeros, within a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseNumeric(ReadOnlySpan<byte> utf8, out long id)
    {
        id = 0;
        var i = 0;
        for (; i < utf8.Length && utf8[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            var digit = utf8[i] - '0';
            if (id > (long.MaxValue - digit) / 10)
            {
                return false;
            }
            id = (id * 10) + digit;
        }
        if (i == 0)
        {
            return false;
        }
        if (i < utf8.Length && utf8[i] == (byte)'.')
        {
            i++;
            while (i < utf8.Length && utf8[i] == (byte)'0')
            {
                i++;
            }
        }
        return i == utf8.Length;
    }
}
