using System.Text;
using System.Text.Json;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// Reads JSON Lines: one object a line with TWCS's field names. <c>tweet_id</c> and <c>in_response_to_tweet_id</c>
/// are strings or numbers (null or absent for no parent); <c>author_id</c> a string or number; <c>inbound</c>
/// true/false or "True"/"False"; <c>created_at</c> Twitter's format or ISO 8601; <c>text</c> a string.
/// Other fields, <c>response_tweet_id</c> among them, are ignored.
/// </summary>
public static class TwcsJsonlReader
{
    private enum Field
    {
        TweetId,
        AuthorId,
        Inbound,
        CreatedAt,
        Text,
        InResponseTo,
    }

    private static readonly byte[][] FieldNames =
    [
        "tweet_id"u8.ToArray(), "author_id"u8.ToArray(), "inbound"u8.ToArray(),
        "created_at"u8.ToArray(), "text"u8.ToArray(), "in_response_to_tweet_id"u8.ToArray(),
    ];

    /// <summary>The longest line read; a longer one is a bad row, skipped to its end without being held.</summary>
    public const int MaxLineBytes = 1 << 20;

    public static void Read(Stream input, PublicMessageLog log)
    {
        var row = new JsonlRow();
        var buffer = new byte[64 * 1024];
        int filled = 0, start = 0;
        long line = 0;
        var overlong = false;
        while (true)
        {
            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                if (overlong)
                {
                    overlong = false;
                }
                else
                {
                    ReadLine(buffer.AsSpan(start, newline), ++line, row, log);
                }
                start += newline + 1;
            }
            if (read == 0)
            {
                if (filled > start && !overlong)
                {
                    ReadLine(buffer.AsSpan(start, filled - start), ++line, row, log);
                }
                return;
            }
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
            start = 0;
            if (filled == buffer.Length && buffer.Length >= MaxLineBytes)
            {
                // The line's rest is dropped as it arrives, up to its end.
                if (!overlong)
                {
                    log.Skip(++line, $"the line is longer than {MaxLineBytes / 1024} KiB");
                    overlong = true;
                }
                filled = 0;
            }
            else if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static void ReadLine(ReadOnlySpan<byte> text, long line, JsonlRow row, PublicMessageLog log)
    {
        text = text.TrimEnd((byte)'\r');
        if (line == 1 && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }
        if (text.Trim((byte)' ').IsEmpty)
        {
            return;
        }
        string? problem;
        try
        {
            problem = row.Read(text);
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON at byte {e.BytePositionInLine + 1}";
        }
        if (problem is not null)
        {
            log.Skip(line, problem);
            return;
        }
        if (!InputField.TryParseInbound(row[Field.Inbound], out var inbound))
        {
            log.Skip(line, $"inbound {InputField.Quote(row[Field.Inbound])} is neither true nor false");
            return;
        }
        if (!PostedAt.TryParse(row[Field.CreatedAt], out var createdAtMs))
        {
            log.Skip(line, $"created_at {InputField.Quote(row[Field.CreatedAt])} is not a date");
            return;
        }
        log.Add(line, row[Field.TweetId], row[Field.AuthorId], inbound, createdAtMs, row[Field.Text], row[Field.InResponseTo]);
    }

    /// <summary>The fields of one line, unescaped into buffers that are reused from line to line.</summary>
    private sealed class JsonlRow
    {
        private readonly byte[][] values = [.. FieldNames.Select(_ => new byte[64])];
        private readonly int[] lengths = new int[FieldNames.Length];

        public ReadOnlySpan<byte> this[Field field] => values[(int)field].AsSpan(0, lengths[(int)field]);

        /// <summary>Reads one JSON object; returns why the line is not one, or null.</summary>
        public string? Read(ReadOnlySpan<byte> text)
        {
            Array.Clear(lengths);
            var reader = new Utf8JsonReader(text);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldIndex(ref reader);
                reader.Read();
                if (field < 0 || reader.TokenType == JsonTokenType.Null)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return $"{Encoding.UTF8.GetString(FieldNames[field])} is not a single value";
                }
                Store(field, ref reader);
            }
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? null : "text after the JSON object";
        }

        private static int FieldIndex(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < FieldNames.Length; i++)
            {
                if (reader.ValueTextEquals(FieldNames[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        private void Store(int field, ref Utf8JsonReader reader)
        {
            // An escaped string unescapes to no more bytes than it takes in the line.
            Reserve(field, reader.ValueSpan.Length);
            try
            {
                lengths[field] = reader.TokenType == JsonTokenType.String
                    ? reader.CopyString(values[field])
                    : CopyRaw(ref reader, values[field]);
            }
            // A string that is no text (invalid UTF-8, an escaped lone surrogate) is read as outside text is everywhere: U+FFFD in its place.
            catch (InvalidOperationException)
            {
                var text = Encoding.UTF8.GetBytes(WellFormedText.FromJson(reader.ValueSpan));
                Reserve(field, text.Length);
                text.CopyTo(values[field], 0);
                lengths[field] = text.Length;
            }
        }

        private void Reserve(int field, int length)
        {
            if (values[field].Length < length)
            {
                values[field] = new byte[Math.Max(length, values[field].Length * 2)];
            }
        }

        private static int CopyRaw(ref Utf8JsonReader reader, Span<byte> destination)
        {
            reader.ValueSpan.CopyTo(destination);
            return reader.ValueSpan.Length;
        }
    }
}
