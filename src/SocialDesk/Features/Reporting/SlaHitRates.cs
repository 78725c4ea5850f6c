using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// Each SLA policy's targets met and breached in a period, from the SLA events (<see cref="SlaEvent"/>): a target
/// counts in the period where it was met, or where its due time passed unmet; warnings do not count.
/// </summary>
internal static class SlaHitRates
{
    public static async Task<IReadOnlyList<SlaRow>> RowsAsync(
        AppDbContext db, IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var counts = await periods.EachAsync(scopes, async (periodDb, period) =>
        {
            var outcomes = await periodDb.SlaEvents.AsNoTracking()
                .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= period.Start && e.OccurredAt < period.End
                    && (e.Kind == SlaEventKind.Met || e.Kind == SlaEventKind.Breached))
                .GroupBy(e => new { e.PolicyId, e.Target, e.Kind })
                .Select(g => new { g.Key.PolicyId, g.Key.Target, g.Key.Kind, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return outcomes.ToDictionary(o => (o.PolicyId, o.Target, o.Kind), o => o.Count);
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
