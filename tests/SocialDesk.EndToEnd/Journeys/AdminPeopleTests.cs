using System.Net.Http.Json;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Routing;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Users;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>An admin sets up teams, routing, people, business calendars and canned replies in the browser; the API reads back what they saved.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class AdminPeopleTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_creates_a_team_adds_a_member_with_skills_and_sets_its_routing()
    {
        var agent = await app.JoinAsync(Features.Workspaces.Roles.Agent);
        var calendar = await CreateCalendarAsync($"Paris office {Random.Shared.Next(1000, 9999)}");
        var name = $"Billing FR {Random.Shared.Next(1000, 9999)}";
        var page = await AdminPageAsync("Teams and routing");

        await page.GetByLabel("New team's name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Team {name}" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add a member" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = agent.Email }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var skills = page.GetByRole(AriaRole.Table, new() { Name = "Members and skills" });
        await Expect(skills.GetByRole(AriaRole.Row).Filter(new() { HasText = "A agent" })).ToBeVisibleAsync();
        await skills.GetByLabel("Languages · A agent").FillAsync("fr");
        await skills.GetByLabel("Channels · A agent").FillAsync("x, facebook");
        await skills.GetByLabel("Capacity · A agent").FillAsync("4");
        await skills.GetByRole(AriaRole.Button, new() { Name = "Save the skills: A agent" }).ClickAsync();
        await Expect(page.GetByText("Saved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Assignment" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Load-balanced" }).ClickAsync();
        await page.GetByLabel("Capacity per agent").FillAsync("6");
        await page.GetByLabel("Return when away (minutes)").FillAsync("20");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Business calendar" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = calendar.Name }).ClickAsync();
        await page.GetByLabel("Rule: languages").FillAsync("fr");
        await page.GetByLabel("Rule: topics").FillAsync("billing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the routing" }).ClickAsync();

        var team = (await app.Api.GetFromJsonAsync<List<TeamEndpoints.TeamView>>("/api/v1/teams", SocialDeskFactory.Json))!.Single(t => t.Name == name);
        var routing = await SocialDeskFactory.EventuallyAsync(
            async () => (await app.Api.GetFromJsonAsync<RoutingEndpoints.RoutingView>($"/api/v1/teams/{team.Id}/routing", SocialDeskFactory.Json))!,
            routing => routing.AutoAssignment == AutoAssignment.LoadBalanced);
        Assert.Equal((calendar.Id, 6, 20), (routing.CalendarId, routing.AgentCapacity, routing.AwayReturnMinutes));
        Assert.Equal(["fr"], routing.RouteLanguages);
        Assert.Equal(["billing"], routing.RouteTopics);
        var member = Assert.Single(routing.Members);
        Assert.Equal((agent.UserId, 4), (member.UserId, member.Capacity));
        Assert.Equal(["fr"], member.Languages);
        Assert.Equal(["x", "facebook"], member.Channels);
        await ScreenshotAsync(page, "teams.png");
    }

    [Fact]
    public async Task An_admin_changes_a_member_s_role()
    {
        var analyst = await app.JoinAsync(Features.Workspaces.Roles.Analyst);
        var page = await AdminPageAsync("Users and roles");
        var members = page.GetByRole(AriaRole.Table, new() { Name = "Members" });
        var row = members.GetByRole(AriaRole.Row).Filter(new() { HasText = analyst.Email });

        await row.GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Supervisor" }).ClickAsync();

        await Expect(page.GetByText("A analyst is now Supervisor")).ToBeVisibleAsync();
        var listed = await app.Api.GetFromJsonAsync<List<MemberEndpoints.MemberView>>("/api/v1/members", SocialDeskFactory.Json);
        Assert.Equal("supervisor", listed!.Single(m => m.UserId == analyst.UserId).Role);
    }

    [Fact]
    public async Task The_last_admin_keeps_their_role_and_the_page_shows_the_api_s_refusal()
    {
        var admin = await app.OtherWorkspaceAdminAsync();
        var page = await AdminPageAsync("Users and roles", admin);
        var members = page.GetByRole(AriaRole.Table, new() { Name = "Members" });

        await members.GetByRole(AriaRole.Button, new() { Name = "Remove from the workspace: Administrator" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove from the workspace" }).ClickAsync();
        await Expect(members.GetByRole(AriaRole.Row).Filter(new() { HasText = SocialDeskFactory.AdminEmail })).ToHaveCountAsync(0);
        var own = members.GetByRole(AriaRole.Row).Filter(new() { HasText = admin.Email }).GetByRole(AriaRole.Combobox);
        await own.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Agent" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A workspace keeps at least one admin: make someone else admin first." })).ToBeVisibleAsync();
        await Expect(own).ToContainTextAsync("Admin");
    }

    [Fact]
    public async Task An_admin_creates_a_business_calendar_with_a_split_shift_and_a_holiday_after_the_api_s_checks_refuse_a_bad_time()
    {
        var name = $"Lyon {Random.Shared.Next(1000, 9999)}";
        var page = await AdminPageAsync("Business calendars");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "New calendar" });

        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a shift Monday" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a shift Monday" }).ClickAsync();
        await form.Locator("#monday-1-from").FillAsync("09:00");
        await form.Locator("#monday-1-to").FillAsync("12:30");
        await form.Locator("#monday-2-from").FillAsync("14:00");
        await form.Locator("#monday-2-to").FillAsync("18:60");
        await form.GetByRole(AriaRole.Button, new() { Name = "Copy Monday to Tuesday–Friday" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a holiday" }).ClickAsync();
        await form.GetByLabel("Holiday 1", new() { Exact = true }).FillAsync("2026-12-25");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("hours.monday[1].to: \"18:60\" is not a time of day");

        await form.Locator("#monday-2-to").FillAsync("18:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Copy Monday to Tuesday–Friday" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Business calendars" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Mon–Fri 09:00–12:30, 14:00–18:00");
        await Expect(row).ToContainTextAsync("2026-12-25");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await Expect(page.Locator("#friday-2-to")).ToHaveValueAsync("18:00");
        await ScreenshotAsync(page, "calendars.png");
        var calendar = (await app.Api.GetFromJsonAsync<List<SlaEndpoints.CalendarView>>("/api/v1/sla/calendars", SocialDeskFactory.Json))!.Single(c => c.Name == name);
        Assert.Equal("Europe/Paris", calendar.Definition.TimeZone);
        Assert.Equal([new LocalRange("09:00", "12:30"), new LocalRange("14:00", "18:00")], calendar.Definition.Hours!["friday"]);
        Assert.Equal(["2026-12-25"], calendar.Definition.Holidays);
    }

    [Fact]
    public async Task A_canned_reply_written_on_its_page_is_offered_on_a_conversation_with_the_customer_s_name_filled_in()
    {
        var customer = $"Inès Laurent {Random.Shared.Next(1000, 9999)}";
        var text = $"@TwitterDev ma facture est fausse {Guid.NewGuid():N}";
        await app.MentionAsync(customer, text);
        var conversation = (await app.WaitForConversationsAsync(1, $"?q={Uri.EscapeDataString(text)}")).Items.Single();
        var name = $"billing-sorry-{Random.Shared.Next(1000, 9999)}";
        var page = await AdminPageAsync("Canned replies");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Language", new() { Exact = true }).FillAsync("fr");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Nous vérifions votre facture, merci de votre patience ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert {{customer.name}}" }).ClickAsync();
        await Expect(page.GetByTestId("canned-preview")).ToHaveTextAsync("Nous vérifions votre facture, merci de votre patience Camille Martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Canned replies" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToBeVisibleAsync();

        var offered = await app.Api.GetFromJsonAsync<List<CannedReplies.FilledReply>>($"/api/v1/conversations/{conversation.Id}/canned-replies", SocialDeskFactory.Json);
        Assert.Equal($"Nous vérifions votre facture, merci de votre patience {customer}", offered!.Single(r => r.Name == name).Text);
    }

    /// <summary>The whole page from its top, where the app bar stands.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(name), FullPage = true });
    }

    /// <summary>
    /// Signs an admin in and opens one of the admin pages through the app bar's menu: by default a new admin of the bootstrap
    /// workspace only, whom the sign-in takes there whatever other workspaces the tests have made.
    /// </summary>
    private async Task<IPage> AdminPageAsync(string title, SocialDeskFactory.Member? admin = null)
    {
        admin ??= await app.JoinAsync(Features.Workspaces.Roles.Admin);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, admin.Email, SocialDeskFactory.MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private async Task<SlaEndpoints.CalendarView> CreateCalendarAsync(string name)
    {
        var created = await app.Api.PostAsJsonAsync("/api/v1/sla/calendars", new { name, definition = new { timeZone = "Europe/Paris", hours = new { monday = new[] { new { from = "09:00", to = "18:00" } } } } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<SlaEndpoints.CalendarView>(SocialDeskFactory.Json))!;
    }
}
