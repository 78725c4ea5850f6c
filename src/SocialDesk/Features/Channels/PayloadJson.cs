using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SocialDesk.Features.Channels;

/// <summary>Reads a platform payload field by field, with errors that name the field and say what was expected.</summary>
public static class PayloadJson
{
    public static JsonDocument Parse(string body)
    {
        try
        {
            // JSON may not start with a byte order mark, but readers may ignore one (RFC 8259): a signed delivery that has one is still read.
            return JsonDocument.Parse(body.AsMemory().TrimStart('\uFEFF'));
        }
        catch (JsonException e)
        {
            throw new UnreadablePayloadException($"The body is not valid JSON: {e.Message}");
        }
    }

    public static JsonElement RequiredObject(this JsonElement parent, string name, string path)
    {
        var value = parent.Optional(name);
        return value is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new UnreadablePayloadException($"'{path}.{name}' must be an object.");
    }

    public static JsonElement? Optional(this JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement.ArrayEnumerator Items(this JsonElement parent, string name, string path)
    {
        var value = parent.Optional(name);
        return value is { ValueKind: JsonValueKind.Array } found
            ? found.EnumerateArray()
            : throw new UnreadablePayloadException($"'{path}.{name}' must be an array.");
    }

    public static string RequiredString(this JsonElement parent, string name, string path) =>
        parent.OptionalString(name, path) ?? throw new UnreadablePayloadException($"'{path}.{name}' is missing.");

    public static string? OptionalString(this JsonElement parent, string name, string path) =>
        parent.Optional(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => Text(value),
            _ => throw new UnreadablePayloadException($"'{path}.{name}' must be a string."),
        };

    /// <summary>An id that platforms send as a string or as a number.</summary>
    public static string Id(this JsonElement parent, string name, string path) =>
        parent.OptionalId(name, path) ?? throw new UnreadablePayloadException($"'{path}.{name}' is missing.");

    public static string? OptionalId(this JsonElement parent, string name, string path) =>
        parent.Optional(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value when Text(value) is { Length: > 0 } id => id,
            { ValueKind: JsonValueKind.Number } value when value.TryGetUInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw new UnreadablePayloadException($"'{path}.{name}' must be an id (a non-empty string or a whole number)."),
        };

    /// <summary>The names of an object's properties, as <see cref="WellFormedText"/>.</summary>
    public static IEnumerable<string> Names(this JsonElement parent) => parent.EnumerateObject().Select(Name);

    private static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return WellFormedText.FromJson(JsonMarshal.GetRawUtf8PropertyName(property));
        }
    }

    /// <summary>A string's text, as <see cref="WellFormedText"/>; a NUL as U+FFFD too, since PostgreSQL's text cannot hold it.</summary>
    public static string Text(this JsonElement value)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The value's raw JSON, quotes included.
            text = WellFormedText.FromJson(JsonMarshal.GetRawUtf8Value(value)[1..^1]);
        }

        return text.Replace('\0', '\uFFFD');
    }

    /// <summary>A time given as Unix milliseconds; one a DateTime cannot hold is refused, naming the field.</summary>
    public static DateTime UnixMilliseconds(this JsonElement parent, string name, string path) =>
        UnixTime(parent.WholeNumber(name, path), TimeSpan.TicksPerMillisecond, $"{path}.{name}");

    /// <summary>Unix time in units of <paramref name="ticksPerUnit"/>, within what a DateTime holds.</summary>
    public static DateTime UnixTime(long value, long ticksPerUnit, string field) =>
        value >= (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / ticksPerUnit && value <= (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / ticksPerUnit
            ? DateTime.UnixEpoch.AddTicks(value * ticksPerUnit)
            : throw new UnreadablePayloadException($"'{field}' is not a time: {value} is out of range.");

    public static long WholeNumber(this JsonElement parent, string name, string path) =>
        parent.Optional(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
            { ValueKind: JsonValueKind.String } value when long.TryParse(Text(value), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            null => throw new UnreadablePayloadException($"'{path}.{name}' is missing."),
            _ => throw new UnreadablePayloadException($"'{path}.{name}' must be a whole number."),
        };

    public static int? OptionalInt(this JsonElement parent, string name, string path) =>
        parent.Optional(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
            _ => throw new UnreadablePayloadException($"'{path}.{name}' must be a whole number."),
        };
}
