using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Triage;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Conversations;

/// <summary>
/// What narrows a conversation list; every part is optional. <see cref="Unassigned"/> keeps those assigned to nobody,
/// <see cref="Text"/> those with a message containing it (case aside, see <see cref="MessageSearch"/>), <see cref="SlaState"/> those with a target in that
/// state. <see cref="ByPriority"/> orders the most pressing first (<see cref="Conversation.RankAt"/>), else the last active.
/// </summary>
public sealed record ConversationFilter(
    ConversationStatus? Status = null,
    Guid? Channel = null,
    Guid? AssigneeId = null,
    bool Unassigned = false,
    Guid? Team = null,
    Guid? Contact = null,
    bool? Actionable = null,
    string? Sentiment = null,
    string? Intent = null,
    string? Topic = null,
    string? Language = null,
    string? Text = null,
    ConversationPriority? Priority = null,
    SlaTargetState? SlaState = null,
    bool ByPriority = false);

/// <summary>Reading conversations as a caller sees them (<see cref="ConversationAccess"/>): the API and the web app ask here.</summary>
public static class ConversationQueries
{
    public static async Task<ConversationPage> ListAsync(
        this AppDbContext db, ClaimsPrincipal caller, ConversationFilter filter, int skip, int take, WorkspaceRulesCache rules, DateTime now, CancellationToken cancellationToken)
    {
        var query = db.Visible(caller).AsNoTracking().Matching(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var workspaceRules = rules.For(caller.WorkspaceId());
        var ordered = filter.ByPriority
            ? query.OrderBy(c => c.RankAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.LastActivityAt).ThenBy(c => c.Id);
        var items = await ordered
            .Skip(skip).Take(take)
            .Select(c => new ConversationSummary(
                c.Id,
                c.ChannelId,
                c.Channel!.Kind,
                c.Status,
                c.IsPrivate,
                c.AssigneeId,
                c.ContactId,
                c.Contact!.DisplayName,
                c.Messages.OrderByDescending(m => m.PlatformTime ?? m.ReceivedAt).ThenByDescending(m => m.Id).Select(m => m.Text).FirstOrDefault(),
                c.Messages.Count,
                c.Triage == null ? null : c.Triage.View(),
                c.StartedAt,
                c.LastActivityAt,
                c.FirstResponseAt,
                c.ResolvedAt,
                c.ReopenCount,
                c.Priority,
                PriorityScore.At(c.RankAt, now),
                c.TeamId,
                SlaView.Of(c, workspaceRules, now)))
            .ToListAsync(cancellationToken);
        return new ConversationPage(items, skip / take + 1, take, total);
    }

    /// <summary>
    /// The conversation with its messages and notes; null when there is none the caller may see. Its parts are read
    /// in one snapshot, so a reply never shows sent before the conversation's first response.
    /// </summary>
    public static async Task<ConversationDetail?> DetailAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, WorkspaceRulesCache rules, DateTime now, CancellationToken cancellationToken)
    {
        await using var snapshot = await DatabaseProvider.BeginSnapshotAsync(db, cancellationToken);
        var conversation = await db.Visible(caller).AsNoTracking().AsSplitQuery()
            .Include(c => c.Channel)
            .Include(c => c.Contact!).ThenInclude(c => c.Identities)
            .Include(c => c.Messages).ThenInclude(m => m.AuthorIdentity)
            .Include(c => c.Notes)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return conversation is null ? null : ConversationDetail.Of(conversation, rules.For(conversation.WorkspaceId), now);
    }

    private static IQueryable<Conversation> Matching(this IQueryable<Conversation> query, AppDbContext db, ConversationFilter filter)
    {
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.ChannelId == channel);
        }

        if (filter.Unassigned)
        {
            query = query.Where(c => c.AssigneeId == null);
        }
        else if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(c => c.AssigneeId == assignee);
        }

        if (filter.Team is { } team)
        {
            query = query.Where(c => c.TeamId == team);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(c => c.Priority == priority);
        }

        if (filter.SlaState is { } slaState)
        {
            query = query.Where(c => c.FirstResponseState == slaState || c.NextResponseState == slaState || c.ResolutionState == slaState);
        }

        if (filter.Contact is { } contact)
        {
            query = query.Where(c => c.ContactId == contact);
        }

        if (filter.Actionable is { } actionable)
        {
            query = query.Where(c => c.Triage!.Actionable == actionable);
        }

        if (filter.Sentiment?.ToLowerInvariant() is { } sentiment)
        {
            query = query.Where(c => c.Triage!.Sentiment == sentiment);
        }

        if (filter.Intent?.ToLowerInvariant() is { } intent)
        {
            query = query.Where(c => c.Triage!.Intent == intent);
        }

        if (filter.Language?.ToLowerInvariant() is { } language)
        {
            query = query.Where(c => c.Triage!.Language == language);
        }

        if (filter.Topic is { } topic)
        {
            var pattern = TriageLabels.TopicPattern(topic.ToLowerInvariant());
            query = query.Where(c => c.Triage!.Topics.Contains(pattern));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            query = query.WithMessageContaining(db, filter.Text.Trim());
        }

        return query;
    }
}
