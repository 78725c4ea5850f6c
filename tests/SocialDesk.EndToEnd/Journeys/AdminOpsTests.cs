using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.EndToEnd.Journeys;

/// <summary>An admin runs the workspace's plumbing in the browser: channels and their webhooks, failed deliveries, API tokens, the audit log.</summary>
[Collection(UsesTheBrowser.Name)]
public sealed class AdminOpsTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_connects_an_x_channel_whose_webhook_passes_the_crc_check_and_fails_it_when_it_answers_with_another_secret()
    {
        var name = $"@Brand{Random.Shared.Next(1000, 9999)}";
        var page = await SignedInAdminAsync("Channels");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("accountId").FillAsync(FakePlatform.XAccountId);
        await page.GetByLabel("handle").FillAsync(name[1..]);
        await page.GetByLabel("apiBaseUrl").FillAsync(app.Platform.BaseUrl.ToString());
        await page.GetByLabel("consumerSecret").FillAsync("brand-consumer-secret");
        await page.GetByLabel("accessToken").FillAsync("brand-access-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
        await Expect(row).ToContainTextAsync("Secrets set: accessToken, consumerSecret");
        var channel = (await app.Api.GetFromJsonAsync<List<ChannelEndpoints.ChannelView>>("/api/v1/channels", SocialDeskFactory.Json))!.Single(c => c.Name == name);
        Assert.Equal(new Dictionary<string, string> { ["accountId"] = FakePlatform.XAccountId, ["handle"] = name[1..], ["apiBaseUrl"] = app.Platform.BaseUrl.ToString() }, channel.Settings);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = $"Webhook URL {name}" })).ToHaveValueAsync(new Uri(app.PublicBaseUrl, channel.WebhookPath).ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = $"Test the webhook {name}" }).ClickAsync();

        var check = page.GetByRole(AriaRole.Status, new() { Name = $"Webhook test {name}" });
        await Expect(check).ToHaveTextAsync("The webhook answered the platform's check correctly.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("channels.png"), FullPage = true });

        // Another node changes the secret: this one's webhook answers from its channel cache with the old one for a while.
        using (var scope = app.Services.CreateScope())
        {
            var db = SocialDeskFactory.Database(scope);
            var stored = await db.Channels.SingleAsync(c => c.Id == channel.Id);
            stored.Secrets = new Dictionary<string, string>(stored.Secrets) { ["consumerSecret"] = "changed-on-another-node" };
            await db.SaveChangesAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Test the webhook {name}" }).ClickAsync();

        await Expect(check).ToContainTextAsync("The platform's check would fail: The answer's response_token is sha256=");
        await Expect(check).ToContainTextAsync("the HMAC-SHA256 of the crc_token with the channel's consumer secret is sha256=");

        // Saving the secret here reaches this node's webhook at once; the secrets left empty stay as they were.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await page.GetByLabel("consumerSecret").FillAsync("brand-consumer-secret-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(check).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Test the webhook {name}" }).ClickAsync();
        await Expect(check).ToHaveTextAsync("The webhook answered the platform's check correctly.");
        var edited = (await app.Api.GetFromJsonAsync<ChannelEndpoints.ChannelView>($"/api/v1/channels/{channel.Id}", SocialDeskFactory.Json))!;
        Assert.Equal(["accessToken", "consumerSecret"], edited.SecretsSet);
        await AuditShowsAsync(page, "channel.create", channel.Id.ToString());
    }

    [Fact]
    public async Task Without_a_public_base_url_the_channels_page_says_what_to_set_instead_of_trusting_the_browsers_address()
    {
        var channel = app.XChannel;
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration[PublicAddress.Key] = "";
        try
        {
            var page = await SignedInAdminAsync("Channels");

            var note = page.GetByRole(AriaRole.Note, new() { Name = $"Webhook URL {channel.Name}" }).First;
            await Expect(note).ToContainTextAsync($"Set PublicBaseUrl to the address platforms reach this server at (for example https://desk.example.com) to see and test the webhook URL; its path is {channel.WebhookPath}.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Test the webhook {channel.Name}" }).First).ToBeDisabledAsync();
            await Expect(page.GetByText(app.Address.Authority)).ToHaveCountAsync(0);
        }
        finally
        {
            configuration[PublicAddress.Key] = app.PublicBaseUrl.ToString();
        }
    }

    [Fact]
    public async Task A_failed_raw_event_is_listed_with_its_reason_and_retried_after_the_fix_it_is_processed()
    {
        var channel = await app.CreateXChannelAsync();
        await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { settings = new { accountId = "1111" } });
        var tweet = $"@TwitterDev anyone there? #{Random.Shared.Next(10_000, 99_999)}";
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet(Random.Shared.NextInt64(1_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture), "4401", tweet, DateTime.UtcNow));
        var failed = await SocialDeskFactory.EventuallyAsync(
            () => app.Api.GetFromJsonAsync<IngestionEndpoints.RawEventPage>("/api/v1/raw-events?status=failed&pageSize=200", SocialDeskFactory.Json),
            found => found!.Items.Any(e => e.ChannelId == channel.Id));
        var id = failed!.Items.Single(e => e.ChannelId == channel.Id).Id.ToString(CultureInfo.InvariantCulture);
        var page = await SignedInAdminAsync("Raw events");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = id, Exact = true }) });
        await Expect(row).ToContainTextAsync("this channel is account 1111");
        await Expect(row).ToContainTextAsync("failed");
        await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { settings = new { accountId = FakePlatform.XAccountId } });

        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry {id}" }).ClickAsync();

        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Queued again: refresh to see how it went.");
        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "processed" }).ClickAsync();
        await Expect(row).ToContainTextAsync("processed");
        await AuditShowsAsync(page, "raw-event.retry", id);
    }

    [Fact]
    public async Task An_admin_creates_a_token_whose_secret_shows_once_works_against_the_api_within_its_scopes_and_stops_when_revoked()
    {
        var name = $"CI export {Random.Shared.Next(1000, 9999)}";
        var page = await SignedInAdminAsync("API tokens");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Scopes" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "channels.read" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the token" }).ClickAsync();

        var secret = await page.GetByLabel("Token secret", new() { Exact = true }).InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy: Token secret" }).ClickAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        using var integration = new HttpClient { BaseAddress = app.Address };
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/v1/audit")).StatusCode);

        await page.ReloadAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("channels.read");
        await Expect(row).ToContainTextAsync("127.0.0.1");
        await Expect(page.GetByLabel("Token secret", new() { Exact = true })).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();

        await Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/v1/channels")).StatusCode);
        await AuditShowsAsync(page, "token.revoke", null);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Action", Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "token.create" })).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("audit.png"), FullPage = true });
    }

    [Fact]
    public async Task The_audit_log_filters_by_member_and_period_in_the_user_s_days()
    {
        var page = await SignedInAdminAsync("Audit log");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Who" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Administrator" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From (day)" }).FillAsync(today);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From (day)" }).PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows.Filter(new() { HasText = "channel.create" }).First).ToContainTextAsync("Administrator");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From (day)" }).FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From (day)" }).PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByText("No entry matches these filters.")).ToBeVisibleAsync();
    }

    /// <summary>The admin signed in, on the operations page of that name, opened from the app bar's menu.</summary>
    private async Task<IPage> SignedInAdminAsync(string pageName)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Operations" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = pageName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = pageName, Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The audit log, filtered by the action, shows it done by the admin (on the entity, when given).</summary>
    private static async Task AuditShowsAsync(IPage page, string action, string? entityId)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Operations" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Audit log" }).ClickAsync();
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync(action);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        var entry = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = action }).Filter(new() { HasText = entityId ?? "" }).First;
        await Expect(entry).ToContainTextAsync("Administrator");
    }
}
