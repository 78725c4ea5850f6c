using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Live;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Live;

/// <summary>The SignalR hub: a workspace's members hear its conversation changes and presence, and another workspace hears nothing.</summary>
public sealed class WorkspaceHubTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_new_message_and_presence_reach_the_workspace_and_no_other()
    {
        var channel = await app.CreateXChannelAsync();
        await using var mine = await ConnectAsync(SocialDeskFactory.Token);
        var other = await app.OtherWorkspaceAdminAsync();
        var otherToken = await (await other.Client.PostAsJsonAsync("/api/v1/tokens", new { name = "hub" })).Content.ReadFromJsonAsync<TokenEndpoints.TokenCreated>(SocialDeskFactory.Json);
        await using var stranger = await ConnectAsync(otherToken!.Secret);
        var heard = Listen<Guid[]>(mine, "conversationsChanged");
        var strangerHeard = Listen<Guid[]>(stranger, "conversationsChanged");
        var presence = Channel.CreateUnbounded<(Guid Conversation, Guid[] Viewers, Guid[] Typists)>();
        mine.On<Guid, Guid[], Guid[]>("presence", (conversation, viewers, typists) => presence.Writer.TryWrite((conversation, viewers, typists)));

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9200", "4200", "@brand still no refund", DateTime.UtcNow.AddMinutes(-1)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await heard.ReadAsync(deadline.Token)).Contains(conversation))
        {
        }

        await mine.InvokeAsync("Typing", conversation, deadline.Token);
        var (on, viewers, typists) = await presence.Reader.ReadAsync(deadline.Token);
        Assert.Equal(conversation, on);
        Assert.Single(viewers);
        Assert.Equal(viewers, typists);

        Assert.False(strangerHeard.TryRead(out _));
    }

    [Fact]
    public async Task Viewing_a_conversation_the_member_may_not_read_is_refused_and_announced_to_no_one()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9300", "4300", "@brand unassigned", DateTime.UtcNow.AddMinutes(-1)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var agent = await app.JoinAsync(Roles.Agent);
        await using var agentConnection = await ConnectAsync(cookie: await SessionCookieAsync(agent.Email));

        var refused = await Assert.ThrowsAsync<HubException>(() => agentConnection.InvokeAsync("Viewing", conversation));

        Assert.Contains($"no conversation {conversation} you may read", refused.Message, StringComparison.Ordinal);
        var workspaceId = (await app.Api.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!.WorkspaceId;
        Assert.Empty(app.Services.GetRequiredService<Presence>().On(workspaceId, conversation).Viewers);
    }

    [Fact]
    public async Task A_member_demoted_while_connected_is_refused_what_the_new_role_does_not_read()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9400", "4400", "@brand for supervisors", DateTime.UtcNow.AddMinutes(-1)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        var supervisor = await app.JoinAsync(Roles.Supervisor);
        await using var connection = await ConnectAsync(cookie: await SessionCookieAsync(supervisor.Email));
        await connection.InvokeAsync("Viewing", conversation);

        (await app.Api.PatchAsJsonAsync($"/api/v1/members/{supervisor.UserId}", new { role = Roles.Agent })).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Typing", conversation));
    }

    [Fact]
    public async Task Presence_updates_over_a_connections_allowance_are_refused()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9500", "4500", "@brand busy", DateTime.UtcNow.AddMinutes(-1)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0].Id;
        await using var connection = await ConnectAsync(SocialDeskFactory.Token);

        var refusals = 0;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await connection.InvokeAsync(i % 2 == 0 ? "Typing" : "Viewing", conversation);
            }
            catch (HubException e) when (e.Message.Contains("Too many presence updates", StringComparison.Ordinal))
            {
                refusals++;
            }
        }

        Assert.True(refusals > 0, "100 updates in a row were all announced.");
    }

    /// <summary>The session cookie of a member's sign-in, for a connection of their own.</summary>
    private async Task<string> SessionCookieAsync(string email)
    {
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SocialDeskFactory.MemberPassword });
        return string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<HubConnection> ConnectAsync(string? token = null, string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, WorkspaceHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.Headers["Authorization"] = $"Bearer {token}";
                }

                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static ChannelReader<T> Listen<T>(HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(method, value => channel.Writer.TryWrite(value));
        return channel.Reader;
    }
}
