using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// The reporting events of one period, read once and measured for the overview and the agents' table.
/// Reopen semantics: a conversation has one first response in its life, so a reopened conversation's next reply
/// is a next response, never a second first response; resolution time is counted per resolution cycle, from the
/// cycle's start (the first message, or the reopening) to its resolution, so a conversation resolved twice counts twice.
/// </summary>
internal sealed class PeriodActivity
{
    private readonly List<Measured> firstResponses;
    private readonly List<Resolution> resolutions;
    private readonly List<Measured> nextResponses = [];
    private readonly Dictionary<Guid, int> replies = [];
    private int messagesReceived;
    private int messagesAnswered;
    private int conversations;
    private int conversationsAnswered;

    private PeriodActivity(List<Measured> firstResponses, List<Resolution> resolutions)
    {
        this.firstResponses = firstResponses;
        this.resolutions = resolutions;
    }

    /// <summary>The agents who did something in the period; <see cref="Guid.Empty"/> stands for the brand outside SocialDesk.</summary>
    public IEnumerable<Guid> Agents =>
        replies.Keys.Concat(firstResponses.Select(r => r.Agent)).Concat(nextResponses.Select(r => r.Agent)).Concat(resolutions.Select(r => r.Agent)).Distinct();

    /// <summary>
    /// The current, previous and year-before periods, read at once on connections of their own: they are independent,
    /// so a report waits for the slowest of them rather than for the sum.
    /// </summary>
    public static Task<PeriodActivity[]> LoadAsync(IServiceScopeFactory scopes, Guid workspaceId, ReportPeriods periods, CancellationToken cancellationToken) =>
        Task.WhenAll(new[] { periods.Current, periods.Previous, periods.YearBefore }.Select(async period =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), workspaceId, period, cancellationToken);
        }));

    private static async Task<PeriodActivity> LoadAsync(AppDbContext db, Guid workspaceId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var inPeriod = db.ReportingEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= period.Start && e.OccurredAt < period.End);
        var firstResponses = await inPeriod
            .Where(e => e.Name == ReportingEventNames.FirstResponse)
            .Select(e => new Measured(e.UserId ?? Guid.Empty, e.ValueSeconds ?? 0))
            .ToListAsync(cancellationToken);

        // Events are written in the order things happen to a conversation, so a reopening written after a resolution followed it.
        var resolutions = await inPeriod
            .Where(e => e.Name == ReportingEventNames.Resolved)
            .Select(e => new Resolution(
                e.UserId ?? Guid.Empty,
                e.ValueSeconds ?? 0,
                db.ReportingEvents.Any(o => o.ConversationId == e.ConversationId && o.Name == ReportingEventNames.Reopened && o.Id > e.Id)))
            .ToListAsync(cancellationToken);

        // Answers and next responses need each active conversation's messages and replies before and after the period.
        // The conversations are read first and sent back as one list parameter (not one parameter each, which SQLite limits):
        // given a list, PostgreSQL plans one index look-up per conversation rather than a scan of every event.
        var active = await inPeriod
            .Where(e => e.Name == ReportingEventNames.MessageReceived || e.Name == ReportingEventNames.ReplySent)
            .Select(e => e.ConversationId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var timeline = db.ReportingEvents.AsNoTracking()
            .Where(e => EF.Parameter(active).Contains(e.ConversationId) && (e.Name == ReportingEventNames.MessageReceived || e.Name == ReportingEventNames.ReplySent))
            .OrderBy(e => e.ConversationId).ThenBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new TimelineEvent(e.Id, e.ConversationId, e.Name == ReportingEventNames.ReplySent, e.UserId ?? Guid.Empty, e.OccurredAt))
            .AsAsyncEnumerable();

        // Read as a stream, one conversation at a time, in time order.
        var activity = new PeriodActivity(firstResponses, resolutions);
        var conversation = new List<TimelineEvent>();
        await foreach (var e in timeline.WithCancellation(cancellationToken))
        {
            if (conversation.Count > 0 && conversation[0].ConversationId != e.ConversationId)
            {
                activity.Follow(conversation, period);
                conversation.Clear();
            }

            conversation.Add(e);
        }

        if (conversation.Count > 0)
        {
            activity.Follow(conversation, period);
        }

        return activity;
    }

    public PeriodFigures Figures()
    {
        var reopened = resolutions.Count(r => r.Reopened);
        return new PeriodFigures(
            messagesReceived,
            messagesAnswered,
            Rate(messagesAnswered, messagesReceived),
            conversations,
            conversationsAnswered,
            Rate(conversationsAnswered, conversations),
            firstResponses.Count,
            Statistics(firstResponses.Select(r => r.Seconds)),
            nextResponses.Count,
            Statistics(nextResponses.Select(r => r.Seconds)),
            resolutions.Count,
            Statistics(resolutions.Select(r => r.Seconds)),
            reopened,
            Rate(reopened, resolutions.Count));
    }

    public AgentFigures Figures(Guid agent)
    {
        var first = firstResponses.Where(r => r.Agent == agent).Select(r => r.Seconds).ToList();
        var next = nextResponses.Where(r => r.Agent == agent).Select(r => r.Seconds).ToList();
        var resolved = resolutions.Where(r => r.Agent == agent).Select(r => r.Seconds).ToList();
        return new AgentFigures(
            replies.GetValueOrDefault(agent),
            first.Count,
            Statistics(first),
            next.Count,
            Statistics(next),
            resolved.Count,
            Statistics(resolved));
    }

    /// <summary>Walks one conversation's messages and replies in time order.</summary>
    private void Follow(List<TimelineEvent> events, ReportPeriod period)
    {
        // The first reply written is the first response: the lifecycle records both together, once per conversation.
        var firstResponse = events.Where(e => e.IsReply).MinBy(e => e.Id);
        var firstMessage = events.FirstOrDefault(e => !e.IsReply);
        if (firstMessage is not null && In(firstMessage.At, period))
        {
            conversations++;
            conversationsAnswered += firstResponse is null ? 0 : 1;
        }

        DateTime? waitingSince = null;
        var waitingInPeriod = 0;
        foreach (var e in events)
        {
            if (!e.IsReply)
            {
                waitingSince ??= e.At;
                if (In(e.At, period))
                {
                    messagesReceived++;
                    waitingInPeriod++;
                }

                continue;
            }

            if (In(e.At, period))
            {
                replies[e.Agent] = replies.GetValueOrDefault(e.Agent) + 1;
                if (waitingSince is { } since && e != firstResponse)
                {
                    nextResponses.Add(new Measured(e.Agent, (e.At - since).TotalSeconds));
                }
            }

            messagesAnswered += waitingInPeriod;
            waitingInPeriod = 0;
            waitingSince = null;
        }
    }

    private static bool In(DateTime at, ReportPeriod period) => at >= period.Start && at < period.End;

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    // The tracker's statistics work on whole milliseconds: one definition of mean, median, p90 and trimmed mean for every report.
    private static ResponseTimeSeconds? Statistics(IEnumerable<double> seconds)
    {
        var sortedMs = seconds.Select(s => (long)Math.Round(s * 1000)).ToArray();
        Array.Sort(sortedMs);
        return ResponseTimeSeconds.Of(sortedMs);
    }

    private sealed record Measured(Guid Agent, double Seconds);

    private sealed record Resolution(Guid Agent, double Seconds, bool Reopened);

    private sealed record TimelineEvent(long Id, Guid ConversationId, bool IsReply, Guid Agent, DateTime At);
}
