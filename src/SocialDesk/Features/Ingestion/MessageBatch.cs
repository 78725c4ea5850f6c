using System.Text.Json;
using System.Text.Json.Serialization;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Ingestion;

/// <summary>A message from any other source, already in SocialDesk's shape (the body of <c>POST /api/v1/messages</c>).</summary>
public sealed record IncomingMessage(
    Guid ChannelId,
    string PlatformMessageId,
    string? ReplyToPlatformMessageId,
    IncomingAuthor Author,
    string Text,
    DateTimeOffset CreatedAt,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MessageDirection>))] MessageDirection Direction = MessageDirection.Inbound,
    bool Private = false,
    IncomingAuthor? Recipient = null);

public sealed record IncomingAuthor(string Id, string? Handle = null, string? Name = null, int? Followers = null);

/// <summary>The stored form of a batch of incoming messages: the raw event format <c>messages</c>.</summary>
public static class MessageBatch
{
    public const string Format = "messages";
    public const int MaxTextLength = 20_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new WellFormedStringConverter() },
    };

    public static string Serialize(IReadOnlyList<IncomingMessage> messages) => JsonSerializer.Serialize(messages, Json);

    public static IncomingMessage Deserialize(JsonElement element) =>
        element.Deserialize<IncomingMessage>(Json) ?? throw new JsonException("The message is null.");

    /// <summary>What is wrong with a message, in words a person understands; empty when nothing is.</summary>
    public static List<string> Validate(IncomingMessage message)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(message.PlatformMessageId) || message.PlatformMessageId.Length > 100)
        {
            errors.Add("platformMessageId must be 1 to 100 characters.");
        }

        if (message.Author is null || string.IsNullOrWhiteSpace(message.Author.Id) || message.Author.Id.Length > 100)
        {
            errors.Add("author.id must be 1 to 100 characters.");
        }

        if (message.Text is null || message.Text.Length > MaxTextLength)
        {
            errors.Add($"text is required and at most {MaxTextLength} characters.");
        }

        if (message.ReplyToPlatformMessageId is { Length: > 100 })
        {
            errors.Add("replyToPlatformMessageId must be at most 100 characters.");
        }

        // PostgreSQL's text cannot hold a NUL, and no platform sends one.
        string?[] texts = [message.PlatformMessageId, message.ReplyToPlatformMessageId, message.Text, message.Author?.Id, message.Author?.Handle, message.Author?.Name,
            message.Recipient?.Id, message.Recipient?.Handle, message.Recipient?.Name];
        if (texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true))
        {
            errors.Add("No field may hold a NUL character (U+0000).");
        }

        return errors;
    }

    public static ParsedDelivery Parse(string body)
    {
        List<IncomingMessage> messages;
        try
        {
            messages = JsonSerializer.Deserialize<List<IncomingMessage>>(body, Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new UnreadablePayloadException($"The batch is not a list of messages: {e.Message}");
        }

        return new ParsedDelivery([.. messages.Select(m => new NormalisedMessage(
            m.ChannelId,
            m.PlatformMessageId,
            m.ReplyToPlatformMessageId,
            Author(m.Author),
            m.Direction,
            m.Private,
            m.Text,
            m.CreatedAt.UtcDateTime,
            Recipient: m.Recipient is null ? null : Author(m.Recipient)))]);
    }

    private static NormalisedAuthor Author(IncomingAuthor author) => new(author.Id, author.Handle, author.Name, author.Followers);
}
