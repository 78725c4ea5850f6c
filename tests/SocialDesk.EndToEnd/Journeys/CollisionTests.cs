using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>Two people on one conversation: each sees the other live, and a reply is not sent on a thread that moved under it.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class CollisionTests(BrowserApp app)
{
    [Fact]
    public async Task A_colleague_viewing_and_writing_shows_live_and_a_customer_message_arriving_while_composing_is_shown_before_sending()
    {
        var colleague = await app.JoinAsync(Roles.Supervisor);
        var customer = await app.MentionAsync("Robin Fischer", "@TwitterDev my router keeps rebooting every hour");
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Robin Fischer" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Robin Fischer" })).ToBeVisibleAsync();

        var theirs = await app.NewPageAsync();
        await BrowserApp.SignInAsync(theirs, colleague.Email, SocialDeskFactory.MemberPassword);
        await theirs.GotoAsync(page.Url);
        var present = page.GetByRole(AriaRole.Status);
        await Expect(present).ToContainTextAsync("A supervisor (viewing)");
        await theirs.GetByLabel("Your reply").FillAsync("Let me check the line");
        await Expect(present).ToContainTextAsync("A supervisor (writing a reply)");

        var answer = "Have you tried unplugging it for a minute?";
        await page.GetByLabel("Your reply").FillAsync(answer);
        await app.MentionAsync("Robin Fischer", "@TwitterDev update: now it does not start at all", customerId: customer);
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "now it does not start at all" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "New since you started writing" });
        await Expect(warning).ToContainTextAsync("now it does not start at all");
        Assert.DoesNotContain(app.Platform.Calls("/2/tweets"), call => (string?)call.Body["text"] == answer);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("collision.png") });
        await warning.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = answer }).GetByText("Delivered")).ToBeVisibleAsync();
        await Expect(warning).ToHaveCountAsync(0);
    }
}
