using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Features.Replies;

/// <summary>Wakes the sender when a reply is queued.</summary>
public sealed class ReplySignal : WakeUpSignal;

/// <summary>The worker that posts queued replies, with retries, and never posts one twice.</summary>
public sealed class ReplySender(IServiceScopeFactory scopes, ReplySignal signal, IOptions<ReplyOptions> options, ILogger<ReplySender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReplyDelivery>().DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending replies failed; the outbox keeps them for the next pass.");
            }

            await signal.WaitAsync(options.Value.Poll, stoppingToken);
        }
    }
}

/// <summary>One pass over the outbox: claims the replies that are due and posts each.</summary>
public sealed class ReplyDelivery(
    AppDbContext db,
    ChannelConnectors connectors,
    ConversationLifecycle lifecycle,
    TimeProvider time,
    IOptions<ReplyOptions> options,
    SocialDeskMetrics metrics,
    ILogger<ReplyDelivery> logger)
{
    private const int BatchSize = 20;

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        foreach (var item in await ClaimAsync(cancellationToken))
        {
            await DeliverAsync(item, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleAsync(m => m.Id == item.MessageId, cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Channel).SingleAsync(c => c.Id == message.ConversationId, cancellationToken);
        var channel = conversation.Channel!;
        var target = await db.Messages.Include(m => m.AuthorIdentity)
            .SingleAsync(m => m.ChannelId == channel.Id && m.PlatformMessageId == message.ReplyToPlatformMessageId, cancellationToken);
        var reply = new OutgoingReply(message.Id, message.Text, message.IsPrivate, target.PlatformMessageId!, target.IsPrivate,
            target.AuthorIdentity!.PlatformUserId, item.CreatedAt);
        var connector = connectors.Get(channel.Kind);

        PlatformPost post;
        var posting = false;
        try
        {
            if (item.MayHavePosted)
            {
                var lookup = await connector.FindPostedAsync(channel, reply, cancellationToken);
                if (lookup.Result == PostLookupResult.CannotTell)
                {
                    await FailAsync(item, message, channel.Kind, "The platform did not confirm the reply and offers no way to check whether it was posted; "
                        + "it was not sent again, so that it cannot appear twice. Check on the platform before sending it again.", cancellationToken);
                    return;
                }

                if (lookup.Post is { } found)
                {
                    await ConfirmAsync(item, message, conversation, found, cancellationToken);
                    return;
                }
            }

            // The attempt is on record before the call: if this process dies during it, the next one looks before posting.
            item.Attempts++;
            item.MayHavePosted = true;
            await db.SaveChangesAsync(cancellationToken);
            posting = true;
            post = await connector.PostAsync(channel, reply, cancellationToken);
        }
        catch (PlatformException e)
        {
            // A failed look-up settles nothing: the reply may still be on the platform.
            await RetryOrFailAsync(item, message, channel.Kind, e.Message, e.Permanent, !posting || e.MayHavePosted, e.RetryAfter, cancellationToken);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RetryOrFailAsync(item, message, channel.Kind, $"The platform's answer could not be read: {e.Message}", permanent: false, mayHavePosted: true, null, cancellationToken);
            return;
        }

        await ConfirmAsync(item, message, conversation, post, cancellationToken);
    }

    private async Task ConfirmAsync(OutboxItem item, Message message, Conversation conversation, PlatformPost post, CancellationToken cancellationToken)
    {
        message.PlatformMessageId = post.PlatformMessageId;
        message.PlatformTime = post.PostedAt;
        message.Delivery = DeliveryState.Sent;
        message.DeliveryError = null;
        item.CompletedAt = time.GetUtcNow().UtcDateTime;
        item.LastError = null;
        Release(item);
        lifecycle.Respond(conversation, message, post.PostedAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RetryOrFailAsync(OutboxItem item, Message message, string channelKind, string error, bool permanent, bool mayHavePosted, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        item.MayHavePosted = mayHavePosted;
        if (permanent || item.Attempts >= options.Value.MaxAttempts)
        {
            await FailAsync(item, message, channelKind, permanent ? error : $"Gave up after {item.Attempts} attempts: {error}", cancellationToken);
            return;
        }

        var backoff = options.Value.RetryBaseDelay * Math.Pow(2, Math.Max(item.Attempts - 1, 0));
        var delay = retryAfter ?? (backoff < options.Value.MaxRetryDelay ? backoff : options.Value.MaxRetryDelay);
        item.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
        item.LastError = error;
        Release(item);
        logger.LogWarning("Reply {MessageId}: attempt {Attempt} failed ({Error}); next in {Delay}.", message.Id, item.Attempts, error, delay);
        await db.SaveChangesAsync(cancellationToken);
        metrics.ReplyFailed(channelKind, final: false);
    }

    private async Task FailAsync(OutboxItem item, Message message, string channelKind, string error, CancellationToken cancellationToken)
    {
        message.Delivery = DeliveryState.Failed;
        message.DeliveryError = error;
        item.CompletedAt = time.GetUtcNow().UtcDateTime;
        item.LastError = error;
        Release(item);
        logger.LogError("Reply {MessageId} was not delivered: {Error}", message.Id, error);
        await db.SaveChangesAsync(cancellationToken);
        metrics.ReplyFailed(channelKind, final: true);
    }

    private static void Release(OutboxItem item)
    {
        item.LeaseOwner = null;
        item.LeaseUntil = null;
    }

    // A lease long enough to outlast a platform call; an expired lease means the sender died and the reply is taken again.
    private async Task<List<OutboxItem>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var leaseUntil = now + (options.Value.PlatformTimeout * 2 * BatchSize) + TimeSpan.FromMinutes(1);
        var candidates = await db.Outbox
            .Where(o => o.CompletedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.NextAttemptAt)
            .Select(o => o.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var owner = Guid.NewGuid();
        await db.Outbox
            .Where(o => candidates.Contains(o.Id) && o.CompletedAt == null && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, owner).SetProperty(o => o.LeaseUntil, leaseUntil), cancellationToken);
        return await db.Outbox.Where(o => o.LeaseOwner == owner).OrderBy(o => o.NextAttemptAt).ToListAsync(cancellationToken);
    }
}
