using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;
using SocialDesk.Tests.Security;

namespace SocialDesk.Tests.Workspaces;

/// <summary>The first start outside Development: generated credentials in a file of the server's user, and the demo in a workspace of its own.</summary>
public sealed partial class BootstrapTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Generated_credentials_go_to_a_file_only_the_servers_user_may_read_and_they_sign_in()
    {
        var file = Path.Combine(Path.GetTempPath(), $"socialdesk-credentials-{Guid.NewGuid():N}.txt");
        try
        {
            await using var app = new SettingsApp(SocialDeskFactory.SuiteProvider, new Dictionary<string, string?>
            {
                ["Bootstrap:AdminPassword"] = null,
                ["Bootstrap:ApiToken"] = null,
                ["Bootstrap:CredentialsFile"] = file,
            });
            await app.InitializeAsync();

            var written = await File.ReadAllTextAsync(file);
            var password = Generated().Match(written) is { Success: true } match ? match.Groups["password"].Value : "";
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = SocialDeskFactory.AdminEmail, password });

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Contains("generated API token (shown once): sd_", written, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Outside_development_the_demo_lands_in_a_workspace_of_its_own()
    {
        await using var app = new SettingsApp(SocialDeskFactory.SuiteProvider, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        await app.InitializeAsync();

        var bootstrapChannels = await app.Api.GetFromJsonAsync<List<Features.Channels.ChannelEndpoints.ChannelView>>("/api/v1/channels", SocialDeskFactory.Json);
        var me = (await app.Api.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!;
        var demo = Assert.Single(me.Workspaces, w => w.Name == WorkspaceBootstrap.DemoWorkspaceName);
        using var inDemo = await app.SignInAsync(SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword, demo.Id);
        var demoChannels = await inDemo.GetFromJsonAsync<List<Features.Channels.ChannelEndpoints.ChannelView>>("/api/v1/channels", SocialDeskFactory.Json);

        Assert.Empty(bootstrapChannels!);
        Assert.Equal(2, demoChannels!.Count);
        Assert.Equal(Roles.Admin, demo.Role);
    }

    [GeneratedRegex("generated admin password \\(shown once\\): (?<password>\\S+)")]
    private static partial Regex Generated();
}
