using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Reporting;

namespace SocialDesk.Tests.Conversations;

public sealed class ThreadingTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_reply_joins_the_conversation_of_the_message_it_answers()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddHours(-3);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8001", "9001", "@TwitterDev first", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8002", FakePlatform.XAccountId, "@user9001 answer", at.AddMinutes(1), inReplyTo: "8001"));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8003", "9002", "@TwitterDev @user9001 same here", at.AddMinutes(2), inReplyTo: "8002"));

        var conversation = await SocialDeskFactory.EventuallyAsync(async () => await app.ConversationsAsync($"?channel={channel.Id}"), p => p.Items.Count == 1 && p.Items[0].LastMessage!.Contains("same here"));

        Assert.Equal(3, (await app.ConversationAsync(conversation.Items[0].Id)).Messages.Count);
    }

    [Fact]
    public async Task A_new_mention_joins_the_authors_open_conversation_within_the_window_and_starts_a_new_one_after()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddDays(-3);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8101", "9101", "@TwitterDev one", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8102", "9101", "@TwitterDev two, an hour later", at.AddHours(1)));
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8103", "9101", "@TwitterDev three, two days later", at.AddDays(2)));

        var page = await SocialDeskFactory.EventuallyAsync(() => app.ConversationsAsync($"?channel={channel.Id}"), p => p.Total == 2 && p.Items.Any(c => c.LastMessage!.Contains("three")));

        Assert.Equal(2, (await app.ConversationAsync(page.Items.Single(c => c.LastMessage!.Contains("an hour later")).Id)).Messages.Count);
    }

    [Fact]
    public async Task A_direct_message_joins_the_contacts_open_private_conversation()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddDays(-5);
        await app.ReceiveXAsync(channel.Id, XPayloads.DirectMessage("8201", "9201", FakePlatform.XAccountId, "hello", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.DirectMessage("8202", "9201", FakePlatform.XAccountId, "anyone? three days later", at.AddDays(3)));

        var page = await SocialDeskFactory.EventuallyAsync(() => app.ConversationsAsync($"?channel={channel.Id}"), p => p.Items.Count == 1 && p.Items[0].LastMessage!.Contains("anyone"));

        Assert.Equal(2, (await app.ConversationAsync(page.Items[0].Id)).Messages.Count);
    }

    [Fact]
    public async Task A_customer_reply_to_a_resolved_conversation_reopens_it()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddMinutes(-30);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8301", "9301", "@TwitterDev broken", at));
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var id = page.Items[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{id}/resolve", null)).StatusCode);

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("8302", "9301", "@TwitterDev still broken", at.AddMinutes(20), inReplyTo: "8301"));

        var reopened = await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(id), c => c.Status == ConversationStatus.Open);
        Assert.Equal(1, reopened.ReopenCount);
        using var scope = app.Services.CreateScope();
        var names = await SocialDeskFactory.Database(scope).ReportingEvents.Where(e => e.ConversationId == id).OrderBy(e => e.Id).Select(e => e.Name).ToListAsync();
        Assert.Equal(
            [ReportingEventNames.MessageReceived, ReportingEventNames.Resolved, ReportingEventNames.Reopened, ReportingEventNames.MessageReceived],
            names);
    }
}
