using System.Text;

namespace SocialDesk.Tests.Ingestion;

/// <summary>Bad input of every kind gets a clear 4xx answer, never a server error.</summary>
public sealed class BadInputTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Theory]
    [InlineData("/api/v1/channels", "{\"kind\": \"x\", \"name\": \"n\", \"settings\": [1, 2]}")]
    [InlineData("/api/v1/channels", "{\"kind\": 7}")]
    [InlineData("/api/v1/channels", "not json")]
    [InlineData("/api/v1/channels", "")]
    [InlineData("/api/v1/messages", "{\"messages\": {\"text\": \"x\"}}")]
    [InlineData("/api/v1/messages", "{\"messages\": []}")]
    [InlineData("/api/v1/messages", "{\"messages\": [null, 3, \"x\"]}")]
    [InlineData("/api/v1/conversations/00000000-0000-0000-0000-000000000000/assign", "{\"assigneeId\": \"not-a-guid\"}")]
    [InlineData("/api/v1/conversations/00000000-0000-0000-0000-000000000000/notes", "{\"text\": \"\"}")]
    [InlineData("/api/v1/conversations/00000000-0000-0000-0000-000000000000/replies", "{\"text\": \"hi\", \"private\": \"yes\"}")]
    public async Task A_malformed_or_wrongly_typed_api_body_is_a_client_error(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await app.Api.PostAsync(path, content);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"104000000000001\", \"changes\": [{\"field\": \"feed\", \"value\": {\"item\": \"comment\", \"verb\": \"add\", \"comment_id\": {}, \"created_time\": 1}}]}]}", "comment_id' must be an id")]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"999\"}]}", "this channel is page 104000000000001")]
    [InlineData("{\"object\": \"page\", \"entry\": \"x\"}", "'$.entry' must be an array")]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"104000000000001\", \"messaging\": [{\"sender\": {\"id\": \"1\"}, \"recipient\": {\"id\": \"104000000000001\"}, \"timestamp\": \"soon\", \"message\": {\"mid\": \"m_1\", \"text\": \"hi\"}}]}]}", "timestamp' must be a whole number")]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"104000000000001\", \"changes\": [{\"field\": \"feed\", \"value\": {\"item\": \"comment\", \"verb\": \"add\", \"comment_id\": \"1_2\"", "not valid JSON")]
    public async Task A_signed_meta_body_that_cannot_be_understood_is_kept_as_failed_with_its_reason(string body, string reason)
    {
        var channel = await app.CreateFacebookChannelAsync();

        var response = await app.ReceiveMetaAsync(channel.Id, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await SocialDeskFactory.EventuallyAsync(
            () => app.Api.GetFromJsonAsync<Features.Ingestion.IngestionEndpoints.RawEventPage>("/api/v1/raw-events?status=failed&pageSize=200", SocialDeskFactory.Json),
            page => page!.Items.Any(e => e.ChannelId == channel.Id));
        Assert.Contains(reason, Assert.Single(failed!.Items, e => e.ChannelId == channel.Id).Error);
    }

    [Fact]
    public async Task A_webhook_for_a_channel_of_another_kind_is_unknown()
    {
        var facebook = await app.CreateFacebookChannelAsync();

        var response = await app.ReceiveXAsync(facebook.Id, "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
