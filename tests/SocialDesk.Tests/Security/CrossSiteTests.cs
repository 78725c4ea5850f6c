namespace SocialDesk.Tests.Security;

/// <summary>A session cookie acts only for this server's own pages: a write whose Origin is another site's is refused.</summary>
public sealed class CrossSiteTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_write_from_another_sites_page_is_refused_and_one_from_this_servers_own_passes()
    {
        var member = await app.JoinAsync(Features.Workspaces.Roles.Agent);

        var foreign = await LogoutAsync(member.Client, "https://evil.example");
        var stillIn = await member.Client.GetAsync("/api/v1/me");
        var own = await LogoutAsync(member.Client, "http://localhost");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("another site", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    [Theory]
    [InlineData("cross-site", "null", HttpStatusCode.Forbidden)]
    [InlineData("same-site", "https://other.localhost", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", "null", HttpStatusCode.NoContent)]
    public async Task A_browser_s_fetch_metadata_decides_even_when_the_page_sends_no_origin(string site, string origin, HttpStatusCode expected)
    {
        var member = await app.JoinAsync(Features.Workspaces.Roles.Agent);

        var answer = await LogoutAsync(member.Client, origin, site);

        Assert.Equal(expected, answer.StatusCode);
    }

    private static async Task<HttpResponseMessage> LogoutAsync(HttpClient client, string origin, string? site = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        request.Headers.Add("Origin", origin);
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        return await client.SendAsync(request);
    }
}
