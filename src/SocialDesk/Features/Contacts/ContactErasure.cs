using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Features.Contacts;

/// <summary>
/// Erasing a contact at their request: their name and identities give way to a pseudonym; the texts they wrote anywhere,
/// the replies and the notes of their conversations are blanked; replies still queued to them are cancelled; raw
/// deliveries that name them are emptied. Conversations, messages with their triage labels, and reporting events stay,
/// so that reports keep their counts and reply chains still thread. Erasing again blanks what came since.
/// </summary>
public static class ContactErasure
{
    public const string ErasedName = "Erased contact";
    public const string PseudonymPrefix = "erased:";
    public const string CancelledReply = "Not sent: the contact was erased.";

    /// <summary>What an erasure changed, counted; it is also the audit entry's <c>after</c>.</summary>
    public sealed record Erased(Guid ContactId, DateTime ErasedAt, int Identities, int Messages, int Notes, int CancelledReplies, int RawEvents);

    /// <summary>
    /// Stable, so that erasing twice gives the same identity, and one-way, so that a later message from the same person
    /// (under their real platform id) starts a new contact that does not lead back here.
    /// </summary>
    public static string Pseudonym(Guid workspaceId, string platform, string platformUserId) =>
        PseudonymPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{workspaceId}/{platform}/{platformUserId}")));

    /// <summary>Makes the changes on the tracked contact (with its identities) and around it; the caller saves them.</summary>
    public static async Task<Erased> EraseAsync(AppDbContext db, Contact contact, DateTime now, CancellationToken cancellationToken)
    {
        var platformUserIds = contact.Identities.Select(i => i.PlatformUserId).Where(id => !id.StartsWith(PseudonymPrefix, StringComparison.Ordinal)).ToList();
        contact.DisplayName = ErasedName;
        contact.ErasedAt ??= now;
        foreach (var identity in contact.Identities)
        {
            identity.Handle = null;
            identity.Name = null;
            identity.Followers = null;
            if (!identity.PlatformUserId.StartsWith(PseudonymPrefix, StringComparison.Ordinal))
            {
                identity.PlatformUserId = Pseudonym(contact.WorkspaceId, identity.Platform, identity.PlatformUserId);
            }
        }

        var identityIds = contact.Identities.Select(i => (Guid?)i.Id).ToList();
        var conversationIds = await db.Conversations.Where(c => c.ContactId == contact.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var messages = await db.Messages
            .Where(m => identityIds.Contains(m.AuthorIdentityId) || (m.Direction == MessageDirection.Outbound && conversationIds.Contains(m.ConversationId)))
            .ToListAsync(cancellationToken);
        messages.ForEach(m => m.Text = "");
        var cancelled = await CancelQueuedRepliesAsync(db, [.. messages.Where(m => m.Delivery == DeliveryState.Queued)], now, cancellationToken);

        var notes = await db.Notes.Where(n => conversationIds.Contains(n.ConversationId)).ToListAsync(cancellationToken);
        notes.ForEach(n => n.Text = "");

        var rawEvents = new HashSet<RawEvent>();
        foreach (var userId in platformUserIds)
        {
            // The platforms and the messages API all write user ids as JSON strings; a pending delivery is left to the pipeline.
            var quoted = $"\"{userId}\"";
            rawEvents.UnionWith(await db.RawEvents
                .Where(e => e.WorkspaceId == contact.WorkspaceId && e.Status != RawEventStatus.Pending && e.Body.Contains(quoted))
                .ToListAsync(cancellationToken));
        }

        foreach (var rawEvent in rawEvents)
        {
            rawEvent.Body = "";
        }

        return new Erased(contact.Id, contact.ErasedAt.Value, contact.Identities.Count, messages.Count, notes.Count, cancelled, rawEvents.Count);
    }

    private static async Task<int> CancelQueuedRepliesAsync(AppDbContext db, List<Message> queued, DateTime now, CancellationToken cancellationToken)
    {
        var queuedIds = queued.Select(m => m.Id).ToList();
        var outbox = await db.Outbox.Where(o => queuedIds.Contains(o.MessageId) && o.CompletedAt == null).ToListAsync(cancellationToken);
        foreach (var item in outbox)
        {
            item.CompletedAt = now;
            item.LastError = CancelledReply;
        }

        foreach (var reply in queued)
        {
            reply.Delivery = DeliveryState.Failed;
            reply.DeliveryError = CancelledReply;
        }

        return queued.Count;
    }
}
