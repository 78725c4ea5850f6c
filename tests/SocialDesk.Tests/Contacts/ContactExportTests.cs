using SocialDesk.Features.Contacts;
using SocialDesk.Tests.Reporting;

namespace SocialDesk.Tests.Contacts;

public sealed class ContactExportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    /// <summary>A customer's conversation with a note and a reply; returns the conversation and the contact.</summary>
    private async Task<(Guid Conversation, Guid Contact)> WorkedConversationAsync(string customer)
    {
        var channel = await app.CreateXChannelAsync();
        await app.SendAsync(ReportingApp.Customer(channel.Id, $"{customer}-1", customer, ReportingApp.At("2024-05-02T09:00:00Z"), text: "My parcel 4471 never came"));
        var conversation = await app.ConversationOfAsync(channel.Id, customer);
        Assert.Equal(HttpStatusCode.Created, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/notes", new { text = "Called the carrier" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.ReplyAsync(conversation, "We are looking into it")).StatusCode);
        return (conversation, (await app.ConversationAsync(conversation)).Contact.Id);
    }

    private async Task<ContactEndpoints.ContactExport> ExportAsync(Guid contact)
    {
        var response = await app.Api.GetAsync($"/api/v1/contacts/{contact}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"contact-{contact}.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return (await response.Content.ReadFromJsonAsync<ContactEndpoints.ContactExport>(SocialDeskFactory.Json))!;
    }

    [Fact]
    public async Task The_export_holds_the_contact_their_identities_conversations_messages_notes_and_replies_outbox_state()
    {
        var (conversation, contact) = await WorkedConversationAsync("export-customer");

        var export = await ExportAsync(contact);

        Assert.Equal("export-customer", export.DisplayName);
        var identity = Assert.Single(export.Identities);
        Assert.Equal(("x", "export-customer", "export-customer"), (identity.Platform, identity.PlatformUserId, identity.Handle));
        var exported = Assert.Single(export.Conversations);
        Assert.Equal(conversation, exported.Id);
        Assert.Equal(["My parcel 4471 never came", "We are looking into it"], exported.Messages.Select(m => m.Text));
        Assert.NotNull(exported.Messages[0].Triage);
        Assert.Equal("Called the carrier", Assert.Single(exported.Notes).Text);
        Assert.Equal(exported.Messages[1].Id, Assert.Single(export.Outbox).MessageId);
    }

    [Fact]
    public async Task The_export_holds_the_audit_entries_about_the_contact()
    {
        var (conversation, contact) = await WorkedConversationAsync("export-audited");
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{conversation}/resolve", null)).StatusCode);

        var export = await ExportAsync(contact);

        Assert.Equal(["note.create", "reply.create", "conversation.resolve"], export.AuditEntries.Select(e => e.Action));
    }

    [Fact]
    public async Task An_export_is_recorded_in_the_audit_log()
    {
        var (_, contact) = await WorkedConversationAsync("export-recorded");

        await ExportAsync(contact);

        var entry = Assert.Single((await app.AuditAsync($"?action=contact.export&entityId={contact}")).Items);
        Assert.Equal("contact", entry.EntityType);
        Assert.Equal(2, entry.After!.Value.GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task A_contact_of_another_workspace_is_neither_exported_nor_erased()
    {
        var (_, contact) = await WorkedConversationAsync("export-elsewhere");
        var other = await app.OtherWorkspaceAdminAsync();

        var export = await other.Client.GetAsync($"/api/v1/contacts/{contact}/export");
        var erase = await other.Client.PostAsync($"/api/v1/contacts/{contact}/erase", null);

        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, erase.StatusCode);
        Assert.Equal("export-elsewhere", (await ExportAsync(contact)).DisplayName);
    }
}
