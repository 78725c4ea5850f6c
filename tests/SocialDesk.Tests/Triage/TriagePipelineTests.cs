using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Triage;

public sealed class TriagePipelineTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Every_inbound_message_is_stored_with_its_triage_and_the_api_returns_it()
    {
        var channel = await app.CreateXChannelAsync();

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("t-1", "u-1", "@TwitterDev ça fait 45 minutes que j'attends au téléphone, coupure de courant depuis ce matin !", DateTime.UtcNow.AddMinutes(-5)));

        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var message = Assert.Single((await app.ConversationAsync(page.Items[0].Id)).Messages);
        var triage = message.Triage!;
        Assert.Equal("fr", triage.Language);
        Assert.Equal("negative", triage.Sentiment);
        Assert.True(triage.Actionable);
        Assert.Contains("outage", triage.Topics);
        Assert.Equal(45, triage.WaitMinutes);
        Assert.Contains("phone", triage.Channels);
        Assert.InRange(triage.Urgency, 1, 100);
        Assert.Equal("fr", page.Items[0].Triage!.Language);
    }

    [Fact]
    public async Task The_brands_own_messages_are_not_triaged()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddMinutes(-10);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("t-10", "u-10", "@TwitterDev my bill is wrong", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("t-11", FakePlatform.XAccountId, "@useru-10 Sorry, let's fix it", at.AddMinutes(1), inReplyTo: "t-10"));

        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var conversation = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(page.Items[0].Id), c => c.Messages.Count == 2);

        Assert.Null(conversation.Messages.Single(m => m.Direction == MessageDirection.Outbound).Triage);
        Assert.NotNull(conversation.Messages.Single(m => m.Direction == MessageDirection.Inbound).Triage);
    }

    [Fact]
    public async Task Conversations_are_filtered_by_actionable_sentiment_intent_topic_and_language()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddMinutes(-30);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("f-1", "fu-1", "@TwitterDev I was charged twice on my bill this month, this is unacceptable", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("f-2", "fu-2", "@TwitterDev merci beaucoup, votre technicien était génial !", at));
        await app.WaitForConversationsAsync(2, $"?channel={channel.Id}");

        async Task<string[]> Authors(string filter) =>
            [.. (await app.ConversationsAsync($"?channel={channel.Id}&{filter}")).Items.Select(c => c.ContactName)];

        Assert.Equal(["User fu-1"], await Authors("actionable=true"));
        Assert.Equal(["User fu-2"], await Authors("actionable=false"));
        Assert.Equal(["User fu-1"], await Authors("sentiment=negative"));
        Assert.Equal(["User fu-2"], await Authors("intent=praise"));
        Assert.Equal(["User fu-1"], await Authors("topic=billing"));
        Assert.Equal(["User fu-2"], await Authors("language=FR"));
        Assert.Empty(await Authors("topic=delivery"));
    }
}
