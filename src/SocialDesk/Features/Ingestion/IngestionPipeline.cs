using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Ingestion;

/// <summary>Turns pending raw events into threaded messages, a batch at a time, and marks each processed, ignored or failed with its reason.</summary>
public sealed class IngestionPipeline(
    AppDbContext db,
    ConversationThreader threader,
    ChannelConnectors connectors,
    TimeProvider time,
    SocialDeskMetrics metrics,
    ILogger<IngestionPipeline> logger)
{
    private const int MaxIdLength = 100;
    private const int MaxNameLength = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Processes up to <paramref name="batchSize"/> pending events; returns how many it claimed.</summary>
    public async Task<int> ProcessPendingAsync(int batchSize, CancellationToken cancellationToken)
    {
        var events = await ClaimAsync(batchSize, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        try
        {
            await ProcessAsync(events, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad event must not hold back the others: go again one by one, so only the culprit fails.
            logger.LogWarning(e, "A batch of {Count} raw events failed; processing them one by one.", events.Count);
            db.ChangeTracker.Clear();
            foreach (var rawEvent in events)
            {
                await ProcessAloneAsync(rawEvent, cancellationToken);
            }
        }

        return events.Count;
    }

    private async Task ProcessAloneAsync(RawEvent rawEvent, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync([rawEvent], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Raw event {Id} could not be processed.", rawEvent.Id);
            db.ChangeTracker.Clear();
            await MarkAsync([rawEvent.Id], RawEventStatus.Failed, $"Processing failed: {e.GetBaseException().Message}", cancellationToken);
        }
    }

    private async Task ProcessAsync(List<RawEvent> events, CancellationToken cancellationToken)
    {
        var channels = await LoadChannelsAsync(events, cancellationToken);
        var messages = new List<NormalisedMessage>();
        var outcomes = new List<(RawEvent Event, RawEventStatus Status, string? Error)>();
        foreach (var rawEvent in events)
        {
            try
            {
                var parsed = Parse(rawEvent, channels);
                var unknown = parsed.Messages.FirstOrDefault(m => !channels.TryGetValue(m.ChannelId, out var c) || c.WorkspaceId != rawEvent.WorkspaceId);
                if (unknown is not null)
                {
                    throw new UnreadablePayloadException($"Message {unknown.PlatformMessageId} names channel {unknown.ChannelId}, which is not in this workspace.");
                }

                if (parsed.Messages.Select(Oversized).FirstOrDefault(problem => problem is not null) is { } oversized)
                {
                    throw new UnreadablePayloadException(oversized);
                }

                messages.AddRange(parsed.Messages);
                outcomes.Add((rawEvent, parsed.IgnoredReason is null ? RawEventStatus.Processed : RawEventStatus.Ignored, parsed.IgnoredReason));
            }
            catch (UnreadablePayloadException e)
            {
                outcomes.Add((rawEvent, RawEventStatus.Failed, e.Message));
            }
        }

        await threader.ApplyAsync(messages, channels, cancellationToken);
        var received = db.ChangeTracker.Entries<Message>()
            .Where(m => m.State == EntityState.Added && m.Entity.Direction == MessageDirection.Inbound)
            .Select(m => channels[m.Entity.ChannelId].Kind)
            .ToList();

        // Messages first, outcomes after: an event is never marked done without its messages, and one that was
        // processed but not marked (a crash in between) is processed again harmlessly, its messages being known by their platform ids.
        await db.SaveChangesAsync(cancellationToken);
        metrics.Received(received);
        foreach (var outcome in outcomes.GroupBy(o => (o.Status, o.Error)))
        {
            await MarkAsync([.. outcome.Select(o => o.Event.Id)], outcome.Key.Status, outcome.Key.Error, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Records an attempt's outcome on the events and lets go of their lease, in one statement.</summary>
    private async Task MarkAsync(List<long> ids, RawEventStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.RawEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.Error, error)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.ProcessedAt, now)
            .SetProperty(e => e.LeaseOwner, (Guid?)null)
            .SetProperty(e => e.LeaseUntil, (DateTime?)null), cancellationToken);
    }

    // The columns' sizes: no platform sends longer values, and on PostgreSQL one would fail the whole batch.
    private static string? Oversized(NormalisedMessage message)
    {
        var id = message.PlatformMessageId.Length > 40 ? WellFormedText.Cut(message.PlatformMessageId, 40) + "…" : message.PlatformMessageId;
        if (message.PlatformMessageId.Length > MaxIdLength || message.ReplyToPlatformMessageId?.Length > MaxIdLength)
        {
            return $"Message {id}: message ids are at most {MaxIdLength} characters.";
        }

        return new[] { message.Author, message.Recipient }.Any(a => a is not null && (a.PlatformUserId.Length > MaxIdLength || a.Handle?.Length > MaxNameLength || a.Name?.Length > MaxNameLength))
            ? $"Message {id}: user ids are at most {MaxIdLength} characters, handles and names at most {MaxNameLength}."
            : null;
    }

    private ParsedDelivery Parse(RawEvent rawEvent, Dictionary<Guid, Channel> channels)
    {
        if (rawEvent.Format == MessageBatch.Format)
        {
            return MessageBatch.Parse(rawEvent.Body);
        }

        var channel = rawEvent.ChannelId is { } channelId ? channels.GetValueOrDefault(channelId) : null;
        if (channel is null)
        {
            throw new UnreadablePayloadException($"The channel {rawEvent.ChannelId} of this delivery no longer exists.");
        }

        return connectors.Find(rawEvent.Format)?.Parse(channel, rawEvent.Body)
            ?? throw new UnreadablePayloadException($"No connector reads the format '{rawEvent.Format}'.");
    }

    private async Task<Dictionary<Guid, Channel>> LoadChannelsAsync(List<RawEvent> events, CancellationToken cancellationToken)
    {
        var workspaceIds = events.Select(e => e.WorkspaceId).Distinct().ToList();
        return await db.Channels.AsNoTracking().Where(c => workspaceIds.Contains(c.WorkspaceId)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    // Claimed with a lease rather than a lock, in provider-neutral SQL: a row is taken only if nobody holds it.
    private async Task<List<RawEvent>> ClaimAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var owner = Guid.NewGuid();
        var claimed = await db.RawEvents
            .Where(e => e.Status == RawEventStatus.Pending && (e.LeaseUntil == null || e.LeaseUntil < now))
            .OrderBy(e => e.Id)
            .Take(batchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, owner).SetProperty(e => e.LeaseUntil, now + Lease), cancellationToken);
        return claimed == 0 ? [] : await db.RawEvents.AsNoTracking().Where(e => e.LeaseOwner == owner).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }
}
