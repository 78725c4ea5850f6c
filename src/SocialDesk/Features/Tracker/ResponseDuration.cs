using System.Globalization;

namespace SocialDesk.Features.Tracker;

/// <summary>A response time as a person reads it: "42 s", "12 min 05 s", "5 h 39 min", "2 d 03 h".</summary>
public static class ResponseDuration
{
    /// <param name="seconds">The duration.</param>
    /// <param name="dayUnit">The day's symbol in the reader's language ("j" in French).</param>
    public static string Format(double seconds, string dayUnit = "d")
    {
        var sign = seconds < 0 ? "-" : "";
        var total = (long)Math.Round(Math.Abs(seconds));
        var text = total switch
        {
            < 60 => $"{total} s",
            < 3600 => $"{total / 60} min {total % 60:00} s",
            < 86_400 => $"{total / 3600} h {total % 3600 / 60:00} min",
            _ => $"{total / 86_400} {dayUnit} {total % 86_400 / 3600:00} h",
        };
        return sign + text;
    }

    public static string Format(double? seconds) => seconds is { } value ? Format(value) : "-";

    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";
}
