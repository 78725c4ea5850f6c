using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialDesk.Features.Security;

namespace SocialDesk.Tests.Security;

/// <summary>Headers every answer carries, and the request body limit.</summary>
public sealed class HardeningTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var channel = await app.CreateXChannelAsync();
        using var anonymous = app.CreateClient();

        var answers = new[]
        {
            await app.Api.GetAsync("/api/v1/channels"),
            await anonymous.GetAsync("/api/v1/channels"),
            await app.Api.GetAsync("/api/v1/nothing-here"),
            await app.ReceiveXAsync(channel.Id, "{}", consumerSecret: "not-the-secret"),
            await anonymous.GetAsync("/health"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.OK], answers.Select(a => a.StatusCode));
        Assert.All(answers, answer =>
        {
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal(SecurityHardening.ContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal(SecurityHardening.PermissionsPolicy, answer.Headers.GetValues("Permissions-Policy").Single());
        });
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://desk.example.org") });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://desk.example.org") });

        var secure = await https.GetAsync("/health");
        var plain = await http.GetAsync("/health");

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_api_body_over_the_limit_is_refused_with_413_and_a_problem()
    {
        var text = new string('a', (int)new RequestLimitOptions().MaxBodyBytes);
        using var content = new StringContent($"{{\"messages\": [{{\"text\": \"{text}\"}}]}}", Encoding.UTF8, "application/json");

        var response = await app.Api.PostAsync("/api/v1/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("1024 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
