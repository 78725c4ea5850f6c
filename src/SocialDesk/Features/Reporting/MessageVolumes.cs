using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;

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
    public static async Task<IReadOnlyList<VolumeRow>> RowsAsync(
        AppDbContext db, IServiceScopeFactory scopes, Guid workspaceId, VolumeDimension dimension, ReportPeriods periods, CancellationToken cancellationToken)
    {
        // The three periods are counted at once, on connections of their own, as the overview reads them.
        var counts = await Task.WhenAll(new[] { periods.Current, periods.Previous, periods.YearBefore }.Select(async period =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await CountAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), workspaceId, dimension, period, periods.Zone, cancellationToken);
        }));
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
        var received = db.ReportingEvents.AsNoTracking().Where(e => e.WorkspaceId == workspaceId
            && e.Name == ReportingEventNames.MessageReceived && e.OccurredAt >= period.Start && e.OccurredAt < period.End);
        switch (dimension)
        {
            case VolumeDimension.Channel:
                var channels = await received.GroupBy(e => e.ChannelId)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                return channels.ToLookup(c => (string?)c.Key.ToString(), c => c.Count);
            case VolumeDimension.Hour:
                // Counted by UTC quarter hour in the database, then read in the time zone, whose offsets and clock changes fall on quarter hours.
                var quarters = await received
                    .GroupBy(e => new { e.OccurredAt.Year, e.OccurredAt.DayOfYear, e.OccurredAt.Hour, Quarter = e.OccurredAt.Minute / 15 })
                    .Select(g => new { g.Key.Year, g.Key.DayOfYear, g.Key.Hour, g.Key.Quarter, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                return quarters.ToLookup(
                    q => (string?)HourKey(TimeZoneInfo.ConvertTimeFromUtc(
                        new DateTime(q.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(q.DayOfYear - 1).AddHours(q.Hour).AddMinutes(q.Quarter * 15), zone).Hour),
                    q => q.Count);
            default:
                Expression<Func<Message, string?>> label = dimension switch
                {
                    VolumeDimension.Topic => m => m.Triage!.Topics,
                    VolumeDimension.Sentiment => m => m.Triage!.Sentiment,
                    VolumeDimension.Language => m => m.Triage!.Language,
                    _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a volume dimension."),
                };
                var labelled = await received
                    .Join(db.Messages, e => e.MessageId, m => (Guid?)m.Id, (e, m) => m)
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
}
