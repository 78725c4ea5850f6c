using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Tests.Ingestion;

public sealed class XWebhookTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Crc_challenge_is_answered_with_the_hmac_of_the_token()
    {
        var channel = await app.CreateXChannelAsync("crc-secret");

        var answer = await app.CreateClient().GetFromJsonAsync<Dictionary<string, string>>($"/webhooks/x/{channel.Id}?crc_token=challenge-123");

        Assert.Equal(WebhookSignature.Base64("crc-secret", Encoding.UTF8.GetBytes("challenge-123")), answer!["response_token"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("%7B%22for_user_id%22%3A%222244994945%22%7D")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_crc_token_not_of_xs_shape_is_refused_with_400_and_nothing_is_signed(string token)
    {
        var channel = await app.CreateXChannelAsync("crc-secret");

        var answer = await app.CreateClient().GetAsync($"/webhooks/x/{channel.Id}?crc_token={token}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("response_token", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cannot_be_signed_through_the_crc_endpoint_and_then_delivered()
    {
        var channel = await app.CreateXChannelAsync("crc-secret");
        var forged = XPayloads.Tweet("7700000000000000001", "7701", "@TwitterDev forged", DateTime.UtcNow);
        using var client = app.CreateClient();

        var crc = await client.GetAsync($"/webhooks/x/{channel.Id}?crc_token={Uri.EscapeDataString(forged)}");
        var signature = crc.IsSuccessStatusCode ? (await crc.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["response_token"] : "none";
        var delivered = await app.ReceiveXAsync(channel.Id, forged, signature: signature);

        Assert.Equal(HttpStatusCode.BadRequest, crc.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delivered.StatusCode);
    }

    [Fact]
    public async Task Recorded_mention_becomes_an_open_public_conversation_with_its_author()
    {
        var channel = await app.CreateXChannelAsync();

        var response = await app.ReceiveXAsync(channel.Id, SocialDeskFactory.Fixture("x/tweet_create_mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var conversation = await app.ConversationAsync(page.Items[0].Id);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.False(conversation.Private);
        var message = Assert.Single(conversation.Messages);
        Assert.Equal("1860000000000000001", message.PlatformMessageId);
        Assert.Equal(MessageDirection.Inbound, message.Direction);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 15, 4, DateTimeKind.Utc), message.PlatformTime);
        Assert.Equal("jane_customer", message.Author!.Handle);
        Assert.Equal(1250, message.Author.Followers);
        Assert.Contains(conversation.Contact.Identities, i => i.Platform == "x" && i.PlatformUserId == "3001");
    }

    [Fact]
    public async Task Recorded_direct_message_becomes_a_private_conversation()
    {
        var channel = await app.CreateXChannelAsync();

        await app.ReceiveXAsync(channel.Id, SocialDeskFactory.Fixture("x/direct_message.json"));

        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var conversation = await app.ConversationAsync(page.Items[0].Id);
        Assert.True(conversation.Private);
        Assert.Equal("Jane Customer", conversation.Contact.DisplayName);
        Assert.True(Assert.Single(conversation.Messages).Private);
    }

    [Fact]
    public async Task The_same_delivery_twice_is_stored_once()
    {
        var channel = await app.CreateXChannelAsync();
        var body = XPayloads.Tweet("5001", "4001", "@TwitterDev hello?", DateTime.UtcNow);

        var first = await app.ReceiveXAsync(channel.Id, body);
        var second = await app.ReceiveXAsync(channel.Id, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        Assert.Equal(1, await db.RawEvents.CountAsync(e => e.ChannelId == channel.Id));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ChannelId == channel.Id));
    }

    [Fact]
    public async Task The_same_tweet_in_two_different_deliveries_is_one_message()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow;
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("5101", "4101", "@TwitterDev once", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("5101", "4101", "@TwitterDev once", at, followers: 101));

        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");

        using var scope = app.Services.CreateScope();
        await SocialDeskFactory.EventuallyAsync(() => SocialDeskFactory.Database(scope).RawEvents.CountAsync(e => e.ChannelId == channel.Id && e.Status == RawEventStatus.Pending), n => n == 0);
        Assert.Single((await app.ConversationAsync(page.Items[0].Id)).Messages);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_and_nothing_is_stored()
    {
        var channel = await app.CreateXChannelAsync();
        var body = XPayloads.Tweet("5201", "4201", "@TwitterDev forged", DateTime.UtcNow);

        var wrongSecret = await app.ReceiveXAsync(channel.Id, body, consumerSecret: "not-the-secret");
        var missing = await app.ReceiveXAsync(channel.Id, body, signature: "");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.False(await SocialDeskFactory.Database(scope).RawEvents.AnyAsync(e => e.ChannelId == channel.Id));
    }

    [Fact]
    public async Task An_unknown_channel_answers_404_with_a_problem()
    {
        var response = await app.ReceiveXAsync(Guid.NewGuid(), "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_payload_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var channel = await app.CreateXChannelAsync();
        var huge = XPayloads.Tweet("5301", "4301", new string('a', WebhookReception.MaxBodyBytes), DateTime.UtcNow);

        var response = await app.ReceiveXAsync(channel.Id, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.False(await SocialDeskFactory.Database(scope).RawEvents.AnyAsync(e => e.ChannelId == channel.Id));
    }

    [Theory]
    [InlineData("{\"for_user_id\": \"2244994945\", \"tweet_create_events\": [{\"id_str\": ", "not valid JSON")]
    [InlineData("[1, 2, 3]", "must be a JSON object")]
    [InlineData("{\"for_user_id\": \"2244994945\", \"tweet_create_events\": {\"id_str\": \"1\"}}", "'$.tweet_create_events' must be an array")]
    [InlineData("{\"for_user_id\": \"2244994945\", \"tweet_create_events\": [{\"id_str\": \"77\", \"text\": 42, \"created_at\": \"Mon Nov 23 09:15:04 +0000 2026\", \"user\": {\"id_str\": \"1\"}}]}", "'$.tweet_create_events[0].text' must be a string")]
    [InlineData("{\"for_user_id\": \"2244994945\", \"tweet_create_events\": [{\"id_str\": \"78\", \"text\": \"hi\", \"created_at\": \"yesterday\", \"user\": {\"id_str\": \"1\"}}]}", "created_at' is not a date")]
    [InlineData("{\"for_user_id\": \"999\", \"tweet_create_events\": []}", "this channel is account 2244994945")]
    public async Task A_signed_body_that_cannot_be_understood_is_kept_as_failed_with_its_reason(string body, string reason)
    {
        var channel = await app.CreateXChannelAsync();

        var response = await app.ReceiveXAsync(channel.Id, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await SocialDeskFactory.EventuallyAsync(
            () => app.Api.GetFromJsonAsync<IngestionEndpoints.RawEventPage>("/api/v1/raw-events?status=failed&pageSize=200", SocialDeskFactory.Json),
            page => page!.Items.Any(e => e.ChannelId == channel.Id));
        var kept = Assert.Single(failed!.Items, e => e.ChannelId == channel.Id);
        Assert.Equal(body, kept.Body);
        Assert.Contains(reason, kept.Error);
    }

    [Fact]
    public async Task A_failed_event_is_processed_when_retried_after_the_channel_is_fixed()
    {
        var channel = await app.CreateXChannelAsync();
        await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { settings = new { accountId = "1111" } });
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("5401", "4401", "@TwitterDev is anyone there?", DateTime.UtcNow));
        var failed = await SocialDeskFactory.EventuallyAsync(
            () => app.Api.GetFromJsonAsync<IngestionEndpoints.RawEventPage>("/api/v1/raw-events?status=failed&pageSize=200", SocialDeskFactory.Json),
            page => page!.Items.Any(e => e.ChannelId == channel.Id));
        var id = failed!.Items.Single(e => e.ChannelId == channel.Id).Id;

        var fixedChannel = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { settings = new { accountId = FakePlatform.XAccountId } });
        var retry = await app.Api.PostAsync($"/api/v1/raw-events/{id}/retry", null);

        Assert.Equal(HttpStatusCode.OK, fixedChannel.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        Assert.Equal("@TwitterDev is anyone there?", page.Items[0].LastMessage);
        using var scope = app.Services.CreateScope();

        // The pipeline writes an event's messages first and marks it after: the conversation can show a moment before.
        var processed = await SocialDeskFactory.EventuallyAsync(
            () => SocialDeskFactory.Database(scope).RawEvents.AsNoTracking().SingleAsync(e => e.Id == id), e => e.Status != RawEventStatus.Pending);
        Assert.Equal(RawEventStatus.Processed, processed.Status);
        Assert.Equal(2, processed.Attempts);
    }

    [Fact]
    public async Task A_processed_event_is_not_retried()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("5501", "4501", "@TwitterDev hi", DateTime.UtcNow));
        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        using var scope = app.Services.CreateScope();
        var id = await SocialDeskFactory.EventuallyAsync(
            () => SocialDeskFactory.Database(scope).RawEvents.AsNoTracking().Where(e => e.ChannelId == channel.Id && e.Status == RawEventStatus.Processed).Select(e => e.Id).FirstOrDefaultAsync(),
            found => found != 0);

        var retry = await app.Api.PostAsync($"/api/v1/raw-events/{id}/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task Event_types_the_desk_does_not_handle_are_stored_and_ignored()
    {
        var channel = await app.CreateXChannelAsync();

        await app.ReceiveXAsync(channel.Id, SocialDeskFactory.Fixture("x/favorite_events.json"));

        using var scope = app.Services.CreateScope();
        var stored = await SocialDeskFactory.EventuallyAsync(
            () => SocialDeskFactory.Database(scope).RawEvents.AsNoTracking().SingleAsync(e => e.ChannelId == channel.Id),
            e => e.Status != RawEventStatus.Pending);
        Assert.Equal(RawEventStatus.Ignored, stored.Status);
        Assert.Contains("favorite_events", stored.Error);
    }
}
