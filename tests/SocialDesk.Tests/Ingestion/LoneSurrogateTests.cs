using System.Text;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Tests.Ingestion;

/// <summary>
/// JSON may escape half of a surrogate pair ("\ud83d"), which is no text: PostgreSQL refuses to store it. Outside text
/// keeps it as U+FFFD, as it keeps invalid UTF-8, and a text the server cuts short is never cut inside a pair.
/// </summary>
public sealed class LoneSurrogateTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private const string Lone = "\\ud83d";

    [Fact]
    public async Task A_signed_x_delivery_with_an_escaped_lone_surrogate_is_stored_with_a_replacement_character()
    {
        var channel = await app.CreateXChannelAsync();
        var body = XPayloads.Tweet("6101", "6201", "@TwitterDev help LONE now", DateTime.UtcNow, name: "Ann LONE").Replace("LONE", Lone, StringComparison.Ordinal);

        var response = await app.ReceiveXAsync(channel.Id, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var message = Assert.Single((await app.ConversationAsync(page.Items[0].Id)).Messages);
        Assert.Equal("@TwitterDev help \uFFFD now", message.Text);
        Assert.Equal("Ann \uFFFD", message.Author!.Name);
    }

    [Fact]
    public async Task An_api_message_with_an_escaped_lone_surrogate_is_stored_with_a_replacement_character()
    {
        var channel = await app.CreateXChannelAsync();
        var body = $$"""
            {"messages": [{"channelId": "{{channel.Id}}", "platformMessageId": "api-{{Lone}}-1", "author": {"id": "6301", "name": "Bob {{Lone}}"},
              "text": "where is my parcel {{Lone}}", "createdAt": "{{DateTime.UtcNow:O}}"} ]}
            """;

        var response = await app.Api.PostAsync("/api/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var page = await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        var message = Assert.Single((await app.ConversationAsync(page.Items[0].Id)).Messages);
        Assert.Equal("where is my parcel \uFFFD", message.Text);
        Assert.Equal("api-\uFFFD-1", message.PlatformMessageId);
        Assert.Equal("Bob \uFFFD", message.Author!.Name);
    }

    [Fact]
    public async Task Any_api_body_keeps_an_escaped_lone_surrogate_as_a_replacement_character()
    {
        var response = await app.Api.PostAsync("/api/v1/channels", new StringContent(
            $$$"""{"kind": "x", "name": "Brand {{{Lone}}}", "settings": {"accountId": "1", "handle": "brand{{{Lone}}}", "apiBaseUrl": "{{{app.Platform.BaseUrl}}}", "consumerSecret": "s", "accessToken": "t"}}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var channel = (await response.Content.ReadFromJsonAsync<ChannelEndpoints.ChannelView>(SocialDeskFactory.Json))!;
        Assert.Equal("Brand \uFFFD", channel.Name);
        Assert.Equal("brand\uFFFD", channel.Settings["handle"]);
    }

    [Fact]
    public async Task A_message_id_too_long_is_refused_naming_its_start_without_cutting_a_character_in_two()
    {
        var channel = await app.CreateXChannelAsync();
        var id = new string('1', 39) + "😀" + new string('2', 80);

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet(id, "6401", "@TwitterDev hello", DateTime.UtcNow));

        var failed = await SocialDeskFactory.EventuallyAsync(
            () => app.Api.GetFromJsonAsync<IngestionEndpoints.RawEventPage>("/api/v1/raw-events?status=failed&pageSize=200", SocialDeskFactory.Json),
            page => page!.Items.Any(e => e.ChannelId == channel.Id));
        Assert.Equal($"Message {new string('1', 39)}…: message ids are at most 100 characters.", Assert.Single(failed!.Items, e => e.ChannelId == channel.Id).Error);
    }
}
