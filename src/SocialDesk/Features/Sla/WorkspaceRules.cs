using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Teams;

namespace SocialDesk.Features.Sla;

/// <summary>
/// What a workspace has decided about its work, as one immutable snapshot read without a query: its SLA policies in the
/// order they are tried, its teams' routing rules and business calendars, and its channels' kinds.
/// </summary>
public sealed class WorkspaceRules
{
    public static readonly WorkspaceRules None = new([], [], new Dictionary<Guid, BusinessCalendar>(), new Dictionary<Guid, string>());

    private readonly IReadOnlyDictionary<Guid, BusinessCalendar> calendarByTeam;
    private readonly IReadOnlyDictionary<Guid, string> channelKinds;

    public WorkspaceRules(IReadOnlyList<SlaPolicy> policies, IReadOnlyList<Team> teams, IReadOnlyDictionary<Guid, BusinessCalendar> calendarByTeam, IReadOnlyDictionary<Guid, string> channelKinds)
    {
        Policies = SlaPolicy.InOrder(policies);
        RoutedTeams = [.. teams.Where(t => t.HasRoutingRule).OrderBy(t => t.RoutingPosition).ThenBy(t => t.Name, StringComparer.Ordinal)];
        this.calendarByTeam = calendarByTeam;
        this.channelKinds = channelKinds;
    }

    /// <summary>The policies in the order they are tried, the default one last.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    public IReadOnlyList<Team> RoutedTeams { get; }

    public bool TagsMatter => Policies.Any(p => p.ContactTags.Count > 0);

    public string ChannelKind(Guid channelId) => channelKinds.GetValueOrDefault(channelId, "");

    /// <summary>The first policy whose conditions hold, else the default one, else none.</summary>
    public SlaPolicy? PolicyFor(Conversation conversation, IReadOnlyCollection<string> contactTags)
    {
        var kind = ChannelKind(conversation.ChannelId);
        return Policies.FirstOrDefault(p => p.IsDefault || p.Matches(conversation, kind, contactTags));
    }

    public SlaPolicy? Policy(Guid? id) => id is null ? null : Policies.FirstOrDefault(p => p.Id == id);

    /// <summary>The calendar of the team holding the conversation; 24/7 without a team or a calendar.</summary>
    public BusinessCalendar CalendarOf(Guid? teamId) =>
        teamId is { } id && calendarByTeam.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.AlwaysOpen;

    /// <summary>The first team whose routing rules all hold for a new conversation (each rule given holds).</summary>
    public Team? TeamFor(Conversation conversation)
    {
        var kind = ChannelKind(conversation.ChannelId);
        return RoutedTeams.FirstOrDefault(team =>
            (team.RouteChannels.Count == 0 || team.RouteChannels.Contains(kind))
            && (team.RouteLanguages.Count == 0 || (conversation.Triage?.Language is { } language && team.RouteLanguages.Contains(language)))
            && (team.RouteTopics.Count == 0 || team.RouteTopics.Any(topic => conversation.Triage?.Topics.Contains(Triage.TriageLabels.TopicPattern(topic), StringComparison.Ordinal) == true)));
    }

    public static async Task<WorkspaceRules> LoadAsync(AppDbContext db, Guid workspaceId, CancellationToken cancellationToken)
    {
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToDictionaryAsync(c => c.Id, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToDictionaryAsync(c => c.Id, c => c.Kind, cancellationToken);
        var calendarByTeam = teams
            .Where(t => t.CalendarId is { } id && calendars.ContainsKey(id))
            .ToDictionary(t => t.Id, t => calendars[t.CalendarId!.Value].Definition.ToCalendar());
        return new WorkspaceRules(policies, teams, calendarByTeam, channels);
    }
}

/// <summary>
/// Every workspace's <see cref="WorkspaceRules"/>, loaded at start and reloaded by <see cref="WorkspaceRulesReload"/>
/// after each save that changes a policy, a calendar, a team or a channel, so the pipeline never queries them.
/// </summary>
public sealed class WorkspaceRulesCache
{
    private ImmutableDictionary<Guid, WorkspaceRules> rules = ImmutableDictionary<Guid, WorkspaceRules>.Empty;

    public WorkspaceRules For(Guid workspaceId) => rules.GetValueOrDefault(workspaceId, WorkspaceRules.None);

    public async Task ReloadAsync(AppDbContext db, IEnumerable<Guid> workspaceIds, CancellationToken cancellationToken)
    {
        foreach (var workspaceId in workspaceIds)
        {
            var loaded = await WorkspaceRules.LoadAsync(db, workspaceId, cancellationToken);
            ImmutableInterlocked.AddOrUpdate(ref rules, workspaceId, loaded, (_, _) => loaded);
        }
    }

    public async Task LoadAllAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await ReloadAsync(db, await db.Workspaces.Select(w => w.Id).ToListAsync(cancellationToken), cancellationToken);
}

/// <summary>Reloads the rules of the workspaces whose policies, calendars, teams or channels a save changed, once it has succeeded.</summary>
public sealed class WorkspaceRulesReload(WorkspaceRulesCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Save asynchronously: the workspace rules are reloaded after the save.");

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var touched = context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity switch
                {
                    SlaPolicy p => p.WorkspaceId,
                    SlaCalendar c => c.WorkspaceId,
                    Team t => t.WorkspaceId,
                    Channel c => c.WorkspaceId,
                    _ => Guid.Empty,
                })
                .Where(id => id != Guid.Empty)
                .ToHashSet();
            if (touched.Count > 0)
            {
                pending.AddOrUpdate(context, touched);
            }
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext context && pending.TryGetValue(context, out var touched))
        {
            pending.Remove(context);
            await cache.ReloadAsync(context, touched, cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }

        return Task.CompletedTask;
    }
}
