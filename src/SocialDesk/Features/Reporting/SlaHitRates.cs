using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// Each SLA policy's targets met and breached in a period, from the SLA events (<see cref="SlaEvent"/>): a target
/// counts in the period where it was met, or where its due time passed unmet; warnings do not count. Whole UTC days
/// are read from the counts the database keeps by the day (<see cref="ReportCount"/>).
/// </summary>
internal static class SlaHitRates
{
    public static async Task<IReadOnlyList<SlaRow>> RowsAsync(
        AppDbContext db, IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var counts = await periods.EachAsync(scopes, async (periodDb, period) =>
        {
            // The whole UTC days counted by the day (ReportCounts), the partial ones from the events, in one snapshot.
            await using var snapshot = await DatabaseProvider.BeginSnapshotAsync(periodDb, cancellationToken);
            var (wholeStart, wholeEnd) = period.WholeUtcDays();
            var byDay = await periodDb.ReportCounts.AsNoTracking()
                .Where(c => c.WorkspaceId == workspaceId && c.Day >= wholeStart && c.Day < wholeEnd && c.PolicyId != Guid.Empty)
                .GroupBy(c => new { c.PolicyId, c.Name })
                .Select(g => new { g.Key.PolicyId, g.Key.Name, Count = g.Sum(c => c.Count) })
                .ToListAsync(cancellationToken);
            var outcomes = byDay
                .Select(c => (c.PolicyId, Outcome: ReportCount.SlaOutcomeOf(c.Name), c.Count))
                .Where(c => c.Outcome is not null)
                .Select(c => (c.PolicyId, c.Outcome!.Value.Target, c.Outcome.Value.Kind, c.Count))
                .ToList();
            foreach (var (start, end) in period.PartialUtcDays())
            {
                var events = await periodDb.SlaEvents.AsNoTracking()
                    .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= start && e.OccurredAt < end
                        && (e.Kind == SlaEventKind.Met || e.Kind == SlaEventKind.Breached))
                    .GroupBy(e => new { e.PolicyId, e.Target, e.Kind })
                    .Select(g => new { g.Key.PolicyId, g.Key.Target, g.Key.Kind, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                outcomes.AddRange(events.Select(e => (e.PolicyId, e.Target, e.Kind, e.Count)));
            }

            return outcomes.GroupBy(o => (o.PolicyId, o.Target, o.Kind)).ToDictionary(g => g.Key, g => g.Sum(o => o.Count));
        });
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        SlaFigures Figures(int period, Guid policy, SlaTargetKind target)
        {
            var met = counts[period].GetValueOrDefault((policy, target, SlaEventKind.Met));
            var breached = counts[period].GetValueOrDefault((policy, target, SlaEventKind.Breached));
            return new SlaFigures(met, breached, met + breached == 0 ? null : (double)met / (met + breached));
        }

        return
        [
            .. counts.SelectMany(c => c.Keys).Select(k => (k.PolicyId, k.Target)).Distinct()
                .Select(k => new SlaRow(k.PolicyId, policies.GetValueOrDefault(k.PolicyId, k.PolicyId.ToString()), k.Target, Figures(0, k.PolicyId, k.Target), Figures(1, k.PolicyId, k.Target), Figures(2, k.PolicyId, k.Target)))
                .OrderBy(r => r.Policy, StringComparer.Ordinal).ThenBy(r => r.PolicyId).ThenBy(r => r.Target),
        ];
    }
}
