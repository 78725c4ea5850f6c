using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Npgsql;
using SocialDesk.EndToEnd.Infrastructure;
using SocialDesk.Features.Conversations;

namespace SocialDesk.EndToEnd.Publishing;

/// <summary>
/// The published folder as an operator runs it: started from another working directory on a new database, it serves
/// the web app with its scripts and styles, the API and the webhooks, and greets nobody with a warning.
/// </summary>
public sealed class PublishedServerTests(PublishedBuild build) : IClassFixture<PublishedBuild>, IDisposable
{
    private const string AdminPassword = "Published-Horse-7";
    private const string Token = "sd_published_build_token_for_the_journey";
    private const string ConsumerSecret = "published-consumer-secret";
    private const string CertificatePassword = "key-ring-certificate-password";
    private static readonly string[] WarningLevels = ["Warning", "Error", "Critical"];
    private readonly DirectoryInfo operatorFolder = Directory.CreateTempSubdirectory("socialdesk-operator-");

    [Fact]
    public async Task On_a_new_sqlite_database_it_serves_the_journey_and_writes_no_warning()
    {
        using var server = await PublishedServer.StartAsync(build.Folder, operatorFolder.FullName, [
            $"--ConnectionStrings:SocialDesk=Data Source={Path.Combine(operatorFolder.FullName, "socialdesk.db")}",
            .. Settings()]);

        await JourneyAsync(server);
        server.Dispose();

        Assert.Contains(server.Lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Lines, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_new_postgresql_database_it_serves_the_journey_and_logs_json_without_a_warning()
    {
        var database = $"socialdesk_published_{Guid.NewGuid():N}";
        await PostgresAsync($"CREATE DATABASE {database}");
        try
        {
            using var server = await PublishedServer.StartAsync(build.Folder, operatorFolder.FullName, [
                "--Database:Provider=Postgres",
                $"--ConnectionStrings:SocialDesk={SocialDeskFactory.PostgresServer};Database={database}",
                "--Logging:Console:FormatterName=json",
                .. Settings()]);

            await JourneyAsync(server);
            server.Dispose();

            // Log entries are JSON, one a line; the bootstrap's own lines are printed, not logged.
            var entries = server.Lines.Where(line => !line.StartsWith("SocialDesk: ", StringComparison.Ordinal)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.NotEmpty(entries);
            Assert.DoesNotContain(entries, entry => WarningLevels.Contains(entry.GetProperty("LogLevel").GetString()));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    public void Dispose() => operatorFolder.Delete(recursive: true);

    /// <summary>Signs in through the browser and sees the inbox, creates an X channel through the API and delivers a mention to its webhook.</summary>
    private async Task JourneyAsync(PublishedServer server)
    {
        await using var context = await build.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var answers = new ConcurrentQueue<(string Url, int Status)>();
        page.Response += (_, response) => answers.Enqueue((response.Url, response.Status));

        await BrowserApp.SignInAsync(page, SocialDeskFactory.AdminEmail, AdminPassword);

        Assert.Contains(answers, a => a.Url.Contains(".styles.css", StringComparison.Ordinal) && a.Status == 200);
        Assert.Contains(answers, a => a.Url.Contains("/_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.Url.EndsWith(".css", StringComparison.Ordinal) && a.Status == 200);
        Assert.Contains(answers, a => a.Url.Contains("/_framework/blazor.web.", StringComparison.Ordinal) && a.Status == 200);

        using var api = new HttpClient { BaseAddress = server.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var channel = await SocialDeskFactory.CreateXChannelAsync(api, ConsumerSecret, "https://api.x.com");
        var body = XPayloads.Tweet("1990000000000000001", "4242", "@TwitterDev my order never arrived", DateTime.UtcNow.AddMinutes(-1));
        using var delivery = SocialDeskFactory.XDelivery(channel.Id, body, ConsumerSecret);

        var delivered = await api.SendAsync(delivery);
        var conversations = await SocialDeskFactory.EventuallyAsync(() => api.GetFromJsonAsync<ConversationPage>("/api/v1/conversations", SocialDeskFactory.Json), page => page!.Total > 0);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(channel.Id, Assert.Single(conversations!.Items).ChannelId);
    }

    /// <summary>The settings both starts share: the bootstrap's credentials, and a key ring of its own encrypted with a certificate made here.</summary>
    private string[] Settings()
    {
        var certificate = Path.Combine(operatorFolder.FullName, "key-encryption.pfx");
        using var key = RSA.Create(2048);
        using var selfSigned = new CertificateRequest("CN=SocialDesk key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificate, selfSigned.Export(X509ContentType.Pfx, CertificatePassword));
        return
        [
            $"--Bootstrap:AdminPassword={AdminPassword}",
            $"--Bootstrap:ApiToken={Token}",
            $"--DataProtection:KeysPath={Path.Combine(operatorFolder.FullName, "keys")}",
            $"--DataProtection:Certificate={certificate}",
            $"--DataProtection:CertificatePassword={CertificatePassword}",
        ];
    }

    private static async Task PostgresAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(SocialDeskFactory.PostgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
