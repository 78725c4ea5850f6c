using System.Net.Http.Json;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Sla;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>An admin configures the workspace in the browser, with the API's checks.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class AdminTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_creates_an_sla_policy_on_its_page_after_the_api_s_checks_refuse_one_without_a_target()
    {
        var name = $"Facebook billing {Random.Shared.Next(1000, 9999)}";
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "SLA policies" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SLA policies", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Channels").FillAsync("facebook");
        await page.GetByLabel("Topics").FillAsync("billing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "at least one target" })).ToBeVisibleAsync();

        await page.GetByLabel("First response (minutes)").FillAsync("45");
        await page.GetByLabel("Resolution (minutes)").FillAsync("480");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "SLA policies" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("facebook · billing");
        await Expect(row).ToContainTextAsync("45 min");
        await Expect(row).ToContainTextAsync("8 h 00");
        var policies = await app.Api.GetFromJsonAsync<List<SlaEndpoints.PolicyView>>("/api/v1/sla/policies", SocialDeskFactory.Json);
        Assert.Contains(policies!, p => p.Name == name && p.FirstResponseMinutes == 45 && p.Conditions.Topics!.SequenceEqual(["billing"]));
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("sla-policies.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
    }
}
