using System.Globalization;
using System.Text.Json;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Channels.Facebook;

/// <summary>A Facebook page: Meta webhook deliveries (feed changes, Messenger) in, Graph API comment replies and Messenger sends out.</summary>
public sealed class FacebookConnector(PlatformHttp http, TimeProvider time) : IChannelConnector
{
    public const string KindName = "facebook";
    private const string GraphVersion = "v21.0";
    private static readonly HashSet<string> PostItems = ["comment", "post", "status", "photo", "video"];

    public string Kind => KindName;

    public string WebhookSegment => "meta";

    private static readonly string[] Hosts = ["graph.facebook.com"];

    public IReadOnlyList<string> ApiHosts => Hosts;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new("pageId", Secret: false),
        new("apiBaseUrl", Secret: false, value => http.ApiBaseUrlRefusal(value, Hosts)),
        new("appSecret", Secret: true),
        new("verifyToken", Secret: true),
        new("pageAccessToken", Secret: true),
    ];

    public int MaxReplyLength(bool isPrivate) => isPrivate ? 2_000 : 8_000;

    /// <summary>The verify-token handshake: the webhook answers the hub.challenge itself when the verify token is the channel's.</summary>
    public WebhookChallenge Challenge(Channel channel, string nonce) => new(
        new Dictionary<string, string?> { ["hub.mode"] = "subscribe", ["hub.verify_token"] = channel.Setting("verifyToken"), ["hub.challenge"] = nonce },
        body => body == nonce ? null : $"The answer is '{WellFormedText.Cut(body, 100)}', not the hub.challenge '{nonce}'.");

    public ParsedDelivery Parse(Channel channel, string body)
    {
        using var document = PayloadJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UnreadablePayloadException("The body must be a JSON object.");
        }

        var objectType = root.RequiredString("object", "$");
        if (objectType != "page")
        {
            return new ParsedDelivery([], $"Deliveries for object '{objectType}' are not handled by a page channel.");
        }

        var pageId = channel.Setting("pageId");
        var messages = new List<NormalisedMessage>();
        var entryIndex = 0;
        foreach (var entry in root.Items("entry", "$"))
        {
            var path = $"$.entry[{entryIndex++}]";
            var entryPage = entry.Id("id", path);
            if (entryPage != pageId)
            {
                throw new UnreadablePayloadException($"'{path}.id' is page {entryPage}; this channel is page {pageId}.");
            }

            if (entry.Optional("changes") is not null)
            {
                var index = 0;
                foreach (var change in entry.Items("changes", path))
                {
                    var changePath = $"{path}.changes[{index++}]";
                    if (change.RequiredString("field", changePath) == "feed" && ReadFeedChange(channel.Id, pageId, change.RequiredObject("value", changePath), changePath + ".value") is { } message)
                    {
                        messages.Add(message);
                    }
                }
            }

            if (entry.Optional("messaging") is not null)
            {
                var index = 0;
                foreach (var messaging in entry.Items("messaging", path))
                {
                    if (ReadMessaging(channel.Id, pageId, messaging, $"{path}.messaging[{index++}]") is { } message)
                    {
                        messages.Add(message);
                    }
                }
            }
        }

        return messages.Count > 0 ? new ParsedDelivery(messages) : new ParsedDelivery([], "No posts, comments or messages in this delivery.");
    }

    private static NormalisedMessage? ReadFeedChange(Guid channelId, string pageId, JsonElement value, string path)
    {
        var item = value.RequiredString("item", path);
        var action = value.RequiredString("verb", path) switch
        {
            "add" => MessageAction.Create,
            "edited" => MessageAction.Edit,
            "remove" => MessageAction.Remove,
            _ => (MessageAction?)null,
        };
        if (!PostItems.Contains(item) || action is null)
        {
            return null;
        }

        var isComment = item == "comment";
        var id = isComment ? value.Id("comment_id", path) : value.Id("post_id", path);
        var from = value.Optional("from") is { } fromValue
            ? new NormalisedAuthor(fromValue.Id("id", path + ".from"), null, fromValue.OptionalString("name", path + ".from"), null)
            : new NormalisedAuthor(pageId, null, null, null);
        return new NormalisedMessage(
            channelId,
            id,
            isComment ? value.OptionalId("parent_id", path) ?? value.OptionalId("post_id", path) : null,
            from,
            from.PlatformUserId == pageId ? MessageDirection.Outbound : MessageDirection.Inbound,
            IsPrivate: false,
            value.OptionalString("message", path) ?? "",
            CreatedTime(value, path),
            action.Value);
    }

    // Meta sends created_time as Unix seconds in feed changes, and as an ISO 8601 string in some older payloads.
    private static DateTime CreatedTime(JsonElement value, string path) =>
        value.Optional("created_time") switch
        {
            { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var seconds) => PayloadJson.UnixTime(seconds, TimeSpan.TicksPerSecond, $"{path}.created_time"),
            { ValueKind: JsonValueKind.String } when DateTimeOffset.TryParse(value.RequiredString("created_time", path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at.UtcDateTime,
            null => throw new UnreadablePayloadException($"'{path}.created_time' is missing."),
            _ => throw new UnreadablePayloadException($"'{path}.created_time' must be Unix seconds or an ISO 8601 time."),
        };

    private static NormalisedMessage? ReadMessaging(Guid channelId, string pageId, JsonElement messaging, string path)
    {
        if (messaging.Optional("message") is not { } message)
        {
            return null; // deliveries, reads, postbacks: nothing to answer
        }

        var messagePath = path + ".message";
        var sender = messaging.RequiredObject("sender", path).Id("id", path + ".sender");
        var recipient = messaging.RequiredObject("recipient", path).Id("id", path + ".recipient");
        var isEcho = message.Optional("is_echo") is { ValueKind: JsonValueKind.True };
        var text = message.OptionalString("text", messagePath);
        if (text is null)
        {
            var attachments = message.Optional("attachments") is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0;
            text = attachments > 0 ? $"[{attachments} attachment(s)]" : "";
        }

        return new NormalisedMessage(
            channelId,
            message.Id("mid", messagePath),
            message.Optional("reply_to") is { } replyTo ? replyTo.OptionalId("mid", messagePath + ".reply_to") : null,
            new NormalisedAuthor(sender, null, null, null),
            isEcho || sender == pageId ? MessageDirection.Outbound : MessageDirection.Inbound,
            IsPrivate: true,
            text,
            messaging.UnixMilliseconds("timestamp", path),
            Recipient: new NormalisedAuthor(recipient, null, null, null));
    }

    public async Task<PlatformPost> PostAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken)
    {
        var token = channel.Setting("pageAccessToken");
        if (!reply.IsPrivate)
        {
            var comment = await http.SendAsync(HttpMethod.Post, Url(channel, $"{reply.InReplyToPlatformMessageId}/comments"), token,
                new { message = reply.Text }, cancellationToken);
            return new PlatformPost(comment.Id("id", "$"), time.GetUtcNow().UtcDateTime);
        }

        // A private answer to a public comment goes to its author's Messenger inbox through the comment.
        object recipient = reply.InReplyToIsPrivate
            ? new { id = reply.RecipientPlatformUserId }
            : new { comment_id = reply.InReplyToPlatformMessageId };
        var sent = await http.SendAsync(HttpMethod.Post, Url(channel, $"{channel.Setting("pageId")}/messages"), token,
            new { recipient, messaging_type = "RESPONSE", message = new { text = reply.Text } }, cancellationToken);
        return new PlatformPost(sent.Id("message_id", "$"), time.GetUtcNow().UtcDateTime);
    }

    /// <summary>A page hides (<c>POST /{comment-id}</c> with <c>is_hidden</c>) or deletes (<c>DELETE /{comment-id}</c>) the comments on its posts; Messenger messages are not moderated.</summary>
    public string? ModerationRefusal(Moderation action, bool isPrivate) => isPrivate ? "Messenger messages cannot be moderated." : null;

    public async Task ModerateAsync(Channel channel, string platformMessageId, Moderation action, CancellationToken cancellationToken)
    {
        var answer = action == Moderation.Hide
            ? await http.SendAsync(HttpMethod.Post, Url(channel, $"{platformMessageId}"), channel.Setting("pageAccessToken"), new { is_hidden = true }, cancellationToken)
            : await http.SendAsync(HttpMethod.Delete, Url(channel, $"{platformMessageId}"), channel.Setting("pageAccessToken"), null, cancellationToken);
        if (answer.Optional("success") is not { ValueKind: JsonValueKind.True })
        {
            throw new PlatformException($"Facebook did not confirm the comment as {(action == Moderation.Hide ? "hidden" : "deleted")}.", permanent: false, mayHavePosted: true);
        }
    }

    /// <summary>
    /// The page's comments under the target, or its Messenger messages with the recipient, newest first, a page of 100
    /// after another (<c>after</c>), for the page's own post with the same text. Graph has no listing of private replies
    /// made through a comment: for those it cannot tell.
    /// </summary>
    public async Task<PostLookup> FindPostedAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken)
    {
        if (reply.IsPrivate && !reply.InReplyToIsPrivate)
        {
            return PostLookup.CannotTell;
        }

        var pageId = channel.Setting("pageId");
        var token = channel.Setting("pageAccessToken");
        var size = PostedReplySearch.PageSize;
        string listing;
        if (reply.IsPrivate)
        {
            var conversations = await http.SendAsync(HttpMethod.Get, Url(channel, $"{pageId}/conversations?platform=messenger&user_id={reply.RecipientPlatformUserId}&fields=id"), token, null, cancellationToken);
            if (Data(conversations) is not [var conversation, ..])
            {
                return PostLookup.NotFound;
            }

            listing = conversation.Id("id", "$.data[0]");
        }
        else
        {
            listing = reply.InReplyToPlatformMessageId;
        }

        return await PostedReplySearch.FindAsync(
            reply,
            async cursor =>
            {
                FormattableString path = (reply.IsPrivate, cursor) switch
                {
                    (true, null) => $"{listing}/messages?fields=id,message,from,created_time&limit={size}",
                    (true, _) => $"{listing}/messages?fields=id,message,from,created_time&limit={size}&after={cursor}",
                    (false, null) => $"{listing}/comments?fields=id,message,from,created_time&order=reverse_chronological&limit={size}",
                    (false, _) => $"{listing}/comments?fields=id,message,from,created_time&order=reverse_chronological&limit={size}&after={cursor}",
                };
                var page = await http.SendAsync(HttpMethod.Get, Url(channel, path), token, null, cancellationToken);
                var next = page.Optional("paging") is { } paging && paging.Optional("next") is not null
                    ? paging.Optional("cursors")?.OptionalString("after", "$.paging.cursors")
                    : null;
                return new PostedReplySearch.Page(Data(page), next);
            },
            post => PostedReplySearch.Time(post, "created_time"),
            post => post.Optional("from") is { } from && from.OptionalId("id", "$.from") == pageId && post.OptionalString("message", "$") == reply.Text
                ? new PlatformPost(post.Id("id", "$"), PostedReplySearch.Time(post, "created_time")!.Value)
                : null);
    }

    private static List<JsonElement> Data(JsonElement page) =>
        page.Optional("data") is { ValueKind: JsonValueKind.Array } data ? data.EnumerateArray().ToList() : [];

    private Uri Url(Channel channel, FormattableString path) => http.Url(channel, Hosts, $"{GraphVersion}/", path);
}
