using System.Text.Json;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Replies;

/// <summary>A reply written on an out-of-date view is refused with 409 and what changed, unless confirmed.</summary>
public sealed class CollisionTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_reply_after_an_unseen_customer_message_or_colleague_reply_is_refused_with_what_changed_unless_confirmed()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddMinutes(-10);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9301", "4301", "@brand my router is dead", at));
        var id = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var first = Assert.Single((await app.ConversationAsync(id)).Messages).Id;

        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(app.Api, id, first)).StatusCode);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9302", "4301", "@brand hello? still dead", at.AddMinutes(1), inReplyTo: "9301"));
        var customer = (await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(id), c => c.Messages.Count(m => m.PlatformMessageId == "9302") == 1))
            .Messages.Single(m => m.PlatformMessageId == "9302").Id;

        var refused = await ReplyAsync(app.Api, id, first);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var changes = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes");
        Assert.Equal(customer, Assert.Single(changes.EnumerateArray()).GetProperty("id").GetGuid());

        var supervisor = await app.JoinAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(supervisor.Client, id, customer, confirm: true)).StatusCode);
        var colleague = await ReplyAsync(app.Api, id, customer);
        Assert.Equal(HttpStatusCode.Conflict, colleague.StatusCode);
        var reply = Assert.Single((await colleague.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray());
        Assert.Equal(supervisor.UserId, reply.GetProperty("agentId").GetGuid());

        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(app.Api, id, customer, confirm: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReplyAsync(app.Api, id, Guid.NewGuid())).StatusCode);
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, Guid conversation, Guid lastSeen, bool confirm = false) =>
        client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/replies", new { text = $"On it ({Guid.NewGuid():N})", lastSeenMessageId = lastSeen, confirm });
}
