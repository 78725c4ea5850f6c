namespace SocialDesk.Tests.Channels;

public sealed class ChannelApiTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_created_channel_shows_its_settings_and_webhook_but_never_its_secrets()
    {
        var channel = await app.CreateXChannelAsync("very-secret-value");

        var listed = await app.Api.GetStringAsync("/api/v1/channels");
        var one = await app.Api.GetStringAsync($"/api/v1/channels/{channel.Id}");

        Assert.Equal($"/webhooks/x/{channel.Id}", channel.WebhookPath);
        Assert.Equal(["accessToken", "consumerSecret"], channel.SecretsSet);
        Assert.Equal("2244994945", channel.Settings["accountId"]);
        Assert.DoesNotContain("very-secret-value", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_secret_signs_the_next_delivery_at_once()
    {
        var channel = await app.CreateXChannelAsync("old-secret");
        var body = XPayloads.Tweet("c-1", "c-user", "@TwitterDev hello", DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await app.ReceiveXAsync(channel.Id, body, consumerSecret: "old-secret")).StatusCode);

        var update = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { name = "@TwitterDev support", settings = new { consumerSecret = "new-secret" } });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.DoesNotContain("new-secret", await update.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ReceiveXAsync(channel.Id, body + " ", consumerSecret: "old-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ReceiveXAsync(channel.Id, body + " ", consumerSecret: "new-secret")).StatusCode);
    }

    [Fact]
    public async Task A_channel_change_that_breaks_its_settings_is_refused()
    {
        var channel = await app.CreateXChannelAsync();

        var emptied = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { settings = new { accessToken = "" } });
        var unknown = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{Guid.NewGuid()}", new { name = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, emptied.StatusCode);
        Assert.Contains("settings.accessToken", await emptied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_channel_of_an_unknown_kind_is_refused()
    {
        var response = await app.Api.PostAsJsonAsync("/api/v1/channels", new { kind = "myspace", name = "x", settings = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind must be one of", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_missing_a_setting_is_refused_with_each_problem_named()
    {
        var response = await app.Api.PostAsJsonAsync("/api/v1/channels", new { kind = "facebook", name = "Page", settings = new { pageId = "1", colour = "blue" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("settings.appSecret", body, StringComparison.Ordinal);
        Assert.Contains("'colour' is not a setting", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_a_missing_or_unknown_token()
    {
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sd_nope");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Contains("/api/v1/conversations/{id}/replies", await client.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }
}
