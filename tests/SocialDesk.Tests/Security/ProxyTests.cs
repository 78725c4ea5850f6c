using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialDesk.Tests.Security;

/// <summary>
/// Behind a reverse proxy the server sees the client as the proxy forwards it, when the proxy is a known one: its
/// address (rate limits, the audit log) and its scheme (a Secure cookie, HSTS); an unknown one's headers are ignored.
/// </summary>
public sealed class ProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task Behind_a_known_proxy_the_cookie_is_secure_hsts_is_sent_and_the_audit_log_has_the_clients_address()
    {
        using var client = Client("203.0.113.7");

        var login = await SignInAsync(client);
        var team = await client.PostAsJsonAsync("/api/v1/teams", new { name = $"Proxied {Guid.NewGuid():N}" });
        var id = (await team.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", login.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("203.0.113.7", (await app.AuditAsync($"?action=team.create&entityId={id}")).Items.Single().ActorAddress);
    }

    [Fact]
    public async Task Sign_ins_are_limited_per_client_behind_the_proxy_not_for_all_its_clients_at_once()
    {
        using var first = Client("203.0.113.8");
        using var second = Client("203.0.113.9");
        var wrong = new { email = "nobody@test.socialdesk.local", password = "not-the-password" };

        var firstAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            firstAnswers.Add((await first.PostAsJsonAsync("/api/v1/auth/login", wrong)).StatusCode);
        }

        var secondAnswer = (await second.PostAsJsonAsync("/api/v1/auth/login", wrong)).StatusCode;

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], firstAnswers);
        Assert.Equal(HttpStatusCode.Unauthorized, secondAnswer);
    }

    [Fact]
    public async Task An_unknown_proxys_forwarded_headers_are_ignored()
    {
        var unknownProxy = IPAddress.Parse("198.51.100.20");
        var known = app.ConnectionAddress;
        app.ConnectionAddress = unknownProxy;
        try
        {
            using var client = Client("203.0.113.10");

            var login = await SignInAsync(client);
            var team = await client.PostAsJsonAsync("/api/v1/teams", new { name = $"Spoofed {Guid.NewGuid():N}" });
            var id = (await team.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

            Assert.DoesNotContain("secure", login.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(unknownProxy.ToString(), (await app.AuditAsync($"?action=team.create&entityId={id}")).Items.Single().ActorAddress);
        }
        finally
        {
            app.ConnectionAddress = known;
        }
    }

    /// <summary>A browser behind the proxy, which forwards its address and https on each request (the proxy speaks http to the server).</summary>
    private HttpClient Client(string clientAddress)
    {
        // Not localhost, for which HSTS is never sent.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("http://desk.example.org") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>Signs in, and keeps the session cookie on the client whatever its Secure mark (the proxy is the one that speaks https).</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = SocialDeskFactory.AdminEmail, password = SocialDeskFactory.AdminPassword });
        client.DefaultRequestHeaders.Add("Cookie", login.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        return login;
    }
}
