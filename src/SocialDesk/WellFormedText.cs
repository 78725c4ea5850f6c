using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialDesk;

/// <summary>
/// Outside text as strings every store takes: what is not Unicode text becomes U+FFFD, as invalid UTF-8 does when it is
/// decoded. JSON lets a sender escape a lone surrogate ("\ud83d"), which .NET's JSON reader refuses to read and PostgreSQL to store.
/// </summary>
public static class WellFormedText
{
    /// <summary>A JSON string's text from its raw UTF-8 between the quotes: escapes undone, each lone surrogate and invalid byte as U+FFFD.</summary>
    public static string FromJson(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (raw.IndexOf((byte)'\\') is var escape and >= 0)
        {
            text.Append(Encoding.UTF8.GetString(raw[..escape]));

            // The JSON reader has checked every escape: a backslash, then one of "\/bfnrt, or u and four hex digits.
            var kind = (char)raw[escape + 1];
            if (kind == 'u')
            {
                text.Append((char)ushort.Parse(raw.Slice(escape + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                raw = raw[(escape + 6)..];
            }
            else
            {
                text.Append(kind switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => kind });
                raw = raw[(escape + 2)..];
            }
        }

        text.Append(Encoding.UTF8.GetString(raw));
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters of the text, never half of a surrogate pair.</summary>
    public static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}

/// <summary>
/// Reads every JSON string value as <see cref="WellFormedText"/>: in the HTTP JSON options, so that no endpoint can forget
/// it, a lone surrogate escaped in a request is kept as U+FFFD instead of failing the request or the database. (A dictionary
/// key is read by the serializer itself, which refuses such a key with a 400; keys name settings from a closed list.)
/// </summary>
public sealed class WellFormedStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.GetString()!;
        }
        // Only a string's text fails to transcode; any other token keeps the reader's own error.
        catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String)
        {
            return WellFormedText.FromJson(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
