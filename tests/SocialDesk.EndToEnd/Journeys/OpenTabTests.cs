using System.Net;
using System.Net.Http.Json;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>A tab stays open for hours: what its member may do there follows the database, not what they could do when it opened.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class OpenTabTests(BrowserApp app)
{
    [Fact]
    public async Task A_demoted_admin_s_open_admin_page_leaves_for_the_page_that_says_no_access()
    {
        var admin = await app.JoinAsync(Roles.Admin);
        var page = await SignedInAsync(admin.Email);
        await page.GotoAsync("/admin/tokens");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Level = 1 })).ToBeVisibleAsync();

        (await app.Api.PatchAsJsonAsync($"/api/v1/members/{admin.UserId}", new { role = Roles.Agent })).EnsureSuccessStatusCode();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No access", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Your role in this workspace does not open /admin/tokens.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_removed_member_s_open_tab_is_signed_out()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var page = await SignedInAsync(agent.Email);

        (await app.Api.DeleteAsync($"/api/v1/members/{agent.UserId}")).EnsureSuccessStatusCode();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_new_password_signs_the_other_tabs_out()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var page = await SignedInAsync(agent.Email);

        (await agent.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = SocialDeskFactory.MemberPassword, newPassword = "a-brand-new-password" }))
            .EnsureSuccessStatusCode();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, SocialDeskFactory.MemberPassword);
        return page;
    }
}
