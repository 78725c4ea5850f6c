using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Triage;
using SocialDesk.Triage;

namespace SocialDesk.Features.Conversations;

public sealed class ThreadingOptions
{
    /// <summary>A new public mention joins the author's open conversation on the channel if that conversation moved this recently.</summary>
    public TimeSpan MentionWindow { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Puts normalised messages into conversations: reply chains first; a direct message joins the contact's open
/// private conversation on the channel; a public mention joins the author's open public conversation if it moved
/// within the mention window; otherwise a new conversation. Works a batch at a time, with one query per kind of lookup.
/// </summary>
public sealed class ConversationThreader(AppDbContext db, ConversationLifecycle lifecycle, Triager triager, TimeProvider time, IOptions<ThreadingOptions> options)
{
    public async Task ApplyAsync(IReadOnlyList<NormalisedMessage> messages, IReadOnlyDictionary<Guid, Channel> channels, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var batch = await LoadAsync(messages, channels, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var message in messages)
        {
            var channel = channels[message.ChannelId];
            var existing = batch.Message(message.ChannelId, message.PlatformMessageId);
            switch (message.Action)
            {
                case MessageAction.Remove:
                    existing?.DeletedAt = message.PlatformTime;
                    break;
                case MessageAction.Edit when existing is not null:
                    existing.Text = message.Text;
                    existing.EditedAt = message.PlatformTime;
                    existing.Triage = existing.Direction == MessageDirection.Inbound ? Understand(message) : null;
                    break;
                default:
                    if (existing is null)
                    {
                        Create(message, channel, batch, now);
                    }

                    break;
            }
        }
    }

    private void Create(NormalisedMessage message, Channel channel, Batch batch, DateTime now)
    {
        var parent = message.ReplyToPlatformMessageId is { } replyTo ? batch.Message(message.ChannelId, replyTo) : null;
        var conversation = parent is not null ? batch.Conversations.GetValueOrDefault(parent.ConversationId) : null;
        if (message.Direction == MessageDirection.Outbound)
        {
            if (conversation is null && message.IsPrivate && message.Recipient is { } recipient
                && batch.Identity(channel.WorkspaceId, channel.Kind, recipient.PlatformUserId) is { } customer)
            {
                conversation = batch.OpenConversation(customer.ContactId, channel.Id, isPrivate: true);
            }

            // A brand post that answers nobody we know, or the platform's echo of a reply SocialDesk is still sending.
            if (conversation is null || batch.IsEchoOfQueuedReply(conversation.Id, message.Text))
            {
                return;
            }

            var reply = Add(message, conversation, authorIdentityId: null, now, batch);
            lifecycle.Respond(conversation, reply, message.PlatformTime);
            return;
        }

        var identity = batch.Identity(channel.WorkspaceId, channel.Kind, message.Author.PlatformUserId) ?? batch.AddIdentity(channel, message.Author, now);
        identity.Handle = message.Author.Handle ?? identity.Handle;
        identity.Name = message.Author.Name ?? identity.Name;
        identity.Followers = message.Author.Followers ?? identity.Followers;
        conversation ??= batch.OpenConversation(identity.ContactId, channel.Id, message.IsPrivate) is { } open
            && (message.IsPrivate || open.LastActivityAt >= message.PlatformTime - options.Value.MentionWindow)
                ? open
                : batch.Track(lifecycle.Open(channel.WorkspaceId, channel.Id, identity.ContactId, message.IsPrivate, message.PlatformTime));
        conversation.Reach = Math.Max(conversation.Reach, identity.Followers ?? 0);
        lifecycle.Receive(conversation, Add(message, conversation, identity.Id, now, batch));
    }

    private Message Add(NormalisedMessage message, Conversation conversation, Guid? authorIdentityId, DateTime now, Batch batch)
    {
        var added = new Message
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            ChannelId = message.ChannelId,
            Direction = message.Direction,
            IsPrivate = message.IsPrivate,
            PlatformMessageId = message.PlatformMessageId,
            ReplyToPlatformMessageId = message.ReplyToPlatformMessageId,
            AuthorIdentityId = authorIdentityId,
            Text = message.Text,
            PlatformTime = message.PlatformTime,
            ReceivedAt = now,
            Delivery = message.Direction == MessageDirection.Outbound ? DeliveryState.Sent : null,
            Triage = message.Direction == MessageDirection.Inbound ? Understand(message) : null,
        };
        db.Messages.Add(added);
        batch.Messages[(added.ChannelId, message.PlatformMessageId)] = added;
        return added;
    }

    private TriageLabels Understand(NormalisedMessage message) =>
        TriageLabels.Of(triager.Analyze(message.Text, new TriageContext(message.Author.Followers)));

    private async Task<Batch> LoadAsync(IReadOnlyList<NormalisedMessage> messages, IReadOnlyDictionary<Guid, Channel> channels, CancellationToken cancellationToken)
    {
        var channelIds = messages.Select(m => m.ChannelId).Distinct().ToList();
        var platformIds = messages.Select(m => m.PlatformMessageId)
            .Concat(messages.Select(m => m.ReplyToPlatformMessageId).OfType<string>())
            .Distinct().ToList();
        var known = await db.Messages
            .Where(m => channelIds.Contains(m.ChannelId) && platformIds.Contains(m.PlatformMessageId!))
            .ToListAsync(cancellationToken);

        var userIds = messages.Select(m => m.Author.PlatformUserId)
            .Concat(messages.Select(m => m.Recipient?.PlatformUserId).OfType<string>())
            .Distinct().ToList();
        var workspaceIds = channelIds.Select(id => channels[id].WorkspaceId).Distinct().ToList();
        var identities = await db.ContactIdentities
            .Where(i => workspaceIds.Contains(i.WorkspaceId) && userIds.Contains(i.PlatformUserId))
            .ToListAsync(cancellationToken);

        var conversationIds = known.Select(m => m.ConversationId).Distinct().ToList();
        var contactIds = identities.Select(i => i.ContactId).Distinct().ToList();
        var conversations = await db.Conversations
            .Where(c => conversationIds.Contains(c.Id)
                || (contactIds.Contains(c.ContactId) && channelIds.Contains(c.ChannelId) && c.Status != ConversationStatus.Resolved))
            .ToListAsync(cancellationToken);

        var openIds = conversations.Where(c => c.Status != ConversationStatus.Resolved).Select(c => c.Id).ToList();
        var queued = await db.Messages
            .Where(m => openIds.Contains(m.ConversationId) && m.Delivery == DeliveryState.Queued)
            .Select(m => new { m.ConversationId, m.Text })
            .ToListAsync(cancellationToken);

        return new Batch(db, known, identities, conversations, queued.ToLookup(q => q.ConversationId, q => q.Text));
    }

    /// <summary>What the batch knows, kept up to date as its messages are added.</summary>
    private sealed class Batch
    {
        private readonly AppDbContext db;
        private readonly Dictionary<(Guid WorkspaceId, string Platform, string UserId), ContactIdentity> identities;
        private readonly ILookup<Guid, string> queuedReplies;

        public Batch(AppDbContext db, List<Message> messages, List<ContactIdentity> identities, List<Conversation> conversations, ILookup<Guid, string> queuedReplies)
        {
            this.db = db;
            Messages = messages.ToDictionary(m => (m.ChannelId, m.PlatformMessageId!));
            this.identities = identities.ToDictionary(i => (i.WorkspaceId, i.Platform, i.PlatformUserId));
            Conversations = conversations.ToDictionary(c => c.Id);
            this.queuedReplies = queuedReplies;
        }

        public Dictionary<(Guid ChannelId, string PlatformMessageId), Message> Messages { get; }

        public Dictionary<Guid, Conversation> Conversations { get; }

        public Message? Message(Guid channelId, string platformMessageId) => Messages.GetValueOrDefault((channelId, platformMessageId));

        public ContactIdentity? Identity(Guid workspaceId, string platform, string userId) => identities.GetValueOrDefault((workspaceId, platform, userId));

        public ContactIdentity AddIdentity(Channel channel, NormalisedAuthor author, DateTime now)
        {
            var contact = new Contact
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = channel.WorkspaceId,
                DisplayName = author.Name ?? author.Handle ?? author.PlatformUserId,
                CreatedAt = now,
            };
            var identity = new ContactIdentity
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = channel.WorkspaceId,
                ContactId = contact.Id,
                Platform = channel.Kind,
                PlatformUserId = author.PlatformUserId,
            };
            db.Contacts.Add(contact);
            db.ContactIdentities.Add(identity);
            identities[(identity.WorkspaceId, identity.Platform, identity.PlatformUserId)] = identity;
            return identity;
        }

        /// <summary>The contact's most recently active conversation on the channel that is not resolved.</summary>
        public Conversation? OpenConversation(Guid contactId, Guid channelId, bool isPrivate) =>
            Conversations.Values
                .Where(c => c.ContactId == contactId && c.ChannelId == channelId && c.IsPrivate == isPrivate && c.Status != ConversationStatus.Resolved)
                .MaxBy(c => c.LastActivityAt);

        public Conversation Track(Conversation conversation)
        {
            Conversations[conversation.Id] = conversation;
            return conversation;
        }

        // X puts the @handles of the thread before a reply's text; what follows them is what SocialDesk sent.
        public bool IsEchoOfQueuedReply(Guid conversationId, string text) =>
            queuedReplies[conversationId].Any(queued => text.TrimEnd().EndsWith(queued.Trim(), StringComparison.Ordinal));
    }
}
