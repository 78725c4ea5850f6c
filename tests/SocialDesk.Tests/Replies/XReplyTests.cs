using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Reporting;

namespace SocialDesk.Tests.Replies;

public sealed class XReplyTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private async Task<(Guid ChannelId, Guid ConversationId)> MentionAsync(string tweetId, string userId)
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet(tweetId, userId, "@TwitterDev my order never arrived", DateTime.UtcNow.AddMinutes(-30)));
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        return (channel.Id, page.Items[0].Id);
    }

    // The conversation and its messages are two reads, so a delivery can show before the first response it records.
    private Task<ConversationDetail> WaitForDeliveryAsync(Guid conversationId) =>
        SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(conversationId),
            c => c.Messages.Any(m => m.Direction == MessageDirection.Outbound && m.Delivery!.State != DeliveryState.Queued)
                && (c.FirstResponseAt is not null || c.Messages.All(m => m.Delivery?.State != DeliveryState.Sent)));

    [Fact]
    public async Task Mention_reply_is_posted_once_as_a_reply_tweet_and_records_the_first_response_time()
    {
        var (_, conversationId) = await MentionAsync("6001", "7001");

        var response = await app.ReplyAsync(conversationId, "Sorry to hear that, we are on it.");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversation = await WaitForDeliveryAsync(conversationId);
        var call = Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6001");
        Assert.Equal("Sorry to hear that, we are on it.", (string?)call.Body["text"]);
        var reply = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(DeliveryState.Sent, reply.Delivery!.State);
        Assert.Equal(call.Id, reply.PlatformMessageId);
        Assert.Equal(call.At, reply.PlatformTime);
        Assert.Equal(call.At, conversation.FirstResponseAt);
        using var scope = app.Services.CreateScope();
        var firstResponse = await SocialDeskFactory.Database(scope).ReportingEvents
            .SingleAsync(e => e.ConversationId == conversationId && e.Name == ReportingEventNames.FirstResponse);
        Assert.Equal((call.At - conversation.StartedAt).TotalSeconds, firstResponse.ValueSeconds!.Value, precision: 3);
    }

    [Fact]
    public async Task Reply_is_posted_once_when_the_platform_times_out_and_then_succeeds()
    {
        var (_, conversationId) = await MentionAsync("6101", "7101");
        app.Platform.AnswerLate(1);

        await app.ReplyAsync(conversationId, "Checking this for you now.");

        var conversation = await WaitForDeliveryAsync(conversationId);
        var call = Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6101");
        var reply = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(DeliveryState.Sent, reply.Delivery!.State);
        Assert.Equal(call.Id, reply.PlatformMessageId);
    }

    [Fact]
    public async Task A_reply_with_a_link_is_posted_once_when_the_platform_times_out()
    {
        var (_, conversationId) = await MentionAsync("6151", "7151");
        app.Platform.AnswerLate(1);

        await app.ReplyAsync(conversationId, "Here is how to reset it: https://help.example.com/reset?step=1");

        var conversation = await WaitForDeliveryAsync(conversationId);
        Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6151");
        Assert.Equal(DeliveryState.Sent, conversation.Messages.Single(m => m.Direction == MessageDirection.Outbound).Delivery!.State);
    }

    [Fact]
    public async Task Reply_is_retried_when_the_platform_is_unavailable()
    {
        var (_, conversationId) = await MentionAsync("6201", "7201");
        app.Platform.FailWith503(2);

        await app.ReplyAsync(conversationId, "Thanks for your patience.");

        var conversation = await WaitForDeliveryAsync(conversationId);
        Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6201");
        Assert.Equal(DeliveryState.Sent, conversation.Messages.Single(m => m.Direction == MessageDirection.Outbound).Delivery!.State);
    }

    [Fact]
    public async Task Private_reply_to_a_mention_is_sent_as_a_direct_message_to_its_author()
    {
        var (_, conversationId) = await MentionAsync("6301", "7301");

        await app.ReplyAsync(conversationId, "Could you send us your order number here?", isPrivate: true);

        await WaitForDeliveryAsync(conversationId);
        var call = Assert.Single(app.Platform.Calls("/2/dm_conversations/with/7301/messages"));
        Assert.Equal("Could you send us your order number here?", (string?)call.Body["text"]);
    }

    [Fact]
    public async Task A_reply_longer_than_a_tweet_is_refused_with_a_problem()
    {
        var (_, conversationId) = await MentionAsync("6401", "7401");

        var response = await app.ReplyAsync(conversationId, new string('x', 281));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 280 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_platform_echo_of_a_sent_reply_does_not_add_a_second_message()
    {
        var (channelId, conversationId) = await MentionAsync("6501", "7501");
        await app.ReplyAsync(conversationId, "On it!");
        var sent = await WaitForDeliveryAsync(conversationId);
        var reply = sent.Messages.Single(m => m.Direction == MessageDirection.Outbound);

        await app.ReceiveXAsync(channelId, XPayloads.Tweet(reply.PlatformMessageId!, FakePlatform.XAccountId, "@user7501 On it!", reply.PlatformTime!.Value, inReplyTo: "6501"));

        using var scope = app.Services.CreateScope();
        await SocialDeskFactory.EventuallyAsync(
            () => SocialDeskFactory.Database(scope).RawEvents.CountAsync(e => e.ChannelId == channelId && e.Status == Features.Ingestion.RawEventStatus.Pending),
            pending => pending == 0);
        Assert.Equal(2, (await app.ConversationAsync(conversationId)).Messages.Count);
    }

    [Fact]
    public async Task The_platform_echo_arriving_before_the_confirmation_does_not_add_a_second_message()
    {
        var (channelId, conversationId) = await MentionAsync("6551", "7551");
        app.Platform.AnswerLate(1);
        await app.ReplyAsync(conversationId, "Looking into it.");
        var call = await SocialDeskFactory.EventuallyAsync(() => Task.FromResult(app.Platform.Calls("/2/tweets").FirstOrDefault(c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6551")), c => c is not null);

        // X delivers the account's own tweet, with the thread's @handles before the text, while the post call is still unanswered.
        await app.ReceiveXAsync(channelId, XPayloads.Tweet(call!.Id, FakePlatform.XAccountId, "@user7551 Looking into it.", call.At, inReplyTo: "6551"));

        var conversation = await WaitForDeliveryAsync(conversationId);
        var reply = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(DeliveryState.Sent, reply.Delivery!.State);
        Assert.Equal(call.Id, reply.PlatformMessageId);
        Assert.Single(app.Platform.Calls("/2/tweets"), c => (string?)c.Body["reply"]?["in_reply_to_tweet_id"] == "6551");
    }

    [Fact]
    public async Task A_brand_reply_made_on_the_platform_counts_as_the_first_response()
    {
        var channel = await app.CreateXChannelAsync();
        var asked = DateTime.UtcNow.AddMinutes(-20);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("6601", "7601", "@TwitterDev hello?", asked));
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("6602", FakePlatform.XAccountId, "@user7601 Hi! How can we help?", asked.AddMinutes(5), inReplyTo: "6601"));

        var conversation = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(page.Items[0].Id), c => c.FirstResponseAt is not null);
        Assert.Equal(300, conversation.FirstResponseSeconds!.Value, precision: 0);
    }
}
