using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Ingestion;

/// <summary>A delivery to store: where it came from and its body, exactly as received.</summary>
public sealed record IncomingDelivery(Guid WorkspaceId, Guid? ChannelId, string Format, string Body)
{
    public string BodyHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));
}

/// <summary>Stores deliveries durably, each body once per channel, and wakes the processor.</summary>
public sealed class RawEventStore(AppDbContext db, TimeProvider time, IngestionSignal signal)
{
    /// <summary>Stores the deliveries in one transaction; returns, for each, whether it was new.</summary>
    public async Task<bool[]> AppendAsync(IReadOnlyList<IncomingDelivery> deliveries, CancellationToken cancellationToken)
    {
        var stored = new bool[deliveries.Count];
        var now = time.GetUtcNow().UtcDateTime;
        var inBatch = new HashSet<(Guid, Guid?, string)>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            if (inBatch.Add((delivery.WorkspaceId, delivery.ChannelId, delivery.BodyHash)))
            {
                db.RawEvents.Add(New(delivery, now));
                stored[i] = true;
            }
        }

        try
        {
            // Repeated deliveries are rare: the unique index finds them, and only then are they sorted out one by one.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            for (var i = 0; i < deliveries.Count; i++)
            {
                stored[i] = stored[i] && await TryAppendOneAsync(deliveries[i], now, cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        if (stored.Any(s => s))
        {
            signal.Notify();
        }

        return stored;
    }

    private async Task<bool> TryAppendOneAsync(IncomingDelivery delivery, DateTime now, CancellationToken cancellationToken)
    {
        db.RawEvents.Add(New(delivery, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static RawEvent New(IncomingDelivery delivery, DateTime now) => new()
    {
        WorkspaceId = delivery.WorkspaceId,
        ChannelId = delivery.ChannelId,
        Format = delivery.Format,
        Body = delivery.Body,
        BodyHash = delivery.BodyHash,
        ReceivedAt = now,
        Status = RawEventStatus.Pending,
    };
}

/// <summary>Wakes the raw event processor as soon as something new is stored, instead of waiting for its next poll.</summary>
public sealed class IngestionSignal : WakeUpSignal;
