using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Security;

/// <summary>A production server: no local platform allowed.</summary>
public sealed class ProductionChannelsApp() : SocialDeskFactory(SuiteProvider)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Channels:AllowLocalApiBaseUrl", "false");
    }
}

/// <summary>
/// A channel's API base is a setting an admin types, and every platform call carries the channel's token there: only the
/// platform's own https hosts are allowed (and 127.0.0.1 for tests with Channels:AllowLocalApiBaseUrl), never a private
/// address, ids stay path segments, and a foreign server's answer never travels back to the caller.
/// </summary>
public sealed class PlatformAddressTests(ProductionChannelsApp production, SocialDeskFactory local) : IClassFixture<ProductionChannelsApp>, IClassFixture<SocialDeskFactory>
{
    [Theory]
    [InlineData("x", "https://api.x.com")]
    [InlineData("x", "https://api.twitter.com/")]
    [InlineData("facebook", "https://graph.facebook.com")]
    public async Task The_platforms_own_https_hosts_are_accepted(string kind, string apiBaseUrl)
    {
        var answer = await CreateAsync(production, kind, apiBaseUrl);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
    }

    [Theory]
    [InlineData("x", "http://api.x.com")]
    [InlineData("x", "https://api.x.com:8443")]
    [InlineData("x", "https://graph.facebook.com")]
    [InlineData("x", "https://evil.example")]
    [InlineData("x", "https://api.x.com@evil.example")]
    [InlineData("x", "https://api.x.com.evil.example")]
    [InlineData("x", "http://127.0.0.1:8080")]
    [InlineData("x", "http://169.254.169.254/latest/meta-data")]
    [InlineData("x", "file:///etc/passwd")]
    [InlineData("facebook", "https://graph.facebook.com?access_token=x")]
    [InlineData("facebook", "http://[::1]:8080")]
    [InlineData("facebook", "not a url")]
    public async Task Any_other_api_base_is_refused_in_production_with_what_is_allowed(string kind, string apiBaseUrl)
    {
        var answer = await CreateAsync(production, kind, apiBaseUrl);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("settings.apiBaseUrl")[0].GetString();
        Assert.StartsWith($"apiBaseUrl must be https://{(kind == "x" ? "api.x.com or https://api.twitter.com" : "graph.facebook.com")}", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080", HttpStatusCode.BadRequest)]
    [InlineData("http://10.0.0.1:8080", HttpStatusCode.BadRequest)]
    [InlineData("http://127.0.0.2:8080", HttpStatusCode.BadRequest)]
    [InlineData("http://127.0.0.1", HttpStatusCode.BadRequest)]
    [InlineData("http://127.0.0.1:8080", HttpStatusCode.Created)]
    public async Task Allowing_a_local_platform_allows_http_127_0_0_1_with_a_port_and_nothing_else(string apiBaseUrl, HttpStatusCode expected)
    {
        var answer = await CreateAsync(local, "x", apiBaseUrl);

        Assert.Equal(expected, answer.StatusCode);
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("157.240.1.35", true)]
    [InlineData("2a03:2880:f10c:83:face:b00c:0:25de", true)]
    public void Only_public_addresses_are_platform_addresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, PlatformAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_call_to_a_name_that_resolves_to_a_private_address_is_refused_before_connecting()
    {
        using var scope = production.Services.CreateScope();
        var http = scope.ServiceProvider.GetRequiredService<PlatformHttp>();

        var refused = await Assert.ThrowsAsync<PlatformException>(() => http.SendAsync(HttpMethod.Get, new Uri($"http://localhost:{production.Platform.BaseUrl.Port}/2/users/1/tweets"), "token", null, CancellationToken.None));

        Assert.Contains("not a public address", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.MayHavePosted);
    }

    [Fact]
    public async Task An_id_holding_dot_segments_stays_one_segment_of_the_path()
    {
        var page = await local.CreateFacebookChannelAsync();
        var reply = await ReplyToCommentAsync(page.Id, $"../../v21.0/{FakePlatform.PageId}", DeliveryState.Sent);

        Assert.Equal(DeliveryState.Sent, reply.Delivery!.State);
        Assert.Empty(local.Platform.Calls($"/v21.0/{FakePlatform.PageId}/comments"));
        Assert.Single(local.Platform.Calls($"/v21.0/..%2F..%2Fv21.0%2F{FakePlatform.PageId}/comments"));
    }

    [Fact]
    public async Task A_body_that_is_not_the_platforms_error_never_reaches_the_caller()
    {
        var page = await local.CreateFacebookChannelAsync();
        var reply = await ReplyToCommentAsync(page.Id, FakePlatform.HtmlErrorTarget, DeliveryState.Failed);

        Assert.Contains("answered 403 Forbidden: the answer holds no error message of the platform's.", reply.Delivery!.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakePlatform.HtmlErrorText, reply.Delivery.Error, StringComparison.Ordinal);
    }

    /// <summary>A customer's comment of the given id on the page, answered publicly; the reply once it reached the state.</summary>
    private async Task<MessageView> ReplyToCommentAsync(Guid pageId, string commentId, DeliveryState state)
    {
        var customer = $"78{Random.Shared.Next(100_000):D5}";
        await local.Api.PostAsJsonAsync("/api/v1/messages", new { messages = new[] { ClockedApp.Customer(pageId, commentId, customer, DateTime.UtcNow, text: "crafted") } });
        var conversation = await SocialDeskFactory.EventuallyAsync(() => local.ConversationsAsync($"?channel={pageId}"), p => p.Items.Any(c => c.ContactName == customer));
        var id = conversation.Items.Single(c => c.ContactName == customer).Id;
        await local.ReplyAsync(id, "Hello");
        return await SocialDeskFactory.EventuallyAsync(
            async () => (await local.ConversationAsync(id)).Messages.Single(m => m.Direction == MessageDirection.Outbound),
            m => m.Delivery!.State == state);
    }

    private static async Task<HttpResponseMessage> CreateAsync(SocialDeskFactory app, string kind, string apiBaseUrl) =>
        await app.Api.PostAsJsonAsync("/api/v1/channels", new
        {
            kind,
            name = "Brand",
            settings = kind == "x"
                ? new Dictionary<string, string> { ["accountId"] = "1", ["handle"] = "brand", ["consumerSecret"] = "s", ["accessToken"] = "t", ["apiBaseUrl"] = apiBaseUrl }
                : new Dictionary<string, string> { ["pageId"] = "1", ["appSecret"] = "s", ["verifyToken"] = "v", ["pageAccessToken"] = "t", ["apiBaseUrl"] = apiBaseUrl },
        });
}
