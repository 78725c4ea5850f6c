using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Security;

/// <summary>Channel secrets are ciphertext at rest, and never leave the server: not in an answer, not in a log line.</summary>
public sealed class ChannelSecretTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task Secrets_are_stored_as_ciphertext_of_the_servers_key_ring()
    {
        var secret = Unique("consumer");
        var channel = await app.CreateXChannelAsync(secret);

        var stored = await StoredSecretsAsync(app, channel.Id);

        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("x-access-token", stored, StringComparison.Ordinal);
        Assert.False(stored.StartsWith('{'));
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ChannelSecretProtection.Purpose);
        Assert.Equal(secret, JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(stored))!["consumerSecret"]);
    }

    [Fact]
    public async Task Secrets_never_appear_in_an_api_answer()
    {
        var secret = Unique("consumer");
        var replaced = Unique("replaced");
        var id = (await app.CreateXChannelAsync(secret)).Id;

        var answers = new[]
        {
            await app.Api.GetStringAsync($"/api/v1/channels/{id}"),
            await app.Api.GetStringAsync("/api/v1/channels"),
            await (await app.Api.PatchAsJsonAsync($"/api/v1/channels/{id}", new { name = "renamed", settings = new { consumerSecret = replaced } })).Content.ReadAsStringAsync(),
        };

        Assert.All(answers, answer =>
        {
            Assert.Contains("consumerSecret", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(replaced, answer, StringComparison.Ordinal);
            Assert.DoesNotContain("x-access-token", answer, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Secrets_never_appear_in_the_logs_of_a_webhook_and_reply_flow()
    {
        var consumerSecret = Unique("consumer");
        var appSecret = Unique("app");
        var x = await app.CreateXChannelAsync(consumerSecret);
        var page = await app.CreateFacebookChannelAsync(appSecret);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/webhooks/x/{x.Id}?crc_token=challenge")).StatusCode);
        await app.ReceiveXAsync(x.Id, XPayloads.Tweet("7100000000000000001", "7101", "@TwitterDev still waiting", DateTime.UtcNow), consumerSecret);
        await app.ReceiveXAsync(x.Id, "{\"for_user_id\": 1", consumerSecret: "not-the-secret");
        await app.ReceiveMetaAsync(page.Id, SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", "555_7101", StringComparison.Ordinal), appSecret);
        var tweet = (await app.WaitForConversationsAsync(1, $"?channel={x.Id}")).Items[0];
        var comment = (await app.WaitForConversationsAsync(1, $"?channel={page.Id}")).Items[0];
        await app.ReplyAsync(tweet.Id, "We are looking into it.");
        await app.ReplyAsync(comment.Id, "Nous regardons.");
        await SocialDeskFactory.EventuallyAsync(
            async () => new[] { await app.ConversationAsync(tweet.Id), await app.ConversationAsync(comment.Id) },
            both => both.All(c => c.Messages.Any(m => m.Direction == MessageDirection.Outbound && m.Delivery!.State == DeliveryState.Sent)));

        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Level == LogLevel.Debug);
        Assert.Contains(logs, l => l.Text.Contains("Executed DbCommand", StringComparison.Ordinal));
        foreach (var secret in new[] { consumerSecret, appSecret, "x-access-token", "meta-page-token" })
        {
            Assert.DoesNotContain(logs, l => l.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_row_written_before_encryption_is_read_and_encrypted_when_next_saved()
    {
        var channel = await app.CreateXChannelAsync();
        var legacy = JsonSerializer.Serialize(new Dictionary<string, string> { ["consumerSecret"] = "legacy-secret", ["accessToken"] = "legacy-token" });
        using (var scope = app.Services.CreateScope())
        {
            await SocialDeskFactory.Database(scope).Database.ExecuteSqlAsync($"UPDATE \"Channels\" SET \"Secrets\" = {legacy} WHERE \"Id\" = {channel.Id}");
        }

        var delivered = await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("7200000000000000001", "7201", "@TwitterDev hello", DateTime.UtcNow), "legacy-secret");
        var renamed = await app.Api.PatchAsJsonAsync($"/api/v1/channels/{channel.Id}", new { name = "renamed" });
        var stored = await StoredSecretsAsync(app, channel.Id);
        var deliveredAfter = await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("7200000000000000002", "7201", "@TwitterDev again", DateTime.UtcNow), "legacy-secret");

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.False(stored.StartsWith('{'));
        Assert.DoesNotContain("legacy-secret", stored, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deliveredAfter.StatusCode);
    }

    [Fact]
    public async Task Two_servers_in_one_process_each_read_their_own_secrets_with_their_own_key_ring()
    {
        var folders = new[] { Directory.CreateTempSubdirectory("socialdesk-keys-").FullName, Directory.CreateTempSubdirectory("socialdesk-keys-").FullName };
        var first = SettingsApp.WithKeys(folders[0]);
        var second = SettingsApp.WithKeys(folders[1]);
        try
        {
            await first.InitializeAsync();
            await second.InitializeAsync();
            var firstChannel = await first.CreateXChannelAsync("first-secret");
            var secondChannel = await second.CreateXChannelAsync("second-secret");

            var firstDelivery = await first.ReceiveXAsync(firstChannel.Id, XPayloads.Tweet("7300000000000000001", "7301", "@TwitterDev one", DateTime.UtcNow), "first-secret");
            var secondDelivery = await second.ReceiveXAsync(secondChannel.Id, XPayloads.Tweet("7300000000000000002", "7302", "@TwitterDev two", DateTime.UtcNow), "second-secret");
            var firstStored = await StoredSecretsAsync(first, firstChannel.Id);
            var secondProtector = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ChannelSecretProtection.Purpose);

            Assert.Equal(HttpStatusCode.OK, firstDelivery.StatusCode);
            Assert.Equal(HttpStatusCode.OK, secondDelivery.StatusCode);
            Assert.NotEmpty(Directory.GetFiles(folders[0], "key-*.xml"));
            Assert.NotEmpty(Directory.GetFiles(folders[1], "key-*.xml"));
            Assert.ThrowsAny<CryptographicException>(() => secondProtector.Unprotect(firstStored));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            Array.ForEach(folders, folder => Directory.Delete(folder, recursive: true));
        }
    }

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}";

    private static async Task<string> StoredSecretsAsync(SocialDeskFactory server, Guid channelId)
    {
        using var scope = server.Services.CreateScope();
        return await SocialDeskFactory.Database(scope).Database
            .SqlQuery<string>($"SELECT \"Secrets\" AS \"Value\" FROM \"Channels\" WHERE \"Id\" = {channelId}")
            .SingleAsync();
    }
}
