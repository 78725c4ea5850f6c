using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>One's own account in the browser: the second factor at sign-in, and the language of the profile.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class AccountTests(BrowserApp app)
{
    [Fact]
    public async Task An_analyst_lands_on_the_reports()
    {
        var analyst = await app.JoinAsync(Roles.Analyst);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(analyst.Email);
        await page.GetByLabel("Password").FillAsync(SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_page_the_role_does_not_open_says_so_and_leads_to_the_start_page()
    {
        var analyst = await app.JoinAsync(Roles.Analyst);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/teams");
        await page.GetByLabel("Email").FillAsync(analyst.Email);
        await page.GetByLabel("Password").FillAsync(SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No access", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Your role in this workspace does not open /admin/teams.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your start page" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_account_with_a_second_factor_is_asked_for_its_code_and_lands_on_the_page_it_asked_for()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var setup = await (await agent.Client.PostAsync("/api/v1/me/two-factor", null)).Content.ReadFromJsonAsync<AuthEndpoints.TwoFactorSetup>(SocialDeskFactory.Json);
        var totp = new Totp(Base32Encoding.ToBytes(setup!.SharedKey));
        (await agent.Client.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = totp.ComputeTotp() })).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/profile");
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("second factor");

        await page.GetByLabel("Password").FillAsync(SocialDeskFactory.MemberPassword);
        await page.GetByLabel("Authenticator code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_language_chosen_in_the_profile_replaces_the_browser_s()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, agent.Email, SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Français" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profil", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Non attribuées" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_availability_switch_in_the_app_bar_sets_the_agent_away_and_back()
    {
        var agent = await app.JoinAsync(Roles.Agent);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, agent.Email, SocialDeskFactory.MemberPassword);
        var availability = page.GetByRole(AriaRole.Switch, new() { Name = "Available to take conversations" });
        await Expect(availability).ToBeCheckedAsync();

        await availability.ClickAsync();

        await Expect(page.GetByText("Away", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(availability).Not.ToBeCheckedAsync();
        Assert.Equal(Availability.Away, AvailabilityOf(agent.UserId));
        await availability.ClickAsync();
        await Expect(page.GetByText("Available", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(Availability.Available, AvailabilityOf(agent.UserId));
    }

    private Availability AvailabilityOf(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        return SocialDeskFactory.Database(scope).Memberships.Single(m => m.UserId == userId).Availability;
    }
}
