using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SocialDesk.Features.Live;
using SocialDesk.Features.Users;

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

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, WorkspaceHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Authorization"] = $"Bearer {token}";
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
