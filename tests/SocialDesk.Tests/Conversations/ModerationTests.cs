using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Conversations;

/// <summary>Hiding and deleting a customer's public message on its platform, where the platform allows it.</summary>
public sealed class ModerationTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_facebook_comment_is_hidden_then_deleted_on_the_platform_and_marked()
    {
        var channel = await app.CreateFacebookChannelAsync();
        var comment = SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", "555_9101", StringComparison.Ordinal);
        await app.ReceiveMetaAsync(channel.Id, comment);
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var message = Assert.Single((await app.ConversationAsync(conversation)).Messages).Id;

        var hidden = await ModerateAsync(conversation, message, "hide");
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.NotNull((await hidden.Content.ReadFromJsonAsync<MessageView>(SocialDeskFactory.Json))!.HiddenAt);
        Assert.Equal(true, (bool?)Assert.Single(app.Platform.Calls("/v21.0/555_9101")).Body["is_hidden"]);

        Assert.Equal(HttpStatusCode.OK, (await ModerateAsync(conversation, message, "hide")).StatusCode);
        Assert.Single(app.Platform.Calls("/v21.0/555_9101"));

        Assert.Equal(HttpStatusCode.OK, (await ModerateAsync(conversation, message, "delete")).StatusCode);
        Assert.Contains(app.Platform.Calls("/v21.0/555_9101"), c => c.Body["deleted"] is not null);
        Assert.NotNull(Assert.Single((await app.ConversationAsync(conversation)).Messages).DeletedAt);
    }

    [Fact]
    public async Task X_hides_a_reply_but_refuses_to_delete_a_customer_s_post()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9501", "4501", "@brand this is spam spam spam", DateTime.UtcNow.AddMinutes(-2)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var message = Assert.Single((await app.ConversationAsync(conversation)).Messages).Id;

        var refused = await ModerateAsync(conversation, message, "delete");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("hide the reply instead", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await ModerateAsync(conversation, message, "hide")).StatusCode);
        Assert.Equal(true, (bool?)Assert.Single(app.Platform.Calls("/2/tweets/9501/hidden")).Body["hidden"]);
        Assert.Equal(HttpStatusCode.NotFound, (await ModerateAsync(conversation, Guid.NewGuid(), "hide")).StatusCode);
    }

    private Task<HttpResponseMessage> ModerateAsync(Guid conversation, Guid message, string action) =>
        app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/{message}/moderate", new { action });
}
