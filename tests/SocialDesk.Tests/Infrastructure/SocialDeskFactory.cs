using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialDesk.Data;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>
/// The whole server on a fresh database (SQLite by default; PostgreSQL when SOCIALDESK_TEST_DATABASE=Postgres),
/// with a fake platform beside it and the actions tests are written in.
/// </summary>
public class SocialDeskFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Token = "sd_test_token_for_the_integration_suite";
    public const string AdminEmail = "admin@socialdesk.local";
    public const string AdminPassword = "Correct-Horse-1";
    public const string MemberPassword = "a-long-member-password";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    private readonly string provider;
    private readonly SocialDeskFactory? sharing;
    private readonly string databaseName = $"socialdesk_test_{Guid.NewGuid():N}";
    private string connectionString = "";

    /// <summary>A server on a database of its own, on the suite's engine.</summary>
    public SocialDeskFactory()
        : this(SuiteProvider)
    {
    }

    /// <summary>The engine SOCIALDESK_TEST_DATABASE names: SQLite unless it says Postgres.</summary>
    public static string SuiteProvider => Environment.GetEnvironmentVariable("SOCIALDESK_TEST_DATABASE") ?? DatabaseProvider.Sqlite;

    /// <summary>A server on a database of its own on the given engine, for what only one engine has.</summary>
    protected SocialDeskFactory(string provider) => this.provider = provider;

    /// <summary>A second node on another server's database (which that server creates and drops).</summary>
    protected SocialDeskFactory(SocialDeskFactory sharing)
        : this(sharing.Provider) => this.sharing = sharing;

    public FakePlatform Platform { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public string ConnectionString => connectionString;

    public string Provider => provider;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SOCIALDESK_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    /// <summary>The settings a verb of the executable needs to use this server's database, as command-line arguments.</summary>
    public IReadOnlyList<string> DatabaseArguments =>
    [
        $"--Database:Provider={provider}",
        $"--ConnectionStrings:SocialDesk={connectionString}",
        .. provider == DatabaseProvider.Postgres ? [$"--{KeyRing.CertificateKey}={TestCertificates.KeyEncryption}", $"--{KeyRing.CertificatePasswordKey}={TestCertificates.Password}"] : Array.Empty<string>(),
    ];

    public async Task InitializeAsync()
    {
        if (sharing is not null)
        {
            connectionString = sharing.ConnectionString;
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {databaseName}", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = $"{PostgresServer};Database={databaseName}";
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), databaseName + ".db")}";
        }

        Platform = await FakePlatform.StartAsync();
        Api = CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:SocialDesk", connectionString);
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting(KeyRing.CertificateKey, TestCertificates.KeyEncryption);
            builder.UseSetting(KeyRing.CertificatePasswordKey, TestCertificates.Password);
        }

        builder.UseSetting("Bootstrap:ApiToken", Token);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Channels:AllowLocalApiBaseUrl", "true");
        builder.UseSetting("Replies:PlatformTimeout", "00:00:01");
        builder.UseSetting("Replies:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("Replies:Poll", "00:00:00.100");

        // The suite is not throttled: the security tests set the limits they test.
        builder.UseSetting("RateLimits:LoginPerMinute", "1000000");
        builder.UseSetting("RateLimits:ApiPerMinute", "1000000");
        builder.UseSetting("RateLimits:WebhooksPerMinute", "1000000");
        builder.UseSetting("RateLimits:UnsignedWebhooksPerMinute", "1000000");
    }

    public new async Task DisposeAsync()
    {
        // A server that refused to start has no client, and may have no platform.
        Api?.Dispose();
        await base.DisposeAsync();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        if (sharing is not null)
        {
            return;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), databaseName + ".db*"))
            {
                File.Delete(file);
            }
        }
    }

    public static AppDbContext Database(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    public Task<ChannelEndpoints.ChannelView> CreateXChannelAsync(string consumerSecret = "x-consumer-secret") =>
        CreateXChannelAsync(Api, consumerSecret, Platform.BaseUrl.ToString());

    /// <summary>An X channel of the account the payloads are for, created through the API of any server.</summary>
    public static async Task<ChannelEndpoints.ChannelView> CreateXChannelAsync(HttpClient api, string consumerSecret, string apiBaseUrl)
    {
        var response = await api.PostAsJsonAsync("/api/v1/channels", new
        {
            kind = "x",
            name = "@TwitterDev",
            settings = new Dictionary<string, string>
            {
                ["accountId"] = FakePlatform.XAccountId,
                ["handle"] = "TwitterDev",
                ["consumerSecret"] = consumerSecret,
                ["accessToken"] = "x-access-token",
                ["apiBaseUrl"] = apiBaseUrl,
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ChannelEndpoints.ChannelView>(Json))!;
    }

    public async Task<ChannelEndpoints.ChannelView> CreateFacebookChannelAsync(string appSecret = "meta-app-secret")
    {
        var response = await Api.PostAsJsonAsync("/api/v1/channels", new
        {
            kind = "facebook",
            name = "Page",
            settings = new Dictionary<string, string>
            {
                ["pageId"] = FakePlatform.PageId,
                ["appSecret"] = appSecret,
                ["verifyToken"] = "meta-verify-token",
                ["pageAccessToken"] = "meta-page-token",
                ["apiBaseUrl"] = Platform.BaseUrl.ToString(),
            },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChannelEndpoints.ChannelView>(Json))!;
    }

    /// <summary>Delivers a body to the X webhook, signed as X signs it unless a signature is given.</summary>
    public Task<HttpResponseMessage> ReceiveXAsync(Guid channelId, string body, string consumerSecret = "x-consumer-secret", string? signature = null) =>
        DeliverAsync(XDelivery(channelId, body, consumerSecret, signature));

    /// <summary>A delivery to the X webhook of any server, signed as X signs it unless a signature is given.</summary>
    public static HttpRequestMessage XDelivery(Guid channelId, string body, string consumerSecret, string? signature = null) =>
        Delivery($"/webhooks/x/{channelId}", body, "x-twitter-webhooks-signature", signature ?? WebhookSignature.Base64(consumerSecret, Encoding.UTF8.GetBytes(body)));

    /// <summary>Delivers a body to the Meta webhook, signed as Meta signs it unless a signature is given.</summary>
    public Task<HttpResponseMessage> ReceiveMetaAsync(Guid channelId, string body, string appSecret = "meta-app-secret", string? signature = null) =>
        DeliverAsync(Delivery($"/webhooks/meta/{channelId}", body, "X-Hub-Signature-256", signature ?? WebhookSignature.Hex(appSecret, Encoding.UTF8.GetBytes(body))));

    private static HttpRequestMessage Delivery(string path, string body, string header, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, signature);
        return request;
    }

    private async Task<HttpResponseMessage> DeliverAsync(HttpRequestMessage request)
    {
        using var client = CreateClient();
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    public async Task<HttpResponseMessage> ReplyAsync(Guid conversationId, string text, bool isPrivate = false) =>
        await Api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/replies", new { text, @private = isPrivate });

    public async Task<ConversationPage> ConversationsAsync(string query = "") =>
        (await Api.GetFromJsonAsync<ConversationPage>($"/api/v1/conversations{query}", Json))!;

    public async Task<ConversationDetail> ConversationAsync(Guid id) =>
        (await Api.GetFromJsonAsync<ConversationDetail>($"/api/v1/conversations/{id}", Json))!;

    /// <summary>Polls until the condition holds: the workers run on their own, and a test waits for what they produce.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested || !await tick.WaitForNextTickAsync(deadline.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
            {
                throw new TimeoutException($"The condition did not hold in time; last value: {JsonSerializer.Serialize(value, Json)}");
            }
        }
    }

    public Task<ConversationPage> WaitForConversationsAsync(int count, string query = "") =>
        EventuallyAsync(() => ConversationsAsync(query), page => page.Total >= count);

    public static string Fixture(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    /// <summary>A person invited with the role by an admin session (the bootstrap token's workspace by default), who accepted and signed in.</summary>
    public async Task<Member> JoinAsync(string role, HttpClient? admin = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.socialdesk.local";
        var invited = await (admin ?? Api).PostAsJsonAsync("/api/v1/invitations", new { email, role });
        invited.EnsureSuccessStatusCode();
        var invitation = (await invited.Content.ReadFromJsonAsync<MemberEndpoints.InvitationCreated>(Json))!;
        var accepted = await CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invitation.Token, displayName = $"A {role}", password = MemberPassword });
        accepted.EnsureSuccessStatusCode();
        var userId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        return new Member(await SignInAsync(email, MemberPassword), userId, email);
    }

    /// <summary>A browser-like client holding a session cookie, in the given workspace or the first one.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password, Guid? workspaceId = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, workspaceId });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A second workspace with its own admin (who belongs to no other workspace), as a signed-in client.</summary>
    public async Task<Member> OtherWorkspaceAdminAsync()
    {
        var created = await Api.PostAsJsonAsync("/api/v1/workspaces", new { name = $"Other {Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();
        var workspaceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var founder = await SignInAsync(AdminEmail, AdminPassword, workspaceId);
        return await JoinAsync(Features.Workspaces.Roles.Admin, founder);
    }

    /// <summary>A member as a test acts through them: their signed-in client and who they are.</summary>
    public sealed record Member(HttpClient Client, Guid UserId, string Email);

    /// <summary>The bootstrap workspace's audit log, filtered by the query (<c>?action=conversation.assign&amp;entityId=...</c>).</summary>
    public async Task<AuditEndpoints.AuditPage> AuditAsync(string query = "") =>
        (await Api.GetFromJsonAsync<AuditEndpoints.AuditPage>($"/api/v1/audit{query}", Json))!;
}
