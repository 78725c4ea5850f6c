using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Channels;

namespace SocialDesk.EndToEnd.Infrastructure;

/// <summary>
/// The whole server on a real port of 127.0.0.1 (the integration suite's clocked factory, fake platform included) and
/// Debian's Chromium driven by Playwright; every test opens a browser context of its own. The clock keeps real time
/// unless a test sets it; the SLA worker makes its passes when a test asks.
/// </summary>
public sealed class BrowserApp : ClockedApp, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? playwright;
    private Task? defaultPolicy;

    public BrowserApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>The server's configured public address: the same server, under another name than the browser's.</summary>
    public Uri PublicBaseUrl { get; private set; } = null!;

    /// <summary>An X channel of the bootstrap workspace, whose webhook the tests deliver to.</summary>
    public ChannelEndpoints.ChannelView XChannel { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        Address = Api.BaseAddress!;

        // The address the server shows and tests as its own is the configured one, never the browser's: here localhost,
        // while the browser comes to 127.0.0.1.
        PublicBaseUrl = new UriBuilder(Address) { Host = "localhost" }.Uri;
        Services.GetRequiredService<IConfiguration>()[PublicAddress.Key] = PublicBaseUrl.ToString();
        XChannel = await CreateXChannelAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's Chromium, headless: Playwright never downloads a browser.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        File.Exists(ChromiumPath)
            ? playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs })
            : throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium).");

    public new async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The web app's scripts and styles come from the build's static web assets, as under `dotnet run` in Development.
        builder.UseStaticWebAssets();

        // The sender polls the outbox often, so that a reply shows as delivered while the test looks.
        builder.UseSetting("Replies:Poll", "00:00:00.050");

        // An open tab learns of a changed role within a second.
        builder.UseSetting("Web:RevalidationInterval", "00:00:01");
    }

    /// <summary>A fresh page in a browser context of its own, speaking the given language, at a laptop's size.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, and waits for the inbox.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A mention of the channel's account, delivered to the webhook as X signs it: by a new customer, or by the one whose
    /// id is given (it joins that customer's open conversation). Returns the customer's id.
    /// </summary>
    public async Task<string> MentionAsync(string customer, string text, DateTime? at = null, string? customerId = null)
    {
        var id = Random.Shared.NextInt64(1_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var author = customerId ?? id[..9];
        var delivered = await ReceiveXAsync(XChannel.Id, XPayloads.Tweet(id, author, text, at ?? DateTime.UtcNow.AddMinutes(-5), name: customer));
        delivered.EnsureSuccessStatusCode();
        return author;
    }

    /// <summary>
    /// The workspace's default SLA policy (first response in 30 minutes, next in an hour, resolution in 8 hours), made
    /// once: conversations started after it get its due times.
    /// </summary>
    public Task EnsureDefaultSlaPolicyAsync() => defaultPolicy ??= CreatePolicyAsync(new
    {
        name = "Social default",
        position = 100,
        isDefault = true,
        firstResponseMinutes = 30,
        nextResponseMinutes = 60,
        resolutionMinutes = 480,
        warningMinutes = 10,
    });

    /// <summary>Where screenshots go: docs/screenshots of the repository, which the README links.</summary>
    public static string ScreenshotPath(string name) =>
        Path.Combine(SharedData.RepositoryRoot ?? ".", "docs", "screenshots", name);
}

[CollectionDefinition(Name)]
public sealed class UsesTheBrowser : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
