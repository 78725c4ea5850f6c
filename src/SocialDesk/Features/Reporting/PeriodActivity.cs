using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Features.Reporting;

/// <summary>What a report table counts its figures by.</summary>
internal enum ReportBy
{
    Workspace,
    Team,
    Agent,
}

/// <summary>
/// One period's activity, read from the reporting events and the conversations started in it, and measured for the
/// overview, the agents' table or the teams' table. Every event carries what it is counted by (its team, its agent,
/// whether a reply followed a customer message, whether a resolution was reopened), so each figure is one range of
/// one index, and only the columns a table needs are read. Reopen semantics: a conversation has one first response
/// in its life, so a reopened conversation's next reply is a next response, never a second first response;
/// resolution time is counted per resolution cycle, from the cycle's start (the first message, or the reopening) to
/// its resolution, so a conversation resolved twice counts twice. A team's figures are those of the team that held
/// the conversation when each thing happened; a conversation counts for the team holding it now.
/// </summary>
internal sealed class PeriodActivity
{
    private readonly List<Counts> messages;
    private readonly List<Counts> conversations;
    private readonly List<Duration> firstResponses;
    private readonly List<Duration> replies;
    private readonly List<Duration> resolutions;

    private PeriodActivity(List<Counts> messages, List<Counts> conversations, List<Duration> firstResponses, List<Duration> replies, List<Duration> resolutions)
    {
        this.messages = messages;
        this.conversations = conversations;
        this.firstResponses = firstResponses;
        this.replies = replies;
        this.resolutions = resolutions;
    }

    /// <summary>The teams or agents something happened for in the period; null for no team, or for the brand outside SocialDesk.</summary>
    public IEnumerable<Guid?> Keys =>
        messages.Select(m => m.Key).Concat(conversations.Select(c => c.Key)).Concat(replies.Concat(firstResponses).Concat(resolutions).Select(d => d.Key)).Distinct();

    /// <summary>
    /// The current, previous and year-before periods, read at once on connections of their own: they are independent,
    /// so a report waits for the slowest of them rather than for the sum. Durations are in the business hours of the
    /// team that held the conversation when <paramref name="periods"/> asks for them.
    /// </summary>
    public static Task<PeriodActivity[]> LoadAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, ReportBy by, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var calendars = periods.Hours == ReportHours.Business ? scope.ServiceProvider.GetRequiredService<WorkspaceRulesCache>().For(workspaceId) : null;
        return periods.EachAsync(scopes, (db, period) => LoadAsync(db, workspaceId, period, by, calendars, cancellationToken));
    }

    /// <summary>Reads one period; durations in the business hours of the calendars given, in calendar time without.</summary>
    private static async Task<PeriodActivity> LoadAsync(
        AppDbContext db, Guid workspaceId, ReportPeriod period, ReportBy by, WorkspaceRules? calendars, CancellationToken cancellationToken)
    {
        var inPeriod = db.ReportingEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= period.Start && e.OccurredAt < period.End);
        List<Counts> messages = [], conversations = [];
        if (by != ReportBy.Agent)
        {
            messages = await inPeriod
                .Where(e => e.Name == ReportingEventNames.MessageReceived)
                .GroupBy(e => e.TeamId)
                .Select(g => new Counts(g.Key, g.Count(), g.Count(e => e.Answered)))
                .ToListAsync(cancellationToken);
            conversations = await db.Conversations.AsNoTracking()
                .Where(c => c.WorkspaceId == workspaceId && c.StartedAt >= period.Start && c.StartedAt < period.End)
                .GroupBy(c => c.TeamId)
                .Select(g => new Counts(g.Key, g.Count(), g.Count(c => c.FirstResponseAt != null)))
                .ToListAsync(cancellationToken);
        }

        var reading = Reading(by, business: calendars is not null);
        async Task<List<Duration>> DurationsAsync(IQueryable<ReportingEvent> events)
        {
            var read = await events.Select(reading).ToListAsync(cancellationToken);
            return
            [
                .. read.Select(r => new Duration(
                    by switch { ReportBy.Team => r.Team, ReportBy.Agent => r.Agent, _ => null },
                    r.Seconds is { } seconds && calendars is not null
                        ? calendars.CalendarOf(r.Team).BusinessTimeBetween(r.At.AddSeconds(-seconds), r.At).TotalSeconds
                        : r.Seconds,
                    r.Reopened)),
            ];
        }

        // Only the agents' table counts every reply; the others read the next responses alone.
        var replies = inPeriod.Where(e => e.Name == ReportingEventNames.ReplySent);
        return new PeriodActivity(
            messages,
            conversations,
            await DurationsAsync(inPeriod.Where(e => e.Name == ReportingEventNames.FirstResponse)),
            await DurationsAsync(by == ReportBy.Agent ? replies : replies.Where(e => e.ValueSeconds != null)),
            await DurationsAsync(inPeriod.Where(e => e.Name == ReportingEventNames.Resolved)));
    }

    /// <summary>The columns a table needs: its key, and the team and time when durations are in business hours.</summary>
    private static Expression<Func<ReportingEvent, Read>> Reading(ReportBy by, bool business) => business
        ? e => new Read(e.UserId, e.TeamId, e.OccurredAt, e.ValueSeconds, e.Reopened)
        : by switch
        {
            ReportBy.Team => e => new Read(null, e.TeamId, default, e.ValueSeconds, e.Reopened),
            ReportBy.Agent => e => new Read(e.UserId, null, default, e.ValueSeconds, e.Reopened),
            _ => e => new Read(null, null, default, e.ValueSeconds, e.Reopened),
        };

    public PeriodFigures Figures() => Figures(_ => true);

    /// <summary>The figures of the conversations a team held; null for the ones no team held.</summary>
    public PeriodFigures TeamFigures(Guid? team) => Figures(key => key == team);

    /// <summary>An agent's figures; null for the brand outside SocialDesk.</summary>
    public AgentFigures AgentFigures(Guid? agent)
    {
        var first = firstResponses.Where(r => r.Key == agent).ToList();
        var next = replies.Where(r => r.Key == agent && r.Seconds is not null).ToList();
        var resolved = resolutions.Where(r => r.Key == agent).ToList();
        return new AgentFigures(
            replies.Count(r => r.Key == agent),
            first.Count,
            Statistics(first),
            next.Count,
            Statistics(next),
            resolved.Count,
            Statistics(resolved));
    }

    private PeriodFigures Figures(Func<Guid?, bool> key)
    {
        var received = messages.Where(m => key(m.Key)).Sum(m => m.All);
        var answered = messages.Where(m => key(m.Key)).Sum(m => m.Answered);
        var started = conversations.Where(c => key(c.Key)).Sum(c => c.All);
        var startedAnswered = conversations.Where(c => key(c.Key)).Sum(c => c.Answered);
        var first = firstResponses.Where(r => key(r.Key)).ToList();
        var next = replies.Where(r => key(r.Key) && r.Seconds is not null).ToList();
        var resolved = resolutions.Where(r => key(r.Key)).ToList();
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
    private sealed record Counts(Guid? Key, int All, int Answered);

    /// <summary>An event's columns as read; the ones a table does not need are left empty.</summary>
    private sealed record Read(Guid? Agent, Guid? Team, DateTime At, double? Seconds, bool Reopened);

    /// <summary>Something done for a team or by an agent (the table's key), and the time it measured if any.</summary>
    private sealed record Duration(Guid? Key, double? Seconds, bool Reopened);
}
