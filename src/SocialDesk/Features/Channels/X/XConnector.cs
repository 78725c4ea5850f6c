using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Channels.X;

/// <summary>X (Twitter): Account Activity webhook deliveries in, API v2 reply tweets and direct messages out.</summary>
public sealed partial class XConnector(PlatformHttp http) : IChannelConnector
{
    public const string KindName = "x";
    public const int MaxCrcTokenLength = 128;
    private const string TimeFormat = "ddd MMM dd HH:mm:ss zzzz yyyy";
    private static readonly DateTime SnowflakeEpoch = DateTime.UnixEpoch.AddMilliseconds(1288834974657);

    public string Kind => KindName;

    public string WebhookSegment => "x";

    private static readonly string[] Hosts = ["api.x.com", "api.twitter.com"];

    public IReadOnlyList<string> ApiHosts => Hosts;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new("accountId", Secret: false),
        new("handle", Secret: false),
        new("apiBaseUrl", Secret: false, value => http.ApiBaseUrlRefusal(value, Hosts)),
        new("consumerSecret", Secret: true),
        new("accessToken", Secret: true),
    ];

    public int MaxReplyLength(bool isPrivate) => isPrivate ? 10_000 : 280;

    /// <summary>The CRC check: the webhook answers the crc_token's HMAC-SHA256 with the consumer secret as its response_token.</summary>
    public WebhookChallenge Challenge(Channel channel, string nonce)
    {
        var expected = CrcResponseToken(channel, nonce);
        return new(new Dictionary<string, string?> { ["crc_token"] = nonce }, body =>
        {
            try
            {
                using var document = PayloadJson.Parse(body);
                var received = document.RootElement.RequiredString("response_token", "$");
                return received == expected
                    ? null
                    : $"The answer's response_token is {received}; the HMAC-SHA256 of the crc_token with the channel's consumer secret is {expected}.";
            }
            catch (UnreadablePayloadException e)
            {
                return $"The answer is not a CRC response: {e.Message}";
            }
        });
    }

    /// <summary>
    /// The shape of the tokens X sends: short base64. The response token is the HMAC a delivery is signed with, so a
    /// caller-chosen crc_token (a JSON body) would come back as a valid signature of it.
    /// </summary>
    public static bool IsCrcToken([NotNullWhen(true)] string? token) => token is { Length: > 0 and <= MaxCrcTokenLength } && CrcTokenShape().IsMatch(token);

    [GeneratedRegex("^[A-Za-z0-9+/=_-]+$")]
    private static partial Regex CrcTokenShape();

    public static string CrcResponseToken(Channel channel, string crcToken) =>
        WebhookSignature.Base64(channel.Setting("consumerSecret"), Encoding.UTF8.GetBytes(crcToken));

    public ParsedDelivery Parse(Channel channel, string body)
    {
        using var document = PayloadJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UnreadablePayloadException("The body must be a JSON object.");
        }

        var forUser = root.Id("for_user_id", "$");
        var accountId = channel.Setting("accountId");
        if (forUser != accountId)
        {
            throw new UnreadablePayloadException($"The delivery is for user {forUser}; this channel is account {accountId}.");
        }

        var messages = new List<NormalisedMessage>();
        var handled = false;
        if (root.Optional("tweet_create_events") is not null)
        {
            handled = true;
            var index = 0;
            foreach (var tweet in root.Items("tweet_create_events", "$"))
            {
                messages.Add(ReadTweet(channel.Id, accountId, tweet, $"$.tweet_create_events[{index++}]"));
            }
        }

        if (root.Optional("direct_message_events") is not null)
        {
            handled = true;
            var users = root.Optional("users");
            var index = 0;
            foreach (var dm in root.Items("direct_message_events", "$"))
            {
                var path = $"$.direct_message_events[{index++}]";
                if (dm.RequiredString("type", path) == "message_create")
                {
                    messages.Add(ReadDirectMessage(channel.Id, accountId, dm, users, path));
                }
            }
        }

        if (root.Optional("tweet_delete_events") is not null)
        {
            handled = true;
            var index = 0;
            foreach (var deletion in root.Items("tweet_delete_events", "$"))
            {
                var path = $"$.tweet_delete_events[{index++}]";
                var status = deletion.RequiredObject("status", path);
                var author = new NormalisedAuthor(status.Id("user_id", path + ".status"), null, null, null);
                var at = deletion.UnixMilliseconds("timestamp_ms", path);
                messages.Add(new(channel.Id, status.Id("id", path + ".status"), null, author,
                    author.PlatformUserId == accountId ? MessageDirection.Outbound : MessageDirection.Inbound,
                    IsPrivate: false, Text: "", at, MessageAction.Remove));
            }
        }

        if (handled)
        {
            return new ParsedDelivery(messages);
        }

        var kinds = string.Join(", ", root.Names().Where(n => n.EndsWith("_events", StringComparison.Ordinal)));
        return new ParsedDelivery([], $"No messages in this delivery ({(kinds.Length > 0 ? kinds : "no events")}).");
    }

    private static NormalisedMessage ReadTweet(Guid channelId, string accountId, JsonElement tweet, string path)
    {
        var user = tweet.RequiredObject("user", path);
        var author = new NormalisedAuthor(
            user.Id("id_str", path + ".user"),
            user.OptionalString("screen_name", path + ".user"),
            user.OptionalString("name", path + ".user"),
            user.OptionalInt("followers_count", path + ".user"));
        // Tweets over 140 characters come truncated, with the whole text in extended_tweet.
        var text = tweet.Optional("extended_tweet") is { } extended
            ? extended.RequiredString("full_text", path + ".extended_tweet")
            : tweet.RequiredString("text", path);
        var createdAt = tweet.RequiredString("created_at", path);
        if (!DateTime.TryParseExact(createdAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new UnreadablePayloadException($"'{path}.created_at' is not a date like 'Wed Oct 10 20:19:24 +0000 2018': '{createdAt}'.");
        }

        return new NormalisedMessage(
            channelId,
            tweet.Id("id_str", path),
            tweet.OptionalId("in_reply_to_status_id_str", path),
            author,
            author.PlatformUserId == accountId ? MessageDirection.Outbound : MessageDirection.Inbound,
            IsPrivate: false,
            text,
            DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }

    private static NormalisedMessage ReadDirectMessage(Guid channelId, string accountId, JsonElement dm, JsonElement? users, string path)
    {
        var create = dm.RequiredObject("message_create", path);
        var senderId = create.Id("sender_id", path + ".message_create");
        var recipientId = create.RequiredObject("target", path + ".message_create").Id("recipient_id", path + ".message_create.target");
        var text = create.RequiredObject("message_data", path + ".message_create").RequiredString("text", path + ".message_create.message_data");
        var at = dm.UnixMilliseconds("created_timestamp", path);
        return new NormalisedMessage(
            channelId,
            dm.Id("id", path),
            null,
            User(senderId, users),
            senderId == accountId ? MessageDirection.Outbound : MessageDirection.Inbound,
            IsPrivate: true,
            text,
            at,
            Recipient: User(recipientId, users));
    }

    private static NormalisedAuthor User(string id, JsonElement? users)
    {
        var user = users?.Optional(id);
        return user is { ValueKind: JsonValueKind.Object } found
            ? new NormalisedAuthor(id, found.OptionalString("screen_name", "$.users"), found.OptionalString("name", "$.users"), found.OptionalInt("followers_count", "$.users"))
            : new NormalisedAuthor(id, null, null, null);
    }

    public async Task<PlatformPost> PostAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken)
    {
        if (reply.IsPrivate)
        {
            var answer = await http.SendAsync(HttpMethod.Post, Url(channel, $"2/dm_conversations/with/{reply.RecipientPlatformUserId}/messages"),
                channel.Setting("accessToken"), new { text = reply.Text }, cancellationToken);
            return Confirmation(answer.RequiredObject("data", "$").Id("dm_event_id", "$.data"));
        }

        var tweet = await http.SendAsync(HttpMethod.Post, Url(channel, $"2/tweets"), channel.Setting("accessToken"),
            new { text = reply.Text, reply = new { in_reply_to_tweet_id = reply.InReplyToPlatformMessageId } }, cancellationToken);
        return Confirmation(tweet.RequiredObject("data", "$").Id("id", "$.data"));
    }

    /// <summary>X lets an account hide the replies to its posts (<c>PUT /2/tweets/{id}/hidden</c>), never delete someone else's.</summary>
    public string? ModerationRefusal(Moderation action, bool isPrivate) =>
        isPrivate ? "X direct messages cannot be moderated."
        : action == Moderation.Delete ? "X does not let an account delete a customer's post; hide the reply instead." : null;

    public async Task ModerateAsync(Channel channel, string platformMessageId, Moderation action, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(HttpMethod.Put, Url(channel, $"2/tweets/{platformMessageId}/hidden"), channel.Setting("accessToken"), new { hidden = true }, cancellationToken);
        if (answer.Optional("data")?.Optional("hidden") is not { ValueKind: JsonValueKind.True })
        {
            throw new PlatformException("X did not confirm the reply as hidden.", permanent: false, mayHavePosted: true);
        }
    }

    /// <summary>
    /// The account's tweets since the reply was queued (<c>start_time</c>), or the direct messages with its recipient, newest
    /// first, a page of 100 after another (<c>pagination_token</c>), for the reply to the same post with the same text.
    /// </summary>
    public Task<PostLookup> FindPostedAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken)
    {
        var accountId = channel.Setting("accountId");
        var since = PostedReplySearch.Since(reply).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return PostedReplySearch.FindAsync(
            reply,
            async cursor =>
            {
                var size = PostedReplySearch.PageSize;
                FormattableString path = (reply.IsPrivate, cursor) switch
                {
                    (true, null) => $"2/dm_conversations/with/{reply.RecipientPlatformUserId}/dm_events?dm_event.fields=created_at,sender_id,text&max_results={size}",
                    (true, _) => $"2/dm_conversations/with/{reply.RecipientPlatformUserId}/dm_events?dm_event.fields=created_at,sender_id,text&max_results={size}&pagination_token={cursor}",
                    (false, null) => $"2/users/{accountId}/tweets?tweet.fields=created_at,referenced_tweets&max_results={size}&start_time={since}",
                    (false, _) => $"2/users/{accountId}/tweets?tweet.fields=created_at,referenced_tweets&max_results={size}&start_time={since}&pagination_token={cursor}",
                };
                var page = await http.SendAsync(HttpMethod.Get, Url(channel, path), channel.Setting("accessToken"), null, cancellationToken);
                return new PostedReplySearch.Page(
                    page.Optional("data") is { ValueKind: JsonValueKind.Array } items ? [.. items.EnumerateArray()] : [],
                    page.Optional("meta")?.OptionalString("next_token", "$.meta"));
            },
            post => PostedReplySearch.Time(post, "created_at"),
            post =>
            {
                var repliesToTarget = reply.IsPrivate
                    ? post.OptionalId("sender_id", "$.data") == accountId
                    : post.Optional("referenced_tweets") is { ValueKind: JsonValueKind.Array } references
                        && references.EnumerateArray().Any(r => r.OptionalString("type", "$") == "replied_to" && r.OptionalId("id", "$") == reply.InReplyToPlatformMessageId);
                return repliesToTarget && SameText(post.OptionalString("text", "$.data"), reply.Text) ? Confirmation(post.Id("id", "$.data")) : null;
            });
    }

    // X shortens every link to a t.co address, so texts are compared without their links.
    private static bool SameText(string? posted, string sent) =>
        posted is not null && Links().Replace(posted, "").Trim() == Links().Replace(sent, "").Trim();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    private Uri Url(Channel channel, FormattableString path) => http.Url(channel, Hosts, "", path);

    // X ids are snowflakes: the id itself carries the millisecond the platform created the post.
    private static PlatformPost Confirmation(string id) =>
        new(id, ulong.TryParse(id, CultureInfo.InvariantCulture, out var snowflake)
            ? SnowflakeEpoch.AddMilliseconds(snowflake >> 22)
            : throw new PlatformException($"X confirmed the post with an id that is not a snowflake: '{id}'.", permanent: false, mayHavePosted: true));
}
