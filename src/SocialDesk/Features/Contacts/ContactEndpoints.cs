using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Contacts;

/// <summary>A contact's rights under the GDPR: everything the desk holds about them, as JSON, and its erasure. Both are audited.</summary>
public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts")
            .RequireAuthorization(Permissions.ContactsManage).RequireRateLimiting(RateLimits.Api);
        contacts.MapGet("/{id:guid}/export", ExportAsync);
        contacts.MapPost("/{id:guid}/erase", EraseAsync);
        return app;
    }

    /// <summary>
    /// Everything about a contact: who they are on each platform, their conversations (messages with triage and
    /// delivery, notes), the outbox state of the replies, the messages they wrote in others' conversations, and the audit entries about all of these.
    /// </summary>
    public sealed record ContactExport(
        DateTime ExportedAt,
        Guid Id,
        string DisplayName,
        DateTime CreatedAt,
        DateTime? ErasedAt,
        IReadOnlyList<IdentityView> Identities,
        IReadOnlyList<ConversationDetail> Conversations,
        IReadOnlyList<OutboxView> Outbox,
        IReadOnlyList<MessageView> MessagesInOtherConversations,
        IReadOnlyList<AuditEndpoints.AuditEntryView> AuditEntries);

    /// <summary>Where a reply stands in the outbox: its attempts, its last error, and when it was done.</summary>
    public sealed record OutboxView(Guid MessageId, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? CompletedAt);

    private static async Task<IResult> ExportAsync(
        Guid id, ClaimsPrincipal caller, HttpContext http, AppDbContext db, WorkspaceRulesCache rules, TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (contact is null)
        {
            return NotFound(id);
        }

        var conversations = await db.Conversations.AsNoTracking().AsSplitQuery()
            .Where(c => c.WorkspaceId == workspaceId && c.ContactId == id)
            .Include(c => c.Channel).Include(c => c.Contact!).ThenInclude(c => c.Identities)
            .Include(c => c.Messages).ThenInclude(m => m.AuthorIdentity).Include(c => c.Notes)
            .OrderBy(c => c.StartedAt)
            .ToListAsync(cancellationToken);
        var conversationIds = conversations.Select(c => c.Id).ToList();
        var identityIds = contact.Identities.Select(i => (Guid?)i.Id).ToList();
        var elsewhere = await db.Messages.AsNoTracking().Include(m => m.AuthorIdentity)
            .Where(m => identityIds.Contains(m.AuthorIdentityId) && !conversationIds.Contains(m.ConversationId))
            .OrderBy(m => m.ReceivedAt)
            .ToListAsync(cancellationToken);
        var messages = conversations.SelectMany(c => c.Messages).Concat(elsewhere).ToList();
        var messageIds = messages.Select(m => m.Id).ToList();
        var outbox = await db.Outbox.AsNoTracking().Where(o => messageIds.Contains(o.MessageId)).OrderBy(o => o.Id).ToListAsync(cancellationToken);

        List<string> about = [id.ToString(), .. identityIds.Select(i => i.ToString()!), .. conversationIds.Select(c => c.ToString()),
            .. messageIds.Select(m => m.ToString()), .. conversations.SelectMany(c => c.Notes).Select(n => n.Id.ToString())];
        var now = time.GetUtcNow().UtcDateTime;
        var export = new ContactExport(
            now,
            contact.Id,
            contact.DisplayName,
            contact.CreatedAt,
            contact.ErasedAt,
            ContactView.Of(contact).Identities,
            [.. conversations.Select(c => ConversationDetail.Of(c, rules.For(workspaceId), now))],
            [.. outbox.Select(o => new OutboxView(o.MessageId, o.Attempts, o.NextAttemptAt, o.LastError, o.CreatedAt, o.CompletedAt))],
            [.. elsewhere.Select(MessageView.Of)],
            await AuditEndpoints.AboutAsync(db, workspaceId, about, cancellationToken));

        db.AuditLog.Add(AuditActor.Of(http).Entry(workspaceId, now, "contact.export", "contact", id.ToString(), null,
            new { conversations = conversations.Count, messages = messages.Count }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions), "application/json", $"contact-{id}.json");
    }

    private static async Task<IResult> EraseAsync(Guid id, ClaimsPrincipal caller, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == caller.WorkspaceId(), cancellationToken);
        if (contact is null)
        {
            return NotFound(id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var erased = await ContactErasure.EraseAsync(db, contact, now, cancellationToken);
        db.AuditLog.Add(AuditActor.Of(http).Entry(contact.WorkspaceId, now, "contact.erase", "contact", id.ToString(), null, erased));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(erased);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no contact {id} in this workspace.", statusCode: StatusCodes.Status404NotFound, title: "Unknown contact");
}
