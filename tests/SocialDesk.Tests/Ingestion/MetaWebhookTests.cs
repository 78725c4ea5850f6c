using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Tests.Ingestion;

public sealed class MetaWebhookTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Verification_handshake_returns_the_challenge_for_the_right_token()
    {
        var channel = await app.CreateFacebookChannelAsync();
        using var client = app.CreateClient();

        var accepted = await client.GetAsync($"/webhooks/meta/{channel.Id}?hub.mode=subscribe&hub.verify_token=meta-verify-token&hub.challenge=1158201444");
        var refused = await client.GetAsync($"/webhooks/meta/{channel.Id}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("1158201444", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Recorded_comment_becomes_a_public_conversation_answered_by_a_comment_reply()
    {
        var channel = await app.CreateFacebookChannelAsync();

        var response = await app.ReceiveMetaAsync(channel.Id, SocialDeskFactory.Fixture("meta/feed_comment_add.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var conversation = await app.ConversationAsync(page.Items[0].Id);
        Assert.Equal("Marc Durand", conversation.Contact.DisplayName);
        Assert.Equal("555_9001", Assert.Single(conversation.Messages).PlatformMessageId);

        await app.ReplyAsync(conversation.Id, "Bonjour Marc, nous regardons votre remboursement.");

        var answered = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(conversation.Id), c => c.FirstResponseAt is not null);
        var call = Assert.Single(app.Platform.Calls("/v21.0/555_9001/comments"));
        Assert.Equal("Bonjour Marc, nous regardons votre remboursement.", (string?)call.Body["message"]);
        Assert.Equal(call.Id, answered.Messages.Single(m => m.Direction == MessageDirection.Outbound).PlatformMessageId);
    }

    [Fact]
    public async Task Edited_and_removed_comments_change_the_stored_message()
    {
        var channel = await app.CreateFacebookChannelAsync();
        var added = SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", "555_9002", StringComparison.Ordinal);
        await app.ReceiveMetaAsync(channel.Id, added);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");

        await app.ReceiveMetaAsync(channel.Id, added.Replace("\"verb\": \"add\"", "\"verb\": \"edited\"", StringComparison.Ordinal).Replace("Pas terrible.", "Toujours rien.", StringComparison.Ordinal));
        var edited = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(page.Items[0].Id), c => c.Messages[0].EditedAt is not null);
        await app.ReceiveMetaAsync(channel.Id, added.Replace("\"verb\": \"add\"", "\"verb\": \"remove\"", StringComparison.Ordinal));
        var removed = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(page.Items[0].Id), c => c.Messages[0].DeletedAt is not null);

        Assert.EndsWith("Toujours rien.", edited.Messages[0].Text, StringComparison.Ordinal);
        Assert.Single(removed.Messages);
    }

    [Fact]
    public async Task Recorded_messenger_message_is_answered_through_the_send_api()
    {
        var channel = await app.CreateFacebookChannelAsync();
        await app.ReceiveMetaAsync(channel.Id, SocialDeskFactory.Fixture("meta/messenger_message.json"));
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        Assert.True(page.Items[0].Private);

        var publicAnswer = await app.ReplyAsync(page.Items[0].Id, "Hello");
        await app.ReplyAsync(page.Items[0].Id, "Bonjour ! Voici comment faire.", isPrivate: true);

        Assert.Equal(HttpStatusCode.BadRequest, publicAnswer.StatusCode);
        await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(page.Items[0].Id), c => c.FirstResponseAt is not null);
        var call = Assert.Single(app.Platform.Calls($"/v21.0/{FakePlatform.PageId}/messages"), c => (string?)c.Body["message"]?["text"] == "Bonjour ! Voici comment faire.");
        Assert.Equal("6200000000000001", (string?)call.Body["recipient"]?["id"]);
        Assert.Equal("RESPONSE", (string?)call.Body["messaging_type"]);
    }

    [Fact]
    public async Task A_delivery_receipt_is_stored_and_ignored()
    {
        var channel = await app.CreateFacebookChannelAsync();

        await app.ReceiveMetaAsync(channel.Id, SocialDeskFactory.Fixture("meta/messenger_delivery.json"));

        using var scope = app.Services.CreateScope();
        var stored = await SocialDeskFactory.EventuallyAsync(
            () => SocialDeskFactory.Database(scope).RawEvents.AsNoTracking().SingleAsync(e => e.ChannelId == channel.Id),
            e => e.Status != RawEventStatus.Pending);
        Assert.Equal(RawEventStatus.Ignored, stored.Status);
    }

    [Fact]
    public async Task A_bad_meta_signature_is_refused()
    {
        var channel = await app.CreateFacebookChannelAsync();

        var response = await app.ReceiveMetaAsync(channel.Id, SocialDeskFactory.Fixture("meta/feed_comment_add.json"), appSecret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
