using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Conversations;

/// <summary>
/// The conversation list's <c>q</c>: a text any message of the conversation contains, case aside, through the search index
/// of each engine. The indexer runs when a test asks: each search is made on the messages as stored, then again once indexed.
/// </summary>
public sealed class MessageSearchTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateTime Morning = ClockedApp.At("2026-03-02T09:00:00Z");

    private Task<Guid> ConversationAsync(params string[] texts) => ConversationOfAsync("searcher", texts);

    /// <summary>A customer's messages on a channel of their own, each replying to the one before: one conversation.</summary>
    private async Task<Guid> ConversationOfAsync(string customer, params string[] texts)
    {
        var channel = await app.CreateXChannelAsync();
        var ids = texts.Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        await app.SendAsync([.. texts.Select((text, i) => ClockedApp.Customer(channel.Id, ids[i], customer, Morning.AddMinutes(i), replyTo: i == 0 ? null : ids[i - 1], text: text))]);
        return channel.Id;
    }

    private async Task<int> CountAsync(Guid channel, string text) =>
        (await app.ConversationsAsync($"?channel={channel}&q={Uri.EscapeDataString(text)}")).Total;

    /// <summary>How many conversations the search finds, the same before and after the indexer's pass.</summary>
    private async Task<int> FoundAsync(Guid channel, string text)
    {
        var stored = await CountAsync(channel, text);
        await IndexAsync();
        Assert.Equal(stored, await CountAsync(channel, text));
        return stored;
    }

    private Task<int> IndexAsync() => app.Services.GetRequiredService<MessageSearchIndexer>().RunPassAsync(CancellationToken.None);

    [Fact]
    public async Task A_message_is_found_the_moment_it_is_stored_and_alike_once_indexed()
    {
        var channel = await ConversationAsync("Bonjour", "Ma commande n'est JAMAIS arrivée à Lyon", "Toujours rien reçu");
        string[] searches = ["jamais arrivée", "ARRIVÉE À", "rien reçu", "arrivee", "commande livrée", "bonjour"];

        var stored = new List<int>();
        foreach (var text in searches)
        {
            stored.Add(await CountAsync(channel, text));
        }

        // Only SQLite's indexer has messages to add: PostgreSQL's index is the engine's own.
        Assert.Equal(app.Provider == DatabaseProvider.Sqlite, await IndexAsync() >= 3);
        var indexed = new List<int>();
        foreach (var text in searches)
        {
            indexed.Add(await CountAsync(channel, text));
        }

        Assert.Equal([1, 1, 1, 0, 0, 1], stored);
        Assert.Equal(stored, indexed);
    }

    [Fact]
    public async Task A_message_stored_after_the_newest_indexed_one_was_deleted_is_found()
    {
        var channel = await ConversationAsync("The newest message, indexed then deleted");
        await IndexAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await SocialDeskFactory.Database(scope).Messages.Where(m => m.ChannelId == channel).ExecuteDeleteAsync();
        }

        var next = await ConversationAsync("The message stored after it");

        Assert.Equal(1, await FoundAsync(next, "stored after it"));
        Assert.Equal(0, await FoundAsync(channel, "indexed then deleted"));
    }

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_edited_message_is_found_by_its_new_text_only(bool indexedBefore)
    {
        var channel = await app.CreateFacebookChannelAsync();
        var added = SocialDeskFactory.Fixture("meta/feed_comment_add.json").Replace("555_9001", indexedBefore ? "555_9102" : "555_9101", StringComparison.Ordinal);
        await app.ReceiveMetaAsync(channel.Id, added);
        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}&q=pas%20terrible");
        if (indexedBefore)
        {
            await IndexAsync();
        }

        await app.ReceiveMetaAsync(channel.Id, added.Replace("\"verb\": \"add\"", "\"verb\": \"edited\"", StringComparison.Ordinal).Replace("Pas terrible.", "Toujours rien.", StringComparison.Ordinal));

        await app.WaitForConversationsAsync(1, $"?channel={channel.Id}&q=toujours%20rien");
        Assert.Equal(0, await FoundAsync(channel.Id, "pas terrible"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_erased_or_deleted_message_is_found_no_more(bool indexedBefore)
    {
        // A customer of each case: an erased customer's pseudonym is theirs for good.
        var customer = $"ada-{indexedBefore}";
        var erased = await ConversationOfAsync(customer, "My name is Ada Lovelace, call me back");
        var deleted = await ConversationAsync("Wrong number, sorry, delete this");
        if (indexedBefore)
        {
            await IndexAsync();
        }

        var contact = (await app.ConversationAsync(await app.ConversationOfAsync(erased, customer))).Contact.Id;

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

    [Fact]
    public async Task Going_back_to_indexing_on_insert_indexes_the_messages_not_indexed_yet()
    {
        var channel = await ConversationAsync("Stored while the indexer was behind");
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = SocialDeskFactory.Database(scope).GetService<IMigrator>();

        await migrator.MigrateAsync("ReportFacts");
        await migrator.MigrateAsync();

        Assert.Equal(1, await FoundAsync(channel, "indexer was behind"));
    }
}
