using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Conversations;

/// <summary>The conversation list's <c>q</c>: a text any message of the conversation contains, case aside, through the search index of each engine.</summary>
public sealed class MessageSearchTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateTime Morning = ClockedApp.At("2026-03-02T09:00:00Z");

    /// <summary>A customer's messages on a channel of their own, each replying to the one before: one conversation.</summary>
    private async Task<Guid> ConversationAsync(params string[] texts)
    {
        var channel = await app.CreateXChannelAsync();
        var ids = texts.Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        await app.SendAsync([.. texts.Select((text, i) => ClockedApp.Customer(channel.Id, ids[i], "searcher", Morning.AddMinutes(i), replyTo: i == 0 ? null : ids[i - 1], text: text))]);
        return channel.Id;
    }

    private async Task<int> FoundAsync(Guid channel, string text) =>
        (await app.ConversationsAsync($"?channel={channel}&q={Uri.EscapeDataString(text)}")).Total;

    [Fact]
    public async Task A_text_inside_a_later_message_is_found_whatever_its_case()
    {
        var channel = await ConversationAsync("Hello?", "My parcel was never DELIVERED to Rue Haute");

        Assert.Equal(1, await FoundAsync(channel, "delivered to"));
        Assert.Equal(1, await FoundAsync(channel, "LIVERED"));
        Assert.Equal(1, await FoundAsync(channel, "  rue haute "));
        Assert.Equal(0, await FoundAsync(channel, "delivered by"));
    }

    [Fact]
    public async Task Accents_count_and_accented_letters_match_in_either_case()
    {
        var channel = await ConversationAsync("Électricité coupée à Saint-Étienne depuis ce matin");

        Assert.Equal(1, await FoundAsync(channel, "électricité"));
        Assert.Equal(1, await FoundAsync(channel, "COUPÉE"));
        Assert.Equal(0, await FoundAsync(channel, "electricite"));
        Assert.Equal(0, await FoundAsync(channel, "coupee"));
    }

    [Fact]
    public async Task Texts_shorter_than_three_characters_are_found_too()
    {
        var channel = await ConversationAsync("Order X9 is late");

        Assert.Equal(1, await FoundAsync(channel, "x9"));
        Assert.Equal(1, await FoundAsync(channel, "9"));
        Assert.Equal(0, await FoundAsync(channel, "x8"));
    }

    [Fact]
    public async Task Wildcards_and_quotes_in_the_text_are_taken_literally()
    {
        var channel = await ConversationAsync("They promised 100% \"free\" shipping, free shipping!");
        var other = await ConversationAsync("They promised 1000 free_shipping");

        Assert.Equal(1, await FoundAsync(channel, "100% \"free\""));
        Assert.Equal(0, await FoundAsync(other, "100%"));
        Assert.Equal(1, await FoundAsync(other, "e_s"));
        Assert.Equal(0, await FoundAsync(channel, "e_s"));
    }

    [Fact]
    public async Task An_edited_message_is_found_by_its_new_text_only()
    {
        var channel = await app.CreateFacebookChannelAsync();
        var added = SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", "555_9101", StringComparison.Ordinal);
        await app.ReceiveMetaAsync(channel.Id, added);
        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}&q=pas%20terrible");

        await app.ReceiveMetaAsync(channel.Id, added.Replace("\"verb\": \"add\"", "\"verb\": \"edited\"", StringComparison.Ordinal).Replace("Pas terrible.", "Toujours rien.", StringComparison.Ordinal));

        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}&q=toujours%20rien");
        Assert.Equal(0, await FoundAsync(channel.Id, "pas terrible"));
    }

    [Fact]
    public async Task An_erased_or_deleted_message_is_found_no_more()
    {
        var erased = await ConversationAsync("My name is Ada Lovelace, call me back");
        var deleted = await ConversationAsync("Wrong number, sorry, delete this");
        var contact = (await app.ConversationAsync(await app.ConversationOfAsync(erased, "searcher"))).Contact.Id;

        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/contacts/{contact}/erase", null)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await SocialDeskFactory.Database(scope).Messages.Where(m => m.ChannelId == deleted).ExecuteDeleteAsync();
        }

        Assert.Equal(0, await FoundAsync(erased, "lovelace"));
        Assert.Equal(0, await FoundAsync(deleted, "wrong number"));
    }

    [Fact]
    public async Task Another_workspace_never_finds_the_messages_of_this_one()
    {
        var tag = $"secret{Guid.NewGuid():N}";
        var other = await app.OtherWorkspaceAdminAsync();
        var created = await other.Client.PostAsJsonAsync("/api/v1/channels", new
        {
            kind = "x",
            name = "@Other",
            settings = new Dictionary<string, string> { ["accountId"] = "4242", ["handle"] = "Other", ["consumerSecret"] = "other-secret", ["accessToken"] = "other-token", ["apiBaseUrl"] = app.Platform.BaseUrl.ToString() },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channel = (await created.Content.ReadFromJsonAsync<Features.Channels.ChannelEndpoints.ChannelView>(SocialDeskFactory.Json))!;
        Assert.Equal(HttpStatusCode.Accepted, (await other.Client.PostAsJsonAsync("/api/v1/messages", new { messages = new[] { ClockedApp.Customer(channel.Id, "other-1", "them", Morning, text: $"Our {tag} is out") } })).StatusCode);

        await SocialDeskFactory.EventuallyAsync(() => other.Client.GetFromJsonAsync<ConversationPage>($"/api/v1/conversations?q={tag}", SocialDeskFactory.Json), page => page!.Total == 1);
        Assert.Equal(0, (await app.ConversationsAsync($"?q={tag}")).Total);
    }

    [Fact]
    public async Task The_migration_indexes_the_messages_already_there()
    {
        var channel = await ConversationAsync("Stored before the search index existed");
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = SocialDeskFactory.Database(scope).GetService<IMigrator>();

        await migrator.MigrateAsync("Moderation");
        await migrator.MigrateAsync();

        Assert.Equal(1, await FoundAsync(channel, "before the search"));
    }
}
