using SocialDesk.EndToEnd.Infrastructure;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>Moderating a customer's public message from the conversation page, as its platform allows.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class ModerationTests(BrowserApp app)
{
    [Fact]
    public async Task An_agent_hides_a_post_on_x_which_the_page_marks_hidden_once_x_confirmed_and_never_offers_to_delete()
    {
        var spam = $"@TwitterDev free followers, click here {Random.Shared.Next(10_000, 99_999)}";
        await app.MentionAsync("Promo Bot", spam);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = spam }).GetByRole(AriaRole.Link).ClickAsync();
        var message = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = spam });
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Hide" })).ToBeVisibleAsync();
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);

        await message.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();

        await Expect(message.GetByText("Hidden on the platform")).ToBeVisibleAsync();
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Hide" })).ToHaveCountAsync(0);
        var conversation = (await app.ConversationsAsync($"?q={Uri.EscapeDataString(spam)}")).Items.Single();
        var tweet = (await app.ConversationAsync(conversation.Id)).Messages.Single().PlatformMessageId;
        Assert.Equal(true, (bool?)Assert.Single(app.Platform.Calls($"/2/tweets/{tweet}/hidden")).Body["hidden"]);
    }

    [Fact]
    public async Task A_facebook_comment_is_deleted_only_once_confirmed_and_the_page_marks_it_deleted()
    {
        var facebook = await app.CreateFacebookChannelAsync();
        var text = $"Arnaque ! Crédit gratuit au 0800 000 {Random.Shared.Next(100, 999)}";
        (await app.ReceiveMetaAsync(facebook.Id, SocialDeskFactory.Fixture("meta/feed_comment_add.json")
            .Replace("Deux jours que j'attends le remboursement promis. Pas terrible.", text, StringComparison.Ordinal))).EnsureSuccessStatusCode();
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={facebook.Id}")).Items.Single();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GotoAsync($"/conversations/{conversation.Id}");
        var message = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

        await message.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var confirmation = message.GetByRole(AriaRole.Alert);
        await Expect(confirmation).ToContainTextAsync("It cannot be undone");
        Assert.Empty(app.Platform.Calls("/v21.0/555_9001"));
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("moderation.png") });
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();

        await Expect(message.GetByText("Deleted on the platform")).ToBeVisibleAsync();
        await Expect(message.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.NotNull(Assert.Single(app.Platform.Calls("/v21.0/555_9001")).Body["deleted"]);
    }
}
