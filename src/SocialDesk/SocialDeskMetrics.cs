using System.Diagnostics.Metrics;

namespace SocialDesk;

/// <summary>
/// The application's meter, <c>SocialDesk</c>: counters the ingestion pipeline, the reply sender and the SLA worker move
/// as things happen. Exported at <c>/metrics</c> when <c>Metrics:Enabled</c> is true; free when nothing listens.
/// </summary>
public sealed class SocialDeskMetrics
{
    public const string MeterName = "SocialDesk";

    private readonly Counter<long> messagesReceived;
    private readonly Counter<long> replyFailures;
    private readonly Counter<long> slaEvents;

    public SocialDeskMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        messagesReceived = Meter.CreateCounter<long>("socialdesk.messages.received", "{message}", "Customer messages stored, by the kind of channel they came on.");
        replyFailures = Meter.CreateCounter<long>("socialdesk.replies.send_failures", "{attempt}", "Replies whose sending failed: to be retried, or given up (final).");
        slaEvents = Meter.CreateCounter<long>("socialdesk.sla.events", "{event}", "SLA warnings and breaches raised, by target.");
    }

    public Meter Meter { get; }

    /// <summary>Counts customer messages committed, one per channel kind named.</summary>
    public void Received(IEnumerable<string> channelKinds)
    {
        foreach (var kind in channelKinds.CountBy(kind => kind))
        {
            messagesReceived.Add(kind.Value, new KeyValuePair<string, object?>("channel.kind", kind.Key));
        }
    }

    /// <summary>Counts a failed attempt to send a reply; final when the reply is marked failed rather than retried.</summary>
    public void ReplyFailed(string channelKind, bool final) =>
        replyFailures.Add(1, new KeyValuePair<string, object?>("channel.kind", channelKind), new KeyValuePair<string, object?>("final", final));

    /// <summary>Counts an SLA warning or breach committed by the SLA worker.</summary>
    public void SlaRaised(string kind, string target) =>
        slaEvents.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("target", target));
}
