using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// One period's activity, read from the reporting events and the conversations started in it, and measured for the
/// overview, the agents' table and the teams' table. Every event carries what it is counted by (its team, its agent,
/// whether a reply followed a customer message, whether a resolution was reopened), so each figure is one range of
/// one index. Reopen semantics: a conversation has one first response in its life, so a reopened conversation's next
/// reply is a next response, never a second first response; resolution time is counted per resolution cycle, from
/// the cycle's start (the first message, or the reopening) to its resolution, so a conversation resolved twice counts
/// twice. A team's figures are those of the team that held the conversation when each thing happened; a
/// conversation counts for the team holding it now.
/// </summary>
internal sealed class PeriodActivity
{
    private readonly List<TeamCounts> messages;
    private readonly List<TeamCounts> conversations;
    private readonly List<Duration> firstResponses;
    private readonly List<Duration> replies;
    private readonly List<Duration> resolutions;

    private PeriodActivity(List<TeamCounts> messages, List<TeamCounts> conversations, List<Duration> firstResponses, List<Duration> replies, List<Duration> resolutions)
    {
        this.messages = messages;
        this.conversations = conversations;
        this.firstResponses = firstResponses;
        this.replies = replies;
        this.resolutions = resolutions;
    }

    /// <summary>The agents who did something in the period; <see cref="Guid.Empty"/> stands for the brand outside SocialDesk.</summary>
    public IEnumerable<Guid> Agents => replies.Concat(firstResponses).Concat(resolutions).Select(d => d.Agent).Distinct();

    /// <summary>The teams that held a conversation something happened to in the period; null for none.</summary>
    public IEnumerable<Guid?> Teams =>
        messages.Select(m => m.Team).Concat(conversations.Select(c => c.Team)).Concat(replies.Concat(firstResponses).Concat(resolutions).Select(d => d.Team)).Distinct();

    /// <summary>
    /// The current, previous and year-before periods, read at once on connections of their own: they are independent,
    /// so a report waits for the slowest of them rather than for the sum. Durations are in the business hours of the
    /// team that held the conversation when <paramref name="periods"/> asks for them.
    /// </summary>
    public static Task<PeriodActivity[]> LoadAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var calendars = periods.Hours == ReportHours.Business ? scope.ServiceProvider.GetRequiredService<WorkspaceRulesCache>().For(workspaceId) : null;
        return periods.EachAsync(scopes, (db, period) => LoadAsync(db, workspaceId, period, calendars, cancellationToken));
    }

    /// <summary>Reads one period; durations in the business hours of the calendars given, in calendar time without.</summary>
    private static async Task<PeriodActivity> LoadAsync(AppDbContext db, Guid workspaceId, ReportPeriod period, WorkspaceRules? calendars, CancellationToken cancellationToken)
    {
        var inPeriod = db.ReportingEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= period.Start && e.OccurredAt < period.End);
        var messages = await inPeriod
            .Where(e => e.Name == ReportingEventNames.MessageReceived)
            .GroupBy(e => e.TeamId)
            .Select(g => new TeamCounts(g.Key, g.Count(), g.Count(e => e.Answered)))
            .ToListAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.StartedAt >= period.Start && c.StartedAt < period.End)
            .GroupBy(c => c.TeamId)
            .Select(g => new TeamCounts(g.Key, g.Count(), g.Count(c => c.FirstResponseAt != null)))
            .ToListAsync(cancellationToken);
        async Task<List<Duration>> DurationsAsync(string name)
        {
            var events = await inPeriod
                .Where(e => e.Name == name)
                .Select(e => new { Agent = e.UserId ?? Guid.Empty, e.TeamId, e.ValueSeconds, e.OccurredAt, e.Reopened })
                .ToListAsync(cancellationToken);
            return
            [
                .. events.Select(e => new Duration(e.Agent, e.TeamId, e.ValueSeconds is { } seconds && calendars is not null
                    ? calendars.CalendarOf(e.TeamId).BusinessTimeBetween(e.OccurredAt.AddSeconds(-seconds), e.OccurredAt).TotalSeconds
                    : e.ValueSeconds, e.Reopened)),
            ];
        }

        return new PeriodActivity(
            messages,
            conversations,
            await DurationsAsync(ReportingEventNames.FirstResponse),
            await DurationsAsync(ReportingEventNames.ReplySent),
            await DurationsAsync(ReportingEventNames.Resolved));
    }

    public PeriodFigures Figures() => Figures(_ => true);

    /// <summary>The figures of the conversations a team held; null for the ones no team held.</summary>
    public PeriodFigures TeamFigures(Guid? team) => Figures(held => held == team);

    public AgentFigures AgentFigures(Guid agent)
    {
        var first = firstResponses.Where(r => r.Agent == agent).ToList();
        var next = replies.Where(r => r.Agent == agent && r.Seconds is not null).ToList();
        var resolved = resolutions.Where(r => r.Agent == agent).ToList();
        return new AgentFigures(
            replies.Count(r => r.Agent == agent),
            first.Count,
            Statistics(first),
            next.Count,
            Statistics(next),
            resolved.Count,
            Statistics(resolved));
    }

    private PeriodFigures Figures(Func<Guid?, bool> team)
    {
        var received = messages.Where(m => team(m.Team)).Sum(m => m.All);
        var answered = messages.Where(m => team(m.Team)).Sum(m => m.Answered);
        var started = conversations.Where(c => team(c.Team)).Sum(c => c.All);
        var startedAnswered = conversations.Where(c => team(c.Team)).Sum(c => c.Answered);
        var first = firstResponses.Where(r => team(r.Team)).ToList();
        var next = replies.Where(r => team(r.Team) && r.Seconds is not null).ToList();
        var resolved = resolutions.Where(r => team(r.Team)).ToList();
        var reopened = resolved.Count(r => r.Reopened);
        return new PeriodFigures(
            received,
            answered,
            Rate(answered, received),
            started,
            startedAnswered,
            Rate(startedAnswered, started),
            first.Count,
            Statistics(first),
            next.Count,
            Statistics(next),
            resolved.Count,
            Statistics(resolved),
            reopened,
            Rate(reopened, resolved.Count));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    // The tracker's statistics work on whole milliseconds: one definition of mean, median, p90 and trimmed mean for every report.
    private static ResponseTimeSeconds? Statistics(List<Duration> durations)
    {
        var sortedMs = durations.Select(d => (long)Math.Round((d.Seconds ?? 0) * 1000)).ToArray();
        Array.Sort(sortedMs);
        return ResponseTimeSeconds.Of(sortedMs);
    }

    /// <summary>Things counted for a team (null for none): all of them, and the ones answered.</summary>
    private sealed record TeamCounts(Guid? Team, int All, int Answered);

    /// <summary>Something an agent did for a team, and the time it measured if any.</summary>
    private sealed record Duration(Guid Agent, Guid? Team, double? Seconds, bool Reopened);
}
