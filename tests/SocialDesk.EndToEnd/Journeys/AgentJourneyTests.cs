using System.Net.Http.Json;
using SocialDesk.EndToEnd.Infrastructure;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>An agent's day in a real browser: signing in, the inbox that updates itself, answering a customer.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class AgentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_password_shows_an_error_and_no_inbox()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Email").FillAsync(SocialDeskFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or the password is wrong.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task The_sign_in_page_speaks_the_browser_language()
    {
        var page = await app.NewPageAsync("fr-FR");

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mot de passe")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_mention_delivered_by_webhook_appears_in_the_open_inbox_without_reload()
    {
        await app.EnsureDefaultSlaPolicyAsync();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await app.MentionAsync("Camille Martin", "@TwitterDev ma box est en panne depuis ce matin, 45 minutes en attente au téléphone", DateTime.UtcNow.AddMinutes(-40));
        await app.MentionAsync("Sam Taylor", "@TwitterDev thanks, the new plan works great!", DateTime.UtcNow.AddMinutes(-20));
        var text = $"@TwitterDev I was charged twice for my bill of March, invoice {Random.Shared.Next(10_000, 99_999)}";

        await app.MentionAsync("Jordan Lee", text);

        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = text }).GetByLabel(new System.Text.RegularExpressions.Regex("^First response due in 2\\d min"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Camille Martin" }).GetByLabel(new System.Text.RegularExpressions.Regex("^First response overdue by"))).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("inbox.png") });
        await page.SetViewportSizeAsync(820, 1180);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("inbox-tablet.png") });
    }

    [Fact]
    public async Task The_keyboard_moves_through_the_inbox_and_opens_the_selected_conversation()
    {
        var tag = $"#case{Random.Shared.Next(10_000, 99_999)}";
        await app.MentionAsync("Noor Haddad", $"@TwitterDev my invoice shows a fee I never agreed to {tag}", DateTime.UtcNow.AddMinutes(-90));
        await app.MentionAsync("Eli Novak", $"@TwitterDev still no signal in my street since yesterday {tag}", DateTime.UtcNow.AddMinutes(-1));
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByLabel("Search the messages").FillAsync(tag);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        var list = page.GetByRole(AriaRole.Region, new() { Name = "Conversations" });
        await list.FocusAsync();

        foreach (var key in new[] { "k", "k", "k", "k", "k", "k", "j" })
        {
            await list.PressAsync(key);
        }

        var second = page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag }).Nth(1);
        await Expect(second).ToHaveAttributeAsync("aria-current", "true");
        var customer = await second.GetByRole(AriaRole.Link).InnerTextAsync();
        await list.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = customer })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_leads_back_to_the_sign_in_page_and_the_inbox_asks_for_it_again()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task A_mention_arriving_live_is_answered_with_a_canned_reply_delivered_to_the_platform_and_meets_the_first_response_target()
    {
        await app.EnsureDefaultSlaPolicyAsync();
        (await app.Api.PostAsJsonAsync("/api/v1/canned-replies", new
        {
            name = "parcel-delay",
            text = "Sorry for the wait, {{customer.name}}: {{agent.name}} is tracking your parcel now.",
            language = "en",
        })).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        var question = $"@TwitterDev where is my parcel? Order {Random.Shared.Next(10_000, 99_999)}, ordered a week ago";

        await app.MentionAsync("Alex Morgan", question);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = question });
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alex Morgan" })).ToBeVisibleAsync();
        var firstResponse = page.GetByRole(AriaRole.Row, new() { Name = "First response" });
        await Expect(firstResponse).ToContainTextAsync("On time");
        await page.GetByLabel("New internal note").FillAsync("Customer is a long-standing subscriber: offer the express option next time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Internal notes" }).GetByRole(AriaRole.Listitem)).ToContainTextAsync("offer the express option");

        // By keyboard alone: the canned replies are a labelled combobox.
        var cannedReplies = page.GetByRole(AriaRole.Combobox, new() { Name = "Canned reply" });
        await cannedReplies.FocusAsync();
        await cannedReplies.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "parcel-delay" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        var filled = "Sorry for the wait, Alex Morgan: Administrator is tracking your parcel now.";
        var replyBox = page.GetByLabel("Your reply");
        await Expect(replyBox).ToHaveValueAsync(filled);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("conversation.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var reply = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = filled });
        await Expect(reply.GetByText("Delivered")).ToBeVisibleAsync();
        await Expect(firstResponse).ToContainTextAsync("Met");
        Assert.Contains(app.Platform.Calls("/2/tweets"), call => (string?)call.Body["text"] == filled);
        Assert.Contains((await app.AuditAsync("?action=reply.create")).Items, entry => entry.ActorUserId is not null);
        var trail = page.GetByRole(AriaRole.Table, new() { Name = "Audit trail" }).GetByRole(AriaRole.Row);
        await Expect(trail.Nth(1)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Administrator\s+Reply written"));
        await Expect(trail.Nth(2)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Administrator\s+Note added"));
    }

    [Fact]
    public async Task The_conversation_page_shows_its_triage_labels_and_the_customer_s_other_conversations()
    {
        var customer = await app.MentionAsync("Dana Weiss", "@TwitterDev my internet is down again, third outage this week");
        var dm = $"Here is my contract number {Random.Shared.Next(10_000, 99_999)}";
        (await app.ReceiveXAsync(app.XChannel.Id, XPayloads.DirectMessage(Random.Shared.NextInt64(1_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            customer, FakePlatform.XAccountId, dm, DateTime.UtcNow.AddMinutes(-1)))).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "third outage this week" }).GetByRole(AriaRole.Link).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dana Weiss" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Triage labels")).ToContainTextAsync("Outage");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = dm })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = dm }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = dm })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link).Filter(new() { HasText = "third outage this week" })).ToBeVisibleAsync();
    }
}
