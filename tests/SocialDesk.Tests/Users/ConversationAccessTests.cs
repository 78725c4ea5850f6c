using System.Text.Json;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Users;

/// <summary>Who sees which conversations of the workspace: agents their own and their teams', community managers the public ones.</summary>
public sealed class ConversationAccessTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private async Task<(Guid Public, Guid Private, Guid Channel)> PublicAndPrivateConversationsAsync()
    {
        var channel = await app.CreateXChannelAsync();
        var at = DateTime.UtcNow.AddMinutes(-5);
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet($"p-{Guid.NewGuid():N}", $"pub-{Guid.NewGuid():N}", "@brand public question", at));
        await app.ReceiveXAsync(channel.Id, XPayloads.DirectMessage($"d-{Guid.NewGuid():N}", $"dm-{Guid.NewGuid():N}", FakePlatform.XAccountId, "private question", at));
        var page = await app.WaitForConversationsAsync(2, $"?channel={channel.Id}");
        return (page.Items.Single(c => !c.Private).Id, page.Items.Single(c => c.Private).Id, channel.Id);
    }

    private static async Task<List<Guid>> VisibleAsync(HttpClient client, Guid channel) =>
        [.. (await client.GetFromJsonAsync<ConversationPage>($"/api/v1/conversations?channel={channel}", SocialDeskFactory.Json))!.Items.Select(c => c.Id)];

    [Fact]
    public async Task An_agent_sees_the_conversations_assigned_to_them_and_those_of_their_teams_only()
    {
        var (publicId, privateId, channel) = await PublicAndPrivateConversationsAsync();
        var agent = await app.JoinAsync(Roles.Agent);
        Assert.Empty(await VisibleAsync(agent.Client, channel));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"/api/v1/conversations/{publicId}")).StatusCode);

        (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{publicId}/assign", new { assigneeId = agent.UserId })).EnsureSuccessStatusCode();
        var team = (await (await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Care {Guid.NewGuid():N}" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await app.Api.PutAsync($"/api/v1/teams/{team}/members/{agent.UserId}", null)).EnsureSuccessStatusCode();
        (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{privateId}/assign", new { assigneeId = (Guid?)null, teamId = team })).EnsureSuccessStatusCode();

        Assert.Equal(new[] { publicId, privateId }.Order(), (await VisibleAsync(agent.Client, channel)).Order());
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync($"/api/v1/conversations/{privateId}")).StatusCode);
    }

    [Fact]
    public async Task A_community_manager_sees_public_conversations_and_not_direct_messages()
    {
        var (publicId, privateId, channel) = await PublicAndPrivateConversationsAsync();
        var manager = await app.JoinAsync(Roles.CommunityManager);

        Assert.Equal([publicId], await VisibleAsync(manager.Client, channel));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsJsonAsync($"/api/v1/conversations/{privateId}/replies", new { text = "hello", @private = true })).StatusCode);
    }

    [Fact]
    public async Task An_analyst_reads_reports_and_no_conversation()
    {
        var (publicId, _, _) = await PublicAndPrivateConversationsAsync();
        var analyst = await app.JoinAsync(Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync("/api/v1/reports/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.GetAsync($"/api/v1/conversations/{publicId}")).StatusCode);
    }
}
