using SocialDesk.EndToEnd.Infrastructure;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>A reply the platform would not take is explained on the page in the user's language.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class ReplyRefusalTests(BrowserApp app)
{
    [Fact]
    public async Task An_empty_reply_is_refused_in_french_for_a_french_user()
    {
        var text = $"@TwitterDev ma facture a doublé ce mois-ci {Random.Shared.Next(10_000, 99_999)}";
        await app.MentionAsync("Léa Girard", text);
        var page = await app.NewPageAsync("fr-FR");
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(SocialDeskFactory.AdminEmail);
        await page.GetByLabel("Mot de passe").FillAsync(SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = text }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Léa Girard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Une réponse publique sur X demande un texte de 280 caractères au plus.")).ToBeVisibleAsync();
    }
}
