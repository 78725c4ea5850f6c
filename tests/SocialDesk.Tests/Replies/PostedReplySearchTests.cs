using System.Text.Json.Nodes;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Replies;

/// <summary>
/// After a post that got no answer, the sender looks for it on the platform before posting again: only among posts made
/// since the reply was queued (yesterday's same canned text is not it), and far enough back on a busy account.
/// </summary>
public sealed class PostedReplySearchTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private const string Canned = "Thanks for reaching out, we are looking into it.";

    [Fact]
    public async Task The_same_text_posted_yesterday_does_not_pass_for_todays_lost_reply_which_is_posted()
    {
        var conversationId = await MentionAsync("6901", "7901");
        var yesterday = app.Platform.Seed("/2/tweets", ReplyBody("6901", Canned), DateTime.UtcNow.AddDays(-1));
        app.Platform.Lose(1);

        await app.ReplyAsync(conversationId, Canned);

        var reply = await SentReplyAsync(conversationId);
        var today = Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6901" && c.Id != yesterday.Id);
        Assert.Equal(today.Id, reply.PlatformMessageId);
    }

    [Fact]
    public async Task A_reply_posted_behind_a_timeout_is_found_pages_back_on_a_busy_account_and_not_posted_again()
    {
        var conversationId = await MentionAsync("6911", "7911");
        for (var i = 0; i < 150; i++)
        {
            app.Platform.Seed("/2/tweets", ReplyBody($"69119{i:D3}", $"Another customer's answer {i}"), DateTime.UtcNow.AddHours(1).AddSeconds(i));
        }

        app.Platform.AnswerLate(1);

        await app.ReplyAsync(conversationId, Canned);

        var reply = await SentReplyAsync(conversationId);
        var posted = Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6911");
        Assert.Equal(posted.Id, reply.PlatformMessageId);
    }

    [Fact]
    public async Task A_comment_reply_posted_behind_a_timeout_is_found_pages_back_and_not_posted_again()
    {
        var page = await app.CreateFacebookChannelAsync();
        var comment = $"555_{Random.Shared.Next(100_000, 999_999)}";
        await app.ReceiveMetaAsync(page.Id, SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", comment, StringComparison.Ordinal));
        var conversationId = (await app.WaitForConversationsAsync(1, $"?channel={page.Id}")).Items[0].Id;
        for (var i = 0; i < 120; i++)
        {
            app.Platform.Seed($"/v21.0/{comment}/comments", new JsonObject { ["message"] = $"Another answer {i}" }, DateTime.UtcNow.AddHours(1).AddSeconds(i));
        }

        app.Platform.AnswerLate(1);

        await app.ReplyAsync(conversationId, Canned);

        var reply = await SentReplyAsync(conversationId);
        var posted = Assert.Single(app.Platform.Calls($"/v21.0/{comment}/comments"), c => (string?)c.Body["message"] == Canned);
        Assert.Equal(posted.Id, reply.PlatformMessageId);
    }

    private static JsonObject ReplyBody(string inReplyTo, string text) => new() { ["text"] = text, ["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = inReplyTo } };

    private async Task<Guid> MentionAsync(string tweetId, string userId)
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet(tweetId, userId, "@TwitterDev my order never arrived", DateTime.UtcNow.AddMinutes(-30)));
        return (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
    }

    private async Task<MessageView> SentReplyAsync(Guid conversationId) =>
        (await SocialDeskFactory.EventuallyAsync(
            () => app.ConversationAsync(conversationId),
            c => c.Messages.Any(m => m.Direction == MessageDirection.Outbound && m.Delivery!.State != DeliveryState.Queued)))
        .Messages.Single(m => m.Direction == MessageDirection.Outbound && m.Delivery!.State == DeliveryState.Sent);
}
