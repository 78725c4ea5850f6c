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
    public async Task Another_credential_keeps_its_own_allowance()
    {
        using var first = Caller("sd_not_a_token_one");
        using var second = Caller("sd_not_a_token_two");
        for (var i = 0; i < app.PerMinute; i++)
        {
            await first.GetAsync("/api/v1/conversations");
        }

        var refused = await first.GetAsync("/api/v1/conversations");
        var other = await second.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    private HttpClient Caller(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
