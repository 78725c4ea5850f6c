using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// The team's report tables for a workspace and its periods: what the report endpoints answer and the web app charts.
/// Each period is read on a connection of its own, so a table waits for the slowest period rather than for the sum.
/// </summary>
public static class Reports
{
    /// <summary>Response rates, response and resolution times, reopen rate.</summary>
    public static async Task<ReportTable<OverviewRow>> OverviewAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var activity = await PeriodActivity.LoadAsync(scopes, workspaceId, periods, cancellationToken);
        return new ReportTable<OverviewRow>("overview", periods, [new OverviewRow(activity[0].Figures(), activity[1].Figures(), activity[2].Figures())]);
    }

    /// <summary>Each agent's replies, response times and resolutions; the brand's replies made outside SocialDesk in a row of their own.</summary>
    public static async Task<ReportTable<AgentRow>> AgentsAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var activity = await PeriodActivity.LoadAsync(scopes, workspaceId, periods, cancellationToken);
        var (current, previous, yearBefore) = (activity[0], activity[1], activity[2]);
        var agents = current.Agents.Concat(previous.Agents).Concat(yearBefore.Agents).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Users.AsNoTracking()
            .Where(u => agents.Contains(u.Id) && db.Memberships.Any(m => m.UserId == u.Id && m.WorkspaceId == workspaceId))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var rows = agents
            .Select(agent => new AgentRow(
                agent == Guid.Empty ? null : agent,
                agent == Guid.Empty ? "Brand, outside SocialDesk" : names.GetValueOrDefault(agent, agent.ToString()),
                current.AgentFigures(agent),
                previous.AgentFigures(agent),
                yearBefore.AgentFigures(agent)))
            .OrderByDescending(r => r.Current.Replies)
            .ThenBy(r => r.Agent, StringComparer.Ordinal)
            .ToList();
        return new ReportTable<AgentRow>("agents", periods, rows);
    }

    /// <summary>
    /// Each team's figures, by the overview's definitions, for what happened while the team held the conversation;
    /// what no team held in a row of its own.
    /// </summary>
    public static async Task<ReportTable<TeamRow>> TeamsAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var activity = await PeriodActivity.LoadAsync(scopes, workspaceId, periods, cancellationToken);
        var (current, previous, yearBefore) = (activity[0], activity[1], activity[2]);
        await using var scope = scopes.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.AsNoTracking()
            .Where(t => t.WorkspaceId == workspaceId)
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var rows = current.Teams.Concat(previous.Teams).Concat(yearBefore.Teams).Distinct()
            .Select(team => new TeamRow(
                team,
                team is { } id ? names.GetValueOrDefault(id, id.ToString()) : "No team",
                current.TeamFigures(team),
                previous.TeamFigures(team),
                yearBefore.TeamFigures(team)))
            .OrderBy(r => r.TeamId is null)
            .ThenByDescending(r => r.Current.MessagesReceived)
            .ThenBy(r => r.Team, StringComparer.Ordinal)
            .ToList();
        return new ReportTable<TeamRow>("teams", periods, rows);
    }

    /// <summary>Each SLA policy's hit rate per target: met / (met + breached).</summary>
    public static async Task<ReportTable<SlaRow>> SlaAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await SlaHitRates.RowsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scopes, workspaceId, periods, cancellationToken);
        return new ReportTable<SlaRow>("sla", periods, rows);
    }

    /// <summary>Customer messages received by channel, topic, sentiment, language or hour of day.</summary>
    public static async Task<ReportTable<VolumeRow>> VolumesAsync(
        IServiceScopeFactory scopes, Guid workspaceId, VolumeDimension dimension, ReportPeriods periods, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await MessageVolumes.RowsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scopes, workspaceId, dimension, periods, cancellationToken);
        return new ReportTable<VolumeRow>($"volumes-by-{dimension.ToString().ToLowerInvariant()}", periods, rows);
    }
}
