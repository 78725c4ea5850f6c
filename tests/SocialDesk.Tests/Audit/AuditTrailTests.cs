using System.Text.Json;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;
using SocialDesk.Tests.Reporting;

namespace SocialDesk.Tests.Audit;

/// <summary>What the audit trail records of the changes made through the API, and what it leaves out.</summary>
public sealed class AuditTrailTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private async Task<Guid> ConversationAsync(string customer)
    {
        var channel = await app.CreateXChannelAsync();
        await app.SendAsync(ReportingApp.Customer(channel.Id, $"{customer}-1", customer, ReportingApp.At("2024-04-01T10:00:00Z")));
        return await app.ConversationOfAsync(channel.Id, customer);
    }

    private async Task<AuditEndpoints.AuditEntryView> OnlyEntryAsync(string action, Guid entityId) =>
        Assert.Single((await app.AuditAsync($"?action={action}&entityId={entityId}")).Items);

    private static IEnumerable<string?> Withheld(JsonElement? values) => values!.Value.GetProperty("withheld").EnumerateArray().Select(name => name.GetString());

    [Fact]
    public async Task Assigning_a_conversation_records_who_assigned_and_the_assignee_before_and_after()
    {
        var conversation = await ConversationAsync("audit-assign");
        var admin = (await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/assign", new { assigneeId = admin })).StatusCode);

        var entry = await OnlyEntryAsync("conversation.assign", conversation);
        Assert.Equal("conversation", entry.EntityType);
        Assert.Equal(admin, entry.ActorUserId);
        Assert.NotNull(entry.ActorTokenId);
        Assert.Equal(JsonValueKind.Null, entry.Before!.Value.GetProperty("assigneeId").ValueKind);
        Assert.Equal(admin, entry.After!.Value.GetProperty("assigneeId").GetGuid());
    }

    [Fact]
    public async Task An_entry_records_the_address_the_change_came_from()
    {
        var name = $"Team from afar {Guid.NewGuid():N}";
        using var remote = new HttpClient(app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7")))
        {
            BaseAddress = app.Server.BaseAddress,
        };
        remote.DefaultRequestHeaders.Authorization = new("Bearer", SocialDeskFactory.Token);

        Assert.Equal(HttpStatusCode.Created, (await remote.PostAsJsonAsync("/api/v1/teams", new { name })).StatusCode);

        var entry = (await app.AuditAsync("?action=team.create")).Items.First(e => e.After!.Value.GetProperty("name").GetString() == name);
        Assert.Equal("203.0.113.7", entry.ActorAddress);
    }

    [Fact]
    public async Task A_reply_is_recorded_with_its_conversation_but_without_its_text()
    {
        var conversation = await ConversationAsync("audit-reply");

        var reply = await (await app.ReplyAsync(conversation, "Sorry for the wait, we refund you today")).Content.ReadFromJsonAsync<MessageView>(SocialDeskFactory.Json);

        var entry = await OnlyEntryAsync("reply.create", reply!.Id);
        Assert.Equal("message", entry.EntityType);
        Assert.Null(entry.Before);
        Assert.Equal(conversation, entry.After!.Value.GetProperty("conversationId").GetGuid());
        Assert.Equal(["text"], Withheld(entry.After));
        Assert.DoesNotContain("refund", entry.After.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sender_confirming_a_reply_records_nothing()
    {
        var conversation = await ConversationAsync("audit-sender");
        var reply = await (await app.ReplyAsync(conversation, "On it.")).Content.ReadFromJsonAsync<MessageView>(SocialDeskFactory.Json);

        await SocialDeskFactory.EventuallyAsync(() => app.ConversationAsync(conversation), c => c.Messages.Any(m => m.Delivery?.State == DeliveryState.Sent));

        Assert.Equal(["reply.create"], (await app.AuditAsync($"?entityId={reply!.Id}")).Items.Select(e => e.Action));
    }

    [Fact]
    public async Task Resolving_a_conversation_records_the_status_before_and_after()
    {
        var conversation = await ConversationAsync("audit-resolve");

        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{conversation}/resolve", null)).StatusCode);

        var entry = await OnlyEntryAsync("conversation.resolve", conversation);
        Assert.Equal("open", entry.Before!.Value.GetProperty("status").GetString());
        Assert.Equal("resolved", entry.After!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_channel_update_records_which_secrets_changed_but_never_their_values()
    {
        var channel = await app.CreateXChannelAsync("first-consumer-secret");

        var updated = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { name = "@Renamed", settings = new { consumerSecret = "second-consumer-secret" } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var entry = await OnlyEntryAsync("channel.update", channel.Id);
        Assert.Equal("@TwitterDev", entry.Before!.Value.GetProperty("name").GetString());
        Assert.Equal("@Renamed", entry.After!.Value.GetProperty("name").GetString());
        Assert.Equal(["secrets.consumerSecret"], Withheld(entry.After));
        var everything = JsonSerializer.Serialize((await app.AuditAsync($"?entityId={channel.Id}")).Items);
        Assert.DoesNotContain("consumer-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("x-access-token", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_and_revoking_a_token_are_recorded_without_its_secret_or_hash()
    {
        var created = await app.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "audited integration", scopes = new[] { Permissions.ReportsRead } });
        var token = (await created.Content.ReadFromJsonAsync<TokenEndpoints.TokenCreated>(SocialDeskFactory.Json))!;

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.DeleteAsync($"/api/v1/tokens/{token.Token.Id}")).StatusCode);

        var entries = (await app.AuditAsync($"?entityType=token&entityId={token.Token.Id}")).Items;
        Assert.Equal(["token.revoke", "token.create"], entries.Select(e => e.Action));
        Assert.Equal(["tokenHash"], Withheld(entries[1].After));
        var everything = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain(token.Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokenAuthentication.Hash(token.Secret), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_a_token_records_nothing()
    {
        var created = await app.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "reporting", scopes = new[] { Permissions.ReportsRead } });
        var token = (await created.Content.ReadFromJsonAsync<TokenEndpoints.TokenCreated>(SocialDeskFactory.Json))!;
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/overview")).StatusCode);

        Assert.Equal(["token.create"], (await app.AuditAsync($"?entityId={token.Token.Id}")).Items.Select(e => e.Action));
    }

    [Fact]
    public async Task A_role_change_records_the_role_before_and_after()
    {
        var agent = await app.JoinAsync(Roles.Agent);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PatchAsJsonAsync($"/api/v1/members/{agent.UserId}", new { role = Roles.Supervisor })).StatusCode);

        var entry = await OnlyEntryAsync("member.role", agent.UserId);
        Assert.Equal("member", entry.EntityType);
        Assert.Equal(Roles.Agent, entry.Before!.Value.GetProperty("role").GetString());
        Assert.Equal(Roles.Supervisor, entry.After!.Value.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Accepting_an_invitation_is_recorded_with_the_new_member_and_no_signed_in_actor()
    {
        var agent = await app.JoinAsync(Roles.Agent);

        var joined = await OnlyEntryAsync("member.add", agent.UserId);
        Assert.Null(joined.ActorUserId);
        Assert.Equal(Roles.Agent, joined.After!.Value.GetProperty("role").GetString());
        Assert.Contains((await app.AuditAsync("?action=invitation.accept")).Items, e => e.At == joined.At);
    }

    [Fact]
    public async Task Removing_a_member_from_a_team_is_recorded()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var team = (await (await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Billing {Guid.NewGuid():N}" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PutAsync($"/api/v1/teams/{team}/members/{agent.UserId}", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.DeleteAsync($"/api/v1/teams/{team}/members/{agent.UserId}")).StatusCode);

        var entries = (await app.AuditAsync($"?entityType=team&entityId={team}")).Items;
        Assert.Equal(["team.member-remove", "team.member-add", "team.create"], entries.Select(e => e.Action));
        Assert.Equal(agent.UserId, entries[0].Before!.Value.GetProperty("userId").GetGuid());
    }
}
