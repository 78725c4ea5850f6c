using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Tests.Conversations;

public sealed class ConversationApiTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private static object Message(Guid channelId, string id, string text, string author = "c-1", string? replyTo = null, string direction = "inbound") => new
    {
        channelId,
        platformMessageId = id,
        replyToPlatformMessageId = replyTo,
        author = new { id = author, handle = author, name = $"Customer {author}" },
        text,
        createdAt = DateTimeOffset.UtcNow.AddMinutes(-10),
        direction,
    };

    [Theory]
    [InlineData("/api/v1/conversations")]
    [InlineData("/api/v1/raw-events")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/notifications")]
    public async Task A_page_beyond_every_row_is_an_empty_page_not_an_overflow(string list)
    {
        var response = await app.Api.GetAsync($"{list}?page={int.MaxValue}&pageSize=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(0, (page.ValueKind == System.Text.Json.JsonValueKind.Array ? page : page.GetProperty("items")).GetArrayLength());
    }

    [Fact]
    public async Task A_batch_of_messages_is_stored_with_its_valid_messages_and_each_invalid_one_explained()
    {
        var channel = await app.CreateXChannelAsync();

        var response = await app.Api.PostAsJsonAsync("/api/v1/messages", new
        {
            messages = new object[]
            {
                Message(channel.Id, "api-1", "hello from the shop's chat"),
                new { channelId = channel.Id, platformMessageId = "api-2", text = 12, author = new { id = "c-2" }, createdAt = DateTimeOffset.UtcNow },
                Message(Guid.NewGuid(), "api-3", "wrong channel"),
            },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<IngestionEndpoints.MessagesAccepted>(SocialDeskFactory.Json);
        Assert.Equal(1, accepted!.Accepted);
        Assert.Equal([1, 2], accepted.Rejected.Select(r => r.Index));
        Assert.Contains("not a channel of this workspace", accepted.Rejected[1].Errors[0], StringComparison.Ordinal);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        Assert.Equal("hello from the shop's chat", page.Items[0].LastMessage);
    }

    [Fact]
    public async Task A_batch_with_no_valid_message_is_refused()
    {
        var response = await app.Api.PostAsJsonAsync("/api/v1/messages", new { messages = new object[] { new { text = "no channel" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rejected", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversations_are_assigned_noted_resolved_reopened_and_filtered()
    {
        var channel = await app.CreateXChannelAsync();
        await app.Api.PostAsJsonAsync("/api/v1/messages", new { messages = new[] { Message(channel.Id, "w-1", "first", "w-a"), Message(channel.Id, "w-2", "second", "w-b") } });
        var page = await app.WaitForConversationsAsync(2, $"?channel={channel.Id}");
        var (first, second) = (page.Items[0].Id, page.Items[1].Id);
        using var scope = app.Services.CreateScope();
        var admin = await SocialDeskFactory.Database(scope).Users.Select(u => u.Id).FirstAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{first}/assign", new { assigneeId = admin })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{first}/assign", new { assigneeId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{first}/notes", new { text = "VIP customer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{second}/resolve", null)).StatusCode);

        Assert.Equal([first], (await app.ConversationsAsync($"?channel={channel.Id}&assignee=me")).Items.Select(c => c.Id));
        Assert.Equal([second], (await app.ConversationsAsync($"?channel={channel.Id}&assignee=none")).Items.Select(c => c.Id));
        Assert.Equal([second], (await app.ConversationsAsync($"?channel={channel.Id}&status=resolved")).Items.Select(c => c.Id));
        Assert.Equal("VIP customer", Assert.Single((await app.ConversationAsync(first)).Notes).Text);

        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{second}/reopen", null)).StatusCode);
        var reopened = await app.ConversationAsync(second);
        Assert.Equal(ConversationStatus.Open, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);
    }

    [Fact]
    public async Task Bad_filters_and_unknown_ids_are_explained()
    {
        var badStatus = await app.Api.GetAsync("/api/v1/conversations?status=sleeping");
        var badAssignee = await app.Api.GetAsync("/api/v1/conversations?assignee=bob");
        var unknown = await app.Api.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}");
        var unknownReply = await app.ReplyAsync(Guid.NewGuid(), "hello");

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("open, pending, resolved", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badAssignee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownReply.StatusCode);
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_a_bad_request_not_a_server_error()
    {
        using var content = new StringContent("{\"text\": [1,2]}", System.Text.Encoding.UTF8, "application/json");

        var response = await app.Api.PostAsync($"/api/v1/conversations/{Guid.NewGuid()}/replies", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
