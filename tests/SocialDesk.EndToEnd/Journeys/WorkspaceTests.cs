using SocialDesk.EndToEnd.Infrastructure;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>Workspaces in the browser: isolated from each other, and one's session moves between one's own. A server of their own, as they add workspaces.</summary>
public sealed class WorkspaceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_admin_of_another_workspace_sees_none_of_its_conversations()
    {
        var secret = $"@TwitterDev private matter {Guid.NewGuid():N}";
        await app.MentionAsync("Robin Hart", secret);
        var conversation = (await app.WaitForConversationsAsync(1, $"?q={Uri.EscapeDataString(secret)}")).Items.Single();
        var stranger = await app.OtherWorkspaceAdminAsync();
        var page = await app.NewPageAsync();

        await BrowserApp.SignInAsync(page, stranger.Email, SocialDeskFactory.MemberPassword);

        await Expect(page.GetByText("No conversation matches.")).ToBeVisibleAsync();
        await page.GotoAsync($"/conversations/{conversation.Id}");
        await Expect(page.GetByText("There is no such conversation, or you may not see it.")).ToBeVisibleAsync();
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_member_of_two_workspaces_switches_from_one_to_the_other_in_the_profile()
    {
        var text = $"@TwitterDev is the outage over? {Guid.NewGuid():N}";
        await app.MentionAsync("Dana Brooks", text);
        await app.OtherWorkspaceAdminAsync();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.GetByText("You work in Other")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to SocialDesk" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = text })).ToBeVisibleAsync();
    }
}
