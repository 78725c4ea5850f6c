using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SocialDesk.Tests.Security;

/// <summary>A channel's deliveries over its allowance are refused with 429 and Retry-After, and nothing of them is stored.</summary>
public sealed class WebhookRateLimitTests(WebhookLimitApp app) : IClassFixture<WebhookLimitApp>
{
    [Fact]
    public async Task The_delivery_over_the_channels_allowance_gets_429_with_retry_after_and_is_not_stored()
    {
        var channel = await app.CreateXChannelAsync();
        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < app.PerMinute; i++)
        {
            allowed.Add(await app.ReceiveXAsync(channel.Id, XPayloads.Tweet($"740000000000000000{i}", "7401", $"@TwitterDev message {i}", DateTime.UtcNow)));
        }

        var refused = await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("7400000000000000099", "7401", "@TwitterDev one too many", DateTime.UtcNow));

        Assert.All(allowed, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var scope = app.Services.CreateScope();
        var stored = await SocialDeskFactory.Database(scope).RawEvents.Where(e => e.ChannelId == channel.Id).Select(e => e.Body).ToListAsync();
        Assert.Equal(app.PerMinute, stored.Count);
        Assert.DoesNotContain(stored, body => body.Contains("one too many", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_channel_has_its_own_allowance()
    {
        var busy = await app.CreateXChannelAsync();
        var quiet = await app.CreateXChannelAsync();
        for (var i = 0; i <= app.PerMinute; i++)
        {
            await app.ReceiveXAsync(busy.Id, XPayloads.Tweet($"750000000000000000{i}", "7501", $"@TwitterDev busy {i}", DateTime.UtcNow));
        }

        var response = await app.ReceiveXAsync(quiet.Id, XPayloads.Tweet("7500000000000000099", "7502", "@TwitterDev quiet", DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Unsigned webhook requests count against their client's allowance, never against the channel's, which stays the platform's.</summary>
public sealed class UnsignedWebhookTests(WebhookLimitApp app) : IClassFixture<WebhookLimitApp>
{
    [Fact]
    public async Task Unsigned_requests_do_not_use_up_the_platforms_allowance()
    {
        var channel = await app.CreateXChannelAsync();
        for (var i = 0; i < 3 * app.PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ReceiveXAsync(channel.Id, "{}", signature: "sha256=forged")).StatusCode);
        }

        var signed = new List<HttpStatusCode>();
        for (var i = 0; i < app.PerMinute; i++)
        {
            signed.Add((await app.ReceiveXAsync(channel.Id, XPayloads.Tweet($"760000000000000000{i}", "7601", $"@TwitterDev real {i}", DateTime.UtcNow))).StatusCode);
        }

        Assert.All(signed, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}

/// <summary>A client over its allowance of unsigned webhook requests is refused, before its body is read.</summary>
public sealed class UnsignedWebhookLimitTests(UnsignedWebhookLimitApp app) : IClassFixture<UnsignedWebhookLimitApp>
{
    [Fact]
    public async Task The_unsigned_request_over_the_clients_allowance_gets_429()
    {
        var channel = await app.CreateXChannelAsync();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= app.PerMinute; i++)
        {
            answers.Add((await app.ReceiveXAsync(channel.Id, "{}", signature: "sha256=forged")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, app.PerMinute), HttpStatusCode.TooManyRequests], answers);
    }
}

/// <summary>A caller's API calls over its allowance are refused with 429 and Retry-After; another credential keeps its own.</summary>
public sealed class ApiRateLimitTests(ApiLimitApp app) : IClassFixture<ApiLimitApp>
{
    [Fact]
    public async Task The_call_over_the_callers_allowance_gets_429_with_retry_after()
    {
        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < app.PerMinute; i++)
        {
            allowed.Add((await app.Api.GetAsync("/api/v1/channels")).StatusCode);
        }

        var refused = await app.Api.GetAsync("/api/v1/channels");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Another_token_keeps_its_own_allowance()
    {
        using var first = Caller(await NewTokenAsync());
        using var second = Caller(await NewTokenAsync());
        for (var i = 0; i < app.PerMinute; i++)
        {
            await first.GetAsync("/api/v1/conversations");
        }

        var refused = await first.GetAsync("/api/v1/conversations");
        var other = await second.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Invalid_tokens_share_their_clients_allowance_instead_of_each_having_one()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= app.PerMinute; i++)
        {
            using var guesser = Caller($"sd_guess_{Guid.NewGuid():N}");
            answers.Add((await guesser.GetAsync("/api/v1/conversations")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, app.PerMinute), HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_session_s_allowance_is_its_user_s_whatever_header_it_adds()
    {
        var member = await app.JoinAsync(Features.Workspaces.Roles.Agent, await AdminAsync());
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= app.PerMinute; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conversations");
            request.Headers.TryAddWithoutValidation("X-Anything", Guid.NewGuid().ToString());
            answers.Add((await member.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    /// <summary>An admin session: the bootstrap token's allowance is the first test's to spend.</summary>
    private Task<HttpClient> AdminAsync() => app.SignInAsync(SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);

    private async Task<string> NewTokenAsync()
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"t{Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<Features.Users.TokenEndpoints.TokenCreated>(SocialDeskFactory.Json))!.Secret;
    }

    private HttpClient Caller(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
