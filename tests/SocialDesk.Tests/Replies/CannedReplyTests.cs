using System.Text.Json;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Replies;

public sealed class CannedReplyTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_canned_reply_is_filled_in_for_the_conversation_in_its_language_first()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9401", "4401", "@brand ma box ne marche plus depuis ce matin, aidez-moi", DateTime.UtcNow.AddMinutes(-5), name: "Camille Martin"));
        var id = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync("/api/v1/canned-replies", new { name = "a-delay", text = "Sorry for the wait, {{customer.name}}.", language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync("/api/v1/canned-replies", new { name = "z-retard", text = "Bonjour {{ customer.name }}, {{agent.name}} de {{channel.name}} s'en occupe.", language = "fr" })).StatusCode);

        var filled = (await app.Api.GetFromJsonAsync<List<CannedReplies.FilledReply>>($"/api/v1/conversations/{id}/canned-replies", SocialDeskFactory.Json))!;

        Assert.Equal(["z-retard", "a-delay"], filled.Select(f => f.Name));
        Assert.StartsWith("Bonjour Camille Martin, ", filled[0].Text);
        Assert.DoesNotContain("{{", filled[0].Text);
    }

    [Fact]
    public async Task A_canned_reply_with_an_unknown_variable_is_refused_and_agents_cannot_write_one()
    {
        var response = await app.Api.PostAsJsonAsync("/api/v1/canned-replies", new { name = "bad", text = "Hi {{customer.email}}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{{customer.email}}", await response.Content.ReadAsStringAsync());
        var agent = await app.JoinAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PostAsJsonAsync("/api/v1/canned-replies", new { name = "mine", text = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/v1/canned-replies")).StatusCode);
    }

    [Fact]
    public async Task A_handover_carries_its_note_marked_with_the_team()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9402", "4402", "@brand I was charged twice", DateTime.UtcNow.AddMinutes(-5)));
        var id = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var team = await (await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Billing {Guid.NewGuid():N}" })).Content.ReadFromJsonAsync<JsonElement>();
        var teamId = team.GetProperty("id").GetGuid();

        var handover = await app.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { teamId, note = "Double charge on the November invoice; customer is polite." });

        Assert.Equal(HttpStatusCode.NoContent, handover.StatusCode);
        var conversation = await app.ConversationAsync(id);
        Assert.Equal(teamId, conversation.TeamId);
        var note = Assert.Single(conversation.Notes);
        Assert.Equal((teamId, "Double charge on the November invoice; customer is polite."), (note.HandoverToTeamId!.Value, note.Text));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { teamId, note = " " })).StatusCode);
    }
}
