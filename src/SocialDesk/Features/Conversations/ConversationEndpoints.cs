using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Triage;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Conversations;

/// <summary>Reading and working conversations: list, open, assign, resolve, reopen, note.</summary>
public static class ConversationEndpoints
{
    public const int MaxNoteLength = 10_000;

    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.ConversationsRead);
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.ConversationsRead);
        api.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(Permissions.ConversationsAssign);
        api.MapPost("/{id:guid}/resolve", ResolveAsync).RequireAuthorization(Permissions.ConversationsWork);
        api.MapPost("/{id:guid}/reopen", ReopenAsync).RequireAuthorization(Permissions.ConversationsWork);
        api.MapPost("/{id:guid}/notes", AddNoteAsync).RequireAuthorization(Permissions.ConversationsWork);
        return app;
    }

    /// <summary>The agent to assign (null: nobody) and, to hand the conversation over, the team whose queue takes it (absent: unchanged).</summary>
    public sealed record AssignRequest(Guid? AssigneeId, Guid? TeamId = null);

    public sealed record NoteRequest(string? Text);

    public static IResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no conversation {id} in this workspace.", statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");

    /// <summary>The triage filters of the conversation list.</summary>
    public sealed record TriageFilter(bool? Actionable, string? Sentiment, string? Intent, string? Topic, string? Language);

    /// <summary>The work filters and order of the conversation list.</summary>
    public sealed record WorkFilter(string? Priority, string? Sla, Guid? Team, string? Sort);

    /// <summary>
    /// Filters: <c>status</c> (open, pending, resolved), <c>channel</c> (id), <c>assignee</c> (a user id, <c>me</c> or <c>none</c>),
    /// <c>team</c> (id), <c>priority</c>, <c>sla</c> (a target state some target is in: active, warning, met, breached),
    /// and by triage: <c>actionable</c>, <c>sentiment</c>, <c>intent</c>, <c>topic</c>, <c>language</c>.
    /// Order: <c>sort=recent</c> (last activity first, the default) or <c>sort=priority</c> (most pressing first).
    /// </summary>
    private static async Task<IResult> ListAsync(
        ClaimsPrincipal caller,
        AppDbContext db,
        WorkspaceRulesCache rules,
        TimeProvider time,
        string? status,
        Guid? channel,
        string? assignee,
        [AsParameters] TriageFilter triage,
        [AsParameters] WorkFilter work,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Visible(caller).AsNoTracking();
        if (!QueryFilter.TryParse<ConversationStatus>(status, out var wanted))
        {
            return TypedResults.Problem($"status must be one of: {QueryFilter.Names<ConversationStatus>()}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
        }

        if (wanted is not null)
        {
            query = query.Where(c => c.Status == wanted);
        }

        if (channel is not null)
        {
            query = query.Where(c => c.ChannelId == channel);
        }

        switch (assignee)
        {
            case null:
                break;
            case "none":
                query = query.Where(c => c.AssigneeId == null);
                break;
            case "me":
                var me = caller.UserId();
                query = query.Where(c => c.AssigneeId == me);
                break;
            default:
                if (!Guid.TryParse(assignee, out var assigneeId))
                {
                    return TypedResults.Problem("assignee must be a user id, 'me' or 'none'.", statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
                }

                query = query.Where(c => c.AssigneeId == assigneeId);
                break;
        }

        if (triage.Actionable is { } actionable)
        {
            query = query.Where(c => c.Triage!.Actionable == actionable);
        }

        if (triage.Sentiment?.ToLowerInvariant() is { } sentiment)
        {
            query = query.Where(c => c.Triage!.Sentiment == sentiment);
        }

        if (triage.Intent?.ToLowerInvariant() is { } intent)
        {
            query = query.Where(c => c.Triage!.Intent == intent);
        }

        if (triage.Language?.ToLowerInvariant() is { } language)
        {
            query = query.Where(c => c.Triage!.Language == language);
        }

        if (triage.Topic is { } topic)
        {
            var pattern = TriageLabels.TopicPattern(topic.ToLowerInvariant());
            query = query.Where(c => c.Triage!.Topics.Contains(pattern));
        }

        if (!QueryFilter.TryParse<ConversationPriority>(work.Priority, out var priority) || !QueryFilter.TryParse<SlaTargetState>(work.Sla, out var slaState)
            || work.Sort is not (null or "recent" or "priority"))
        {
            return TypedResults.Problem(
                $"priority must be one of: {QueryFilter.Names<ConversationPriority>()}; sla one of: {QueryFilter.Names<SlaTargetState>()}; sort recent or priority.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
        }

        if (priority is not null)
        {
            query = query.Where(c => c.Priority == priority);
        }

        if (slaState is not null)
        {
            query = query.Where(c => c.FirstResponseState == slaState || c.NextResponseState == slaState || c.ResolutionState == slaState);
        }

        if (work.Team is not null)
        {
            query = query.Where(c => c.TeamId == work.Team);
        }

        var (skip, take) = Paging.Of(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var workspaceRules = rules.For(caller.WorkspaceId());
        var ordered = work.Sort == "priority"
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
        return TypedResults.Ok(new ConversationPage(items, skip / take + 1, take, total));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, WorkspaceRulesCache rules, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.Visible(caller).AsNoTracking().AsSplitQuery()
            .Include(c => c.Channel)
            .Include(c => c.Contact!).ThenInclude(c => c.Identities)
            .Include(c => c.Messages).ThenInclude(m => m.AuthorIdentity)
            .Include(c => c.Notes)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return conversation is null ? NotFound(id) : TypedResults.Ok(ConversationDetail.Of(conversation, rules.For(conversation.WorkspaceId), time.GetUtcNow().UtcDateTime));
    }

    private static async Task<IResult> AssignAsync(Guid id, AssignRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var conversation = await db.Visible(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return NotFound(id);
        }

        if (request.AssigneeId is { } assigneeId && !await db.Memberships.AnyAsync(m => m.UserId == assigneeId && m.WorkspaceId == workspaceId, cancellationToken))
        {
            return TypedResults.Problem($"There is no user {assigneeId} in this workspace.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown assignee");
        }

        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && t.WorkspaceId == workspaceId, cancellationToken))
        {
            return TypedResults.Problem($"There is no team {teamId} in this workspace.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown team");
        }

        conversation.AssigneeId = request.AssigneeId;
        conversation.TeamId = request.TeamId ?? conversation.TeamId;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ResolveAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        await ChangeStatusAsync(id, caller, db, conversation =>
        {
            if (conversation.Status == ConversationStatus.Resolved)
            {
                return false;
            }

            lifecycle.Resolve(conversation, time.GetUtcNow().UtcDateTime, caller.UserId());
            return true;
        }, cancellationToken);

    private static async Task<IResult> ReopenAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        await ChangeStatusAsync(id, caller, db, conversation =>
        {
            if (conversation.Status != ConversationStatus.Resolved)
            {
                return false;
            }

            lifecycle.Reopen(conversation, time.GetUtcNow().UtcDateTime, caller.UserId());
            return true;
        }, cancellationToken);

    /// <summary>Applies a status change; asking for the status the conversation already has changes nothing and is not an error.</summary>
    private static async Task<IResult> ChangeStatusAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, Func<Conversation, bool> change, CancellationToken cancellationToken)
    {
        var conversation = await db.Visible(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return NotFound(id);
        }

        if (change(conversation))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new { conversation.Id, conversation.Status, conversation.ResolvedAt, conversation.ReopenCount });
    }

    private static async Task<IResult> AddNoteAsync(Guid id, NoteRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        if (!await db.Visible(caller).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxNoteLength || request.Text.Contains('\0', StringComparison.Ordinal))
        {
            return TypedResults.Problem($"A note needs text, at most {MaxNoteLength} characters, without NUL (U+0000).", statusCode: StatusCodes.Status400BadRequest, title: "Bad note");
        }

        var note = new Note
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ConversationId = id,
            AuthorUserId = caller.UserId(),
            Text = request.Text,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/conversations/{id}", new NoteView(note.Id, note.AuthorUserId, note.Text, note.CreatedAt));
    }
}
