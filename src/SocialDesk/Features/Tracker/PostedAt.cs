using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// Reads when a message was posted: Twitter's own format (<c>Tue Oct 31 22:10:47 +0000 2017</c>), read
/// without allocating since a file holds millions of them, or ISO 8601 (<c>2017-10-31T22:10:47Z</c>).
/// </summary>
public static class PostedAt
{
    private static readonly int[] MonthKeys =
    [
        Key("Jan"), Key("Feb"), Key("Mar"), Key("Apr"), Key("May"), Key("Jun"),
        Key("Jul"), Key("Aug"), Key("Sep"), Key("Oct"), Key("Nov"), Key("Dec"),
    ];

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The time in milliseconds since the Unix epoch, UTC.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out long unixMs)
    {
        utf8 = utf8.Trim((byte)' ');
        return TryParseTwitter(utf8, out unixMs) || TryParseIso(utf8, out unixMs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseTwitter(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        // "Tue Oct 31 22:10:47 +0000 2017": every field at a fixed place.
        if (s.Length != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || s[19] != ' ' || s[25] != ' ' || (s[20] != '+' && s[20] != '-'))
        {
            return false;
        }
        var month = Array.IndexOf(MonthKeys, (s[4] << 16) | (s[5] << 8) | s[6]) + 1;
        if (month == 0
            || !TryDigits(s.Slice(8, 2), out var day) || !TryDigits(s.Slice(11, 2), out var hour)
            || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second)
            || !TryDigits(s.Slice(21, 2), out var offsetHours) || !TryDigits(s.Slice(23, 2), out var offsetMinutes)
            || !TryDigits(s.Slice(26, 4), out var year))
        {
            return false;
        }
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }
        var offsetSeconds = ((offsetHours * 60) + offsetMinutes) * 60 * (s[20] == '-' ? -1 : 1);
        var days = (long)new DateOnly(year, month, day).DayNumber - UnixEpochDay;
        unixMs = ((days * 86_400) + (hour * 3600) + (minute * 60) + second - offsetSeconds) * 1000;
        return true;
    }

    private static bool TryParseIso(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        Span<char> chars = stackalloc char[64];
        if (s.Length == 0 || s.Length > chars.Length || s[0] is < (byte)'0' or > (byte)'9'
            || !DateTimeOffset.TryParse(
                chars[..Encoding.UTF8.GetChars(s, chars)],
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var time))
        {
            return false;
        }
        unixMs = time.ToUnixTimeMilliseconds();
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        return true;
    }

    private static int Key(string month) => (month[0] << 16) | (month[1] << 8) | month[2];
}
