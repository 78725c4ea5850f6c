using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Security;

namespace SocialDesk.Tests.Security;

/// <summary>
/// Where the Data Protection keys live and what protects them: never in a repository or beside the executable, in the
/// database for PostgreSQL (shared by every node) under a key-encryption certificate, and a wrong or lost key is a clear
/// refusal at start rather than a 500 on every webhook.
/// </summary>
public sealed class KeyStorageTests
{
    [Fact]
    public void By_default_the_database_and_its_keys_are_in_the_users_data_folder_not_in_the_working_directory_or_beside_the_executable()
    {
        var none = new ConfigurationBuilder().Build();
        var inMemory = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:SocialDesk"] = "Data Source=:memory:" }).Build();
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);

        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseProvider.ConnectionString(none)).DataSource;

        Assert.Equal(Path.Combine(data, "socialdesk", "socialdesk.db"), database);
        Assert.Equal(Path.Combine(data, "socialdesk", "keys"), KeyRing.KeysPath(none));
        Assert.Equal(Path.Combine(data, "socialdesk", "keys"), KeyRing.KeysPath(inMemory));
        Assert.False(KeyRing.KeysPath(inMemory).StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_folder_whose_files_git_tracks_stops_the_server_with_what_to_do()
    {
        var repository = Directory.CreateTempSubdirectory("socialdesk-repo-").FullName;
        try
        {
            var keys = Directory.CreateDirectory(Path.Combine(repository, "src", "keys")).FullName;
            await File.WriteAllTextAsync(Path.Combine(keys, "key-committed.xml"), "<key />");
            await GitAsync(repository, "init", "-q");
            await GitAsync(repository, "add", "src/keys/key-committed.xml");
            await using var app = SettingsApp.WithKeys(keys);

            var refusal = await app.RefusedStartAsync();

            Assert.Contains("key-committed.xml", refusal, StringComparison.Ordinal);
            Assert.Contains("git tracks", refusal, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [Fact]
    public async Task Keys_of_a_postgres_server_are_kept_in_the_database_encrypted_with_the_certificate()
    {
        await using var app = new SettingsApp(DatabaseProvider.Postgres, new Dictionary<string, string?>());
        await app.InitializeAsync();
        await app.CreateXChannelAsync();

        using var scope = app.Services.CreateScope();
        var keys = await SocialDeskFactory.Database(scope).DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        var key = Assert.Single(keys);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_on_one_postgres_database_share_the_keys_the_channel_secrets_and_the_sessions()
    {
        await using var first = new SettingsApp(DatabaseProvider.Postgres, new Dictionary<string, string?>());
        await first.InitializeAsync();
        var channel = await first.CreateXChannelAsync("shared-consumer-secret");
        using var browser = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email = SocialDeskFactory.AdminEmail, password = SocialDeskFactory.AdminPassword });
        await using var second = new SettingsApp(first, new Dictionary<string, string?>());
        await second.InitializeAsync();
        using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var delivered = await second.ReceiveXAsync(channel.Id, XPayloads.Tweet("7600000000000000001", "7601", "@TwitterDev on the second node", DateTime.UtcNow), "shared-consumer-secret");
        var me = await onSecond.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Postgres_without_a_key_encryption_certificate_refuses_to_start_and_says_what_to_set()
    {
        await using var app = new SettingsApp(DatabaseProvider.Postgres, new Dictionary<string, string?> { [KeyRing.CertificateKey] = null });

        var refusal = await app.RefusedStartAsync();

        Assert.Contains(KeyRing.CertificateKey, refusal, StringComparison.Ordinal);
        Assert.Contains(KeyRing.CertificatePasswordKey, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_encryption_certificate_stops_the_start_instead_of_failing_each_request()
    {
        var keys = Directory.CreateTempSubdirectory("socialdesk-keys-").FullName;
        try
        {
            await using (var first = SettingsApp.WithKeys(keys, TestCertificates.KeyEncryption))
            {
                await first.InitializeAsync();
                await first.CreateXChannelAsync();
            }

            await using var second = SettingsApp.WithKeys(keys, TestCertificates.Create("another"));

            var refusal = await second.RefusedStartAsync();

            Assert.Contains("cannot be decrypted", refusal, StringComparison.Ordinal);
            Assert.Contains(KeyRing.CertificateKey, refusal, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task Lost_keys_stop_the_start_instead_of_failing_each_webhook()
    {
        var folders = new[] { Directory.CreateTempSubdirectory("socialdesk-keys-").FullName, Directory.CreateTempSubdirectory("socialdesk-keys-").FullName };
        try
        {
            await using var first = SettingsApp.WithKeys(folders[0]);
            await first.InitializeAsync();
            var channel = await first.CreateXChannelAsync();
            await using var second = new SettingsApp(first, new Dictionary<string, string?> { [KeyRing.KeysPathKey] = folders[1] });

            var refusal = await second.RefusedStartAsync();

            Assert.Contains($"The secrets of channel {channel.Id} cannot be decrypted", refusal, StringComparison.Ordinal);
        }
        finally
        {
            Array.ForEach(folders, folder => Directory.Delete(folder, recursive: true));
        }
    }

    private static async Task GitAsync(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardError = true };
        Array.ForEach(arguments, start.ArgumentList.Add);
        using var git = Process.Start(start)!;
        var error = await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
