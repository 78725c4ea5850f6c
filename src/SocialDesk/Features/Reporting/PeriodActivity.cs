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
/// whether a reply followed a customer message, whether a resolution was reopened). The period's whole UTC days are
/// read from their roll-up (<see cref="ReportDay"/>, <see cref="ReportCount"/>) and the events written since it, its
/// partial days (a time zone's offset) from the events, all in one snapshot. Reopen semantics: a conversation has one
/// first response in its life, so a reopened conversation's next reply is a next response, never a second first
/// response; resolution time is counted per resolution cycle, from the cycle's start (the first message, or the
/// reopening) to its resolution, so a conversation resolved twice counts twice. A team's figures are those of the
/// team that held the conversation when each thing happened; a conversation counts for the team holding it now.
/// </summary>
internal sealed class PeriodActivity
{
    private readonly Dictionary<Guid, Tally> tallies = [];
    private readonly ReportBy by;
    private readonly WorkspaceRules? calendars;

    private PeriodActivity(ReportBy by, WorkspaceRules? calendars)
    {
        this.by = by;
        this.calendars = calendars;
    }

    /// <summary>The teams or agents something happened for in the period; null for no team, or for the brand outside SocialDesk.</summary>
    public IEnumerable<Guid?> Keys => tallies.Keys.Select(key => key == Guid.Empty ? null : (Guid?)key);

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
        // The roll-up, the counts and the events after the roll-up agree only when read in one snapshot.
        await using var snapshot = await DatabaseProvider.BeginSnapshotAsync(db, cancellationToken);
        var activity = new PeriodActivity(by, calendars);
        var (wholeStart, wholeEnd) = period.WholeUtcDays();
        var rolledUpTo = await db.ReportRollups.Where(r => r.Id == ReportRollup.TheOne).Select(r => r.LastEventId).SingleAsync(cancellationToken);
        var days = await db.ReportDays.AsNoTracking()
            .Where(d => d.WorkspaceId == workspaceId && d.Day >= wholeStart && d.Day < wholeEnd)
            .Select(d => new { d.Name, d.TeamId, d.UserId, d.Events, d.Durations })
            .ToListAsync(cancellationToken);
        foreach (var day in days)
        {
            activity.Count(day.Name, day.TeamId, day.UserId, day.Events, ReportDay.Read(day.Durations));
        }

        // The whole days' events written since the roll-up, read by id alone (few: the roll-up runs every few seconds).
        var since = await db.ReportingEvents.AsNoTracking().Where(e => e.Id > rolledUpTo).Select(Columns).ToListAsync(cancellationToken);
        foreach (var e in since.Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= wholeStart && e.OccurredAt < wholeEnd))
        {
            activity.Count(e.Name, e.TeamId, e.UserId, 1, e.ValueSeconds is { } seconds ? [(e.OccurredAt, seconds)] : []);
        }

        // What changes after the fact, counted by the day: answered, reopened, conversations by the team holding them.
        if (by != ReportBy.Agent)
        {
            var counts = await db.ReportCounts.AsNoTracking()
                .Where(c => c.WorkspaceId == workspaceId && c.Day >= wholeStart && c.Day < wholeEnd)
                .GroupBy(c => new { c.Name, c.TeamId })
                .Select(g => new { g.Key.Name, g.Key.TeamId, Count = g.Sum(c => c.Count) })
                .ToListAsync(cancellationToken);
            foreach (var count in counts)
            {
                activity.CountLater(count.Name, count.TeamId == Guid.Empty ? null : count.TeamId, count.Count);
            }
        }

        foreach (var (start, end) in period.PartialUtcDays())
        {
            var events = await db.ReportingEvents.AsNoTracking()
                .Where(e => e.WorkspaceId == workspaceId && ReportDay.Names.Contains(e.Name) && e.OccurredAt >= start && e.OccurredAt < end)
                .Select(Columns)
                .ToListAsync(cancellationToken);
            foreach (var e in events)
            {
                activity.Count(e.Name, e.TeamId, e.UserId, 1, e.ValueSeconds is { } seconds ? [(e.OccurredAt, seconds)] : []);
                if (e.Answered || e.Reopened)
                {
                    activity.CountLater(e.Answered ? ReportCount.MessagesAnswered : ReportCount.ResolutionsReopened, e.TeamId, 1);
                }
            }

            if (by != ReportBy.Agent)
            {
                var conversations = await db.Conversations.AsNoTracking()
                    .Where(c => c.WorkspaceId == workspaceId && c.StartedAt >= start && c.StartedAt < end)
                    .GroupBy(c => c.TeamId)
                    .Select(g => new { Team = g.Key, All = g.Count(), Answered = g.Count(c => c.FirstResponseAt != null) })
                    .ToListAsync(cancellationToken);
                foreach (var started in conversations)
                {
                    activity.CountLater(ReportCount.Conversations, started.Team, started.All);
                    activity.CountLater(ReportCount.ConversationsAnswered, started.Team, started.Answered);
                }
            }
        }

        return activity;
    }

    private static readonly Expression<Func<ReportingEvent, Event>> Columns =
        e => new Event(e.WorkspaceId, e.Name, e.TeamId, e.UserId, e.OccurredAt, e.ValueSeconds, e.Answered, e.Reopened);

    /// <summary>Counts <paramref name="events"/> of one kind for a team and an agent, and the durations measured, in business hours when the report asks for them.</summary>
    private void Count(string name, Guid? team, Guid? agent, int events, IEnumerable<(DateTime At, double Seconds)> durations)
    {
        // The agents' table counts what agents did, not the messages they received.
        if (!ReportDay.Names.Contains(name) || (by == ReportBy.Agent && name == ReportingEventNames.MessageReceived))
        {
            return;
        }

        var tally = TallyOf(team, agent);
        var measured = name switch
        {
            ReportingEventNames.FirstResponse => tally.FirstResponses,
            ReportingEventNames.ReplySent => tally.NextResponses,
            ReportingEventNames.Resolved => tally.Resolutions,
            _ => null,
        };
        if (measured is not null)
        {
            var calendar = calendars?.CalendarOf(team);
            foreach (var (at, seconds) in durations)
            {
                measured.Add(calendar is null ? seconds : calendar.BusinessTimeBetween(at.AddSeconds(-seconds), at).TotalSeconds);
            }
        }

        if (name == ReportingEventNames.MessageReceived)
        {
            tally.Messages += events;
        }
        else if (name == ReportingEventNames.ReplySent)
        {
            tally.Replies += events;
        }
    }

    /// <summary>Adds to one of the counts that change after the fact (<see cref="ReportCount"/>) for a team.</summary>
    private void CountLater(string name, Guid? team, int count)
    {
        if (by == ReportBy.Agent)
        {
            return;
        }

        var tally = TallyOf(team, null);
        switch (name)
        {
            case ReportCount.MessagesAnswered:
                tally.Answered += count;
                break;
            case ReportCount.ResolutionsReopened:
                tally.Reopened += count;
                break;
            case ReportCount.Conversations:
                tally.Conversations += count;
                break;
            case ReportCount.ConversationsAnswered:
                tally.ConversationsAnswered += count;
                break;
        }
    }

    /// <summary>What is counted for the table's key: the team, the agent, or the whole workspace.</summary>
    private Tally TallyOf(Guid? team, Guid? agent)
    {
        var key = by switch { ReportBy.Team => team, ReportBy.Agent => agent, _ => null } ?? Guid.Empty;
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies.Add(key, tally);
        }

        return tally;
    }

    public PeriodFigures Figures() => TeamFigures(null);

    /// <summary>The figures of the conversations a team held; null for the ones no team held (or the workspace's, in the overview).</summary>
    public PeriodFigures TeamFigures(Guid? team)
    {
        var tally = tallies.GetValueOrDefault(team ?? Guid.Empty) ?? new Tally();
        return new PeriodFigures(
            tally.Messages,
            tally.Answered,
            Rate(tally.Answered, tally.Messages),
            tally.Conversations,
            tally.ConversationsAnswered,
            Rate(tally.ConversationsAnswered, tally.Conversations),
            tally.FirstResponses.Count,
            Statistics(tally.FirstResponses),
            tally.NextResponses.Count,
            Statistics(tally.NextResponses),
            tally.Resolutions.Count,
            Statistics(tally.Resolutions),
            tally.Reopened,
            Rate(tally.Reopened, tally.Resolutions.Count));
    }

    /// <summary>An agent's figures; null for the brand outside SocialDesk.</summary>
    public AgentFigures AgentFigures(Guid? agent)
    {
        var tally = tallies.GetValueOrDefault(agent ?? Guid.Empty) ?? new Tally();
        return new AgentFigures(
            tally.Replies,
            tally.FirstResponses.Count,
            Statistics(tally.FirstResponses),
            tally.NextResponses.Count,
            Statistics(tally.NextResponses),
            tally.Resolutions.Count,
            Statistics(tally.Resolutions));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    // The tracker's statistics work on whole milliseconds: one definition of mean, median, p90 and trimmed mean for every report.
    private static ResponseTimeSeconds? Statistics(List<double> seconds)
    {
        var sortedMs = new long[seconds.Count];
        for (var i = 0; i < sortedMs.Length; i++)
        {
            sortedMs[i] = (long)Math.Round(seconds[i] * 1000);
        }

        Array.Sort(sortedMs);
        return ResponseTimeSeconds.Of(sortedMs);
    }

    /// <summary>
    /// What happened for one team, one agent or the workspace: customer messages (and how many were answered),
    /// conversations started (and answered), replies, resolutions (and reopened), and the durations measured.
    /// </summary>
    private sealed class Tally
    {
        public int Messages { get; set; }
        public int Answered { get; set; }
        public int Conversations { get; set; }
        public int ConversationsAnswered { get; set; }
        public int Replies { get; set; }
        public int Reopened { get; set; }
        public List<double> FirstResponses { get; } = [];
        public List<double> NextResponses { get; } = [];
        public List<double> Resolutions { get; } = [];
    }

    /// <summary>An event's columns as read.</summary>
    private sealed record Event(Guid WorkspaceId, string Name, Guid? TeamId, Guid? UserId, DateTime OccurredAt, double? ValueSeconds, bool Answered, bool Reopened);
}
