using System.Globalization;
using System.Text.Json;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>Account Activity deliveries in the shape of the recorded fixtures, with the values a test chooses.</summary>
public static class XPayloads
{
    public static string Tweet(string id, string userId, string text, DateTime at, string? inReplyTo = null, string forUser = FakePlatform.XAccountId, int followers = 100, string? name = null) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = forUser,
            tweet_create_events = new[]
            {
                new
                {
                    created_at = at.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", CultureInfo.InvariantCulture),
                    id_str = id,
                    text,
                    truncated = false,
                    in_reply_to_status_id_str = inReplyTo,
                    user = new { id_str = userId, name = name ?? $"User {userId}", screen_name = $"user{userId}", followers_count = followers },
                },
            },
        });

    public static string DirectMessage(string id, string senderId, string recipientId, string text, DateTime at) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = FakePlatform.XAccountId,
            direct_message_events = new[]
            {
                new
                {
                    type = "message_create",
                    id,
                    created_timestamp = new DateTimeOffset(at).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    message_create = new { target = new { recipient_id = recipientId }, sender_id = senderId, message_data = new { text } },
                },
            },
            users = new Dictionary<string, object>
            {
                [senderId] = new { id = senderId, name = $"User {senderId}", screen_name = $"user{senderId}", followers_count = 10 },
            },
        });
}
