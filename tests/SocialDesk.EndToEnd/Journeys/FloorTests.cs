using Microsoft.Extensions.DependencyInjection;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>A supervisor's live floor: SLA warnings raised by the worker show before the breach.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class FloorTests(BrowserApp app)
{
    private static readonly string[] Spanish = ["es"];

    [Fact]
    public async Task A_supervisor_sees_the_breach_warning_of_a_conversation_on_the_floor()
    {
        // Spanish conversations get a first response within 2 minutes, with a warning 2 minutes before: at once.
        await app.CreatePolicyAsync(new { name = "Spanish, fast", position = 1, conditions = new { languages = Spanish }, firstResponseMinutes = 2, warningMinutes = 2 });
        var supervisor = await app.JoinAsync(Roles.Supervisor);
        await app.MentionAsync("Lucía Gómez", "@TwitterDev Hola, mi pedido todavía no ha llegado, ¿pueden ayudarme por favor?", DateTime.UtcNow.AddSeconds(-10));
        await app.MentionAsync("Mateo Ruiz", "@TwitterDev Buenas tardes, la factura de este mes está mal, ¿pueden revisarla por favor?", DateTime.UtcNow.AddMinutes(-3));
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, supervisor.Email, SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Floor" }).ClickAsync();
        var aboutToBreach = page.GetByRole(AriaRole.Table, new() { Name = "About to breach" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Floor", Level = 1 })).ToBeVisibleAsync();

        await app.Services.GetRequiredService<SlaWorker>().RunPassAsync(CancellationToken.None);

        await Expect(aboutToBreach.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lucía Gómez" }).GetByLabel(new System.Text.RegularExpressions.Regex("^First response due in"))).ToBeVisibleAsync();
        await Expect(aboutToBreach.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mateo Ruiz" })).ToHaveCountAsync(0);
        var channel = page.GetByRole(AriaRole.Table, new() { Name = "By channel" }).GetByRole(AriaRole.Row).Filter(new() { HasText = app.XChannel.Name }).First;
        await Expect(channel.GetByRole(AriaRole.Cell).Last).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("floor.png"), FullPage = true });
    }
}
