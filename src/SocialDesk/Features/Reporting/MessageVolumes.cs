using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Reporting;

public enum VolumeDimension
{
    Channel,
    Topic,
    Sentiment,
    Language,
    Hour,
}

/// <summary>
/// Customer messages received in a period, counted by channel, by the labels triage gave them on arrival
/// (topic, sentiment, language) or by hour of day in the report's time zone.
/// </summary>
internal static class MessageVolumes
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public static async Task<IReadOnlyList<VolumeRow>> RowsAsync(
        AppDbContext db, IServiceScopeFactory scopes, Guid workspaceId, VolumeDimension dimension, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var counts = await periods.EachAsync(scopes, (periodDb, period) => CountAsync(periodDb, workspaceId, dimension, period, periods.Zone, cancellationToken));
        var (current, previous, yearBefore) = (counts[0], counts[1], counts[2]);
        var keys = dimension == VolumeDimension.Hour
            ? [.. Enumerable.Range(0, 24).Select(HourKey)]
            : current.Concat(previous).Concat(yearBefore).Select(c => c.Key).Distinct().ToList();
        var labels = dimension == VolumeDimension.Channel
            ? await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken)
            : [];
        var rows = keys.Select(key => new VolumeRow(
            key,
            key is null ? (dimension == VolumeDimension.Topic ? "no topic" : "not triaged") : labels.GetValueOrDefault(key),
            current[key].Sum(),
            previous[key].Sum(),
            yearBefore[key].Sum()));
        return dimension == VolumeDimension.Hour
            ? [.. rows]
            : [.. rows.OrderByDescending(r => r.Current).ThenByDescending(r => r.Previous).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static string HourKey(int hour) => hour.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Counts by key, a key possibly several times; a null key for messages without a value.</summary>
    private static async Task<ILookup<string?, int>> CountAsync(
        AppDbContext db, Guid workspaceId, VolumeDimension dimension, ReportPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        IQueryable<ReportingEvent> Received(DateTime start, DateTime end) => db.ReportingEvents.AsNoTracking().Where(e => e.WorkspaceId == workspaceId
            && e.Name == ReportingEventNames.MessageReceived && e.OccurredAt >= start && e.OccurredAt < end);
        switch (dimension)
        {
            case VolumeDimension.Channel:
                var channels = await Received(period.Start, period.End).GroupBy(e => e.ChannelId)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                return channels.ToLookup(c => (string?)c.Key.ToString(), c => c.Count);
            case VolumeDimension.Hour:
                // Counted by UTC minute of the day over each stretch of the period where the zone keeps one offset.
                var minutes = new List<(int Minute, int Count)>();
                foreach (var (start, end, offset) in Offsets(period, zone))
                {
                    var counted = await Received(start, end).GroupBy(e => e.MinuteOfDay)
                        .Select(g => new { g.Key, Count = g.Count() })
                        .ToListAsync(cancellationToken);
                    minutes.AddRange(counted.Select(c => ((c.Key + (int)offset.TotalMinutes + 1440) % 1440, c.Count)));
                }

                return minutes.ToLookup(m => (string?)HourKey(m.Minute / 60), m => m.Count);
            default:
                Expression<Func<ReportingEvent, string?>> label = dimension switch
                {
                    VolumeDimension.Topic => e => e.Topics,
                    VolumeDimension.Sentiment => e => e.Sentiment,
                    VolumeDimension.Language => e => e.Language,
                    _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a volume dimension."),
                };
                var labelled = await Received(period.Start, period.End)
                    .Select(label)
                    .GroupBy(value => value)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken);

                // A message with several topics counts once under each; one without any, under none.
                return dimension == VolumeDimension.Topic
                    ? labelled
                        .SelectMany(l => l.Key?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } topics
                            ? topics.Select(topic => (Key: (string?)topic, l.Count))
                            : [(Key: null, l.Count)])
                        .ToLookup(t => t.Key, t => t.Count)
                    : labelled.ToLookup(l => l.Key, l => l.Count);
        }
    }

    /// <summary>The stretches of a period in which the zone keeps one offset from UTC; offsets and their changes fall on quarter hours.</summary>
    private static IEnumerable<(DateTime Start, DateTime End, TimeSpan Offset)> Offsets(ReportPeriod period, TimeZoneInfo zone)
    {
        var start = period.Start;
        var offset = zone.GetUtcOffset(start);
        for (var at = start + Quarter; at < period.End; at += Quarter)
        {
            var next = zone.GetUtcOffset(at);
            if (next != offset)
            {
                yield return (start, at, offset);
                (start, offset) = (at, next);
            }
        }

        yield return (start, period.End, offset);
    }
}
