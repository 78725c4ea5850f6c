using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Tests.Reporting;

namespace SocialDesk.Tests.Contacts;

public sealed class ContactErasureTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private const string Period = "?from=2024-06-01&to=2024-06-07";

    /// <summary>A customer's two messages in June 2024, answered through SocialDesk and noted; returns the channel and the conversation.</summary>
    private async Task<(Guid Channel, Guid Conversation)> WorkedConversationAsync(string customer)
    {
        var channel = await app.CreateXChannelAsync();
        var (first, second) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, first, customer, ReportingApp.At("2024-06-03T09:00:00Z"), text: $"I am {customer}, my card was charged twice, I am furious"),
            ReportingApp.Customer(channel.Id, second, customer, ReportingApp.At("2024-06-03T09:05:00Z"), replyTo: first, text: "Still waiting for the refund"));
        var conversation = await app.ConversationOfAsync(channel.Id, customer);
        await app.AgentReplyAsync(conversation, ReportingApp.At("2024-06-03T10:00:00Z"));
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/notes", new { text = $"{customer} lives in Lyon" })).StatusCode);
        return (channel.Id, conversation);
    }

    private async Task<ContactErasure.Erased> EraseAsync(Guid contact)
    {
        var response = await app.Api.PostAsync($"/api/v1/contacts/{contact}/erase", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ContactErasure.Erased>(SocialDeskFactory.Json))!;
    }

    [Fact]
    public async Task Erasure_blanks_the_contact_their_texts_the_replies_and_the_notes()
    {
        var (_, conversation) = await WorkedConversationAsync("erase-shown");
        var contact = (await app.ConversationAsync(conversation)).Contact;

        await EraseAsync(contact.Id);

        var erased = await app.ConversationAsync(conversation);
        Assert.Equal(ContactErasure.ErasedName, erased.Contact.DisplayName);
        var identity = Assert.Single(erased.Contact.Identities);
        Assert.Null(identity.Handle);
        Assert.Null(identity.Name);
        Assert.Null(identity.Followers);
        Assert.Equal(ContactErasure.Pseudonym(await WorkspaceOfAsync(contact.Id), "x", "erase-shown"), identity.PlatformUserId);
        Assert.Equal(3, erased.Messages.Count);
        Assert.All(erased.Messages, m => Assert.Equal("", m.Text));
        Assert.All(erased.Messages.Where(m => m.Direction == MessageDirection.Inbound), m => Assert.NotNull(m.Triage));
        Assert.Equal("", Assert.Single(erased.Notes).Text);
    }

    [Fact]
    public async Task Erasure_leaves_no_name_id_or_text_of_the_contact_in_the_database()
    {
        var (_, conversation) = await WorkedConversationAsync("erase-stored");
        var contact = (await app.ConversationAsync(conversation)).Contact.Id;

        var erased = await EraseAsync(contact);

        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        Assert.NotNull((await db.Contacts.SingleAsync(c => c.Id == contact)).ErasedAt);
        Assert.False(await db.ContactIdentities.AnyAsync(i => i.PlatformUserId == "erase-stored" || i.Handle == "erase-stored"));
        Assert.True(await db.Messages.Where(m => m.ConversationId == conversation).AllAsync(m => m.Text == ""));
        Assert.False(await db.Notes.AnyAsync(n => n.Text.Contains("erase-stored")));
        Assert.False(await db.RawEvents.AnyAsync(e => e.Body.Contains("erase-stored")));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Before!.Contains("erase-stored") || a.After!.Contains("erase-stored")));
        Assert.Equal((1, 3, 1, 1), (erased.Identities, erased.Messages, erased.Notes, erased.RawEvents));
    }

    [Fact]
    public async Task Erasure_keeps_the_report_counts()
    {
        var (_, conversation) = await WorkedConversationAsync("erase-counted");
        var contact = (await app.ConversationAsync(conversation)).Contact.Id;
        string[] reports = ["overview", "agents", "volumes/channel", "volumes/sentiment", "volumes/topic", "volumes/language"];
        var before = await Task.WhenAll(reports.Select(r => app.Api.GetStringAsync($"/api/v1/reports/{r}{Period}")));

        await EraseAsync(contact);

        Assert.Equal(before, await Task.WhenAll(reports.Select(r => app.Api.GetStringAsync($"/api/v1/reports/{r}{Period}"))));
    }

    [Fact]
    public async Task A_later_message_from_an_erased_person_starts_a_new_contact()
    {
        var (channel, conversation) = await WorkedConversationAsync("erase-returning");
        var contact = (await app.ConversationAsync(conversation)).Contact.Id;
        await EraseAsync(contact);

        await app.SendAsync(ReportingApp.Customer(channel, Guid.NewGuid().ToString("N"), "erase-returning", ReportingApp.At("2024-06-20T09:00:00Z")));

        var later = await app.ConversationAsync(await app.ConversationOfAsync(channel, "erase-returning"));
        Assert.NotEqual(contact, later.Contact.Id);
        Assert.Equal("erase-returning", Assert.Single(later.Contact.Identities).PlatformUserId);
    }

    [Fact]
    public async Task Erasure_is_recorded_with_its_counts_and_nothing_personal()
    {
        var (_, conversation) = await WorkedConversationAsync("erase-audited");
        var contact = (await app.ConversationAsync(conversation)).Contact.Id;

        await EraseAsync(contact);

        var entry = Assert.Single((await app.AuditAsync($"?action=contact.erase&entityId={contact}")).Items);
        Assert.Equal("contact", entry.EntityType);
        Assert.NotNull(entry.ActorUserId);
        Assert.Equal(3, entry.After!.Value.GetProperty("messages").GetInt32());
        Assert.DoesNotContain("erase-audited", entry.After.Value.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<Guid> WorkspaceOfAsync(Guid contact)
    {
        using var scope = app.Services.CreateScope();
        return await SocialDeskFactory.Database(scope).Contacts.Where(c => c.Id == contact).Select(c => c.WorkspaceId).SingleAsync();
    }
}
