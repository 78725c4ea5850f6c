using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>
/// The server with a wall clock the test sets, so that resolutions and agents' replies happen at exact times; and the
/// actions such tests are written in. Messages carry their own times, so every figure is known in advance. The SLA and
/// routing workers make their passes when a test asks (their own timers wait a day), so a pass never sees a clock a test has left behind;
/// so does the search indexer, so a test knows which messages are indexed and which are read directly.
/// </summary>
public class ClockedApp : SocialDeskFactory
{

    public WallClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sla:Interval", "1.00:00:00");
        builder.UseSetting("Routing:Interval", "1.00:00:00");
        builder.UseSetting("Reports:RollupInterval", "1.00:00:00");
        builder.UseSetting("Search:Interval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public static DateTime At(string utc) => DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    /// <summary>A customer's message; its author's name is its author's id.</summary>
    public static object Customer(Guid channelId, string id, string author, DateTime at, string? replyTo = null, string? text = null) => new
    {
        channelId,
        platformMessageId = id,
        replyToPlatformMessageId = replyTo,
        author = new { id = author, handle = author, name = author },
        text = text ?? $"customer message {id}",
        createdAt = new DateTimeOffset(at),
        direction = "inbound",
    };

    /// <summary>A reply the brand posted on the platform itself, outside SocialDesk.</summary>
    public static object Brand(Guid channelId, string id, string replyTo, DateTime at) => new
    {
        channelId,
        platformMessageId = id,
        replyToPlatformMessageId = replyTo,
        author = new { id = "brand" },
        text = $"brand reply {id}",
        createdAt = new DateTimeOffset(at),
        direction = "outbound",
    };

    /// <summary>Sends messages through the ingestion API, in order, and waits until the pipeline has processed them.</summary>
    public async Task SendAsync(params object[] messages)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/messages", new { messages });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await EventuallyAsync(
            async () => (await Api.GetFromJsonAsync<JsonElement>("/api/v1/raw-events?status=pending&pageSize=1")).GetProperty("total").GetInt32(),
            pending => pending == 0);
    }

    /// <summary>The conversation of a customer on a channel (one conversation per customer in these tests).</summary>
    public async Task<Guid> ConversationOfAsync(Guid channelId, string customer) =>
        (await ConversationsAsync($"?channel={channelId}&pageSize=200")).Items.Single(c => c.ContactName == customer).Id;

    public async Task ResolveAsync(Guid conversationId, DateTime at)
    {
        Clock.Set(at);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync($"/api/v1/conversations/{conversationId}/resolve", null)).StatusCode);
    }

    /// <summary>An agent's reply through SocialDesk, confirmed by the (fake) platform at <paramref name="at"/>.</summary>
    public async Task AgentReplyAsync(Guid conversationId, DateTime at)
    {
        Clock.Set(at);
        var accepted = await ReplyAsync(conversationId, "We are on it.");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var reply = (await accepted.Content.ReadFromJsonAsync<MessageView>(Json))!.Id;
        await EventuallyAsync(() => ConversationAsync(conversationId), c => c.Messages.Any(m => m.Id == reply && m.Delivery!.State == DeliveryState.Sent));
    }

    /// <summary>A team of the workspace, made through the API; a name of its own unless given one.</summary>
    public async Task<Guid> CreateTeamAsync(string? name = null)
    {
        var created = await Api.PostAsJsonAsync("/api/v1/teams", new { name = name ?? $"Team {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>An SLA policy of the workspace, made through the API (which must answer 201).</summary>
    public async Task CreatePolicyAsync(object policy) =>
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsJsonAsync("/api/v1/sla/policies", policy)).StatusCode);
}
