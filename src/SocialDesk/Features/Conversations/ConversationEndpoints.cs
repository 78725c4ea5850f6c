using System.Security.Claims;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Conversations;

/// <summary>Reading and working conversations: list, open, assign, resolve, reopen, note.</summary>
public static class ConversationEndpoints
{
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

    public sealed record NoteRequest(string? Text);

    public static IResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no conversation {id} in this workspace.", statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");

    /// <summary>The triage filters of the conversation list.</summary>
    public sealed record TriageFilter(bool? Actionable, string? Sentiment, string? Intent, string? Topic, string? Language);

    /// <summary>The work filters and order of the conversation list.</summary>
    public sealed record WorkFilter(string? Priority, string? Sla, string? Sort);

    /// <summary>
    /// Filters: <c>status</c> (open, pending, resolved), <c>channel</c> (id), <c>assignee</c> (a user id, <c>me</c> or <c>none</c>),
    /// <c>team</c> (id), <c>priority</c>, <c>sla</c> (a state some target is in: active, warning, met, breached), by triage:
    /// <c>actionable</c>, <c>sentiment</c>, <c>intent</c>, <c>topic</c>, <c>language</c>; and <c>q</c>, a text the messages contain.
    /// Order: <c>sort=recent</c> (last activity first, the default) or <c>sort=priority</c> (most pressing first).
    /// </summary>
    private static async Task<IResult> ListAsync(
        ClaimsPrincipal caller,
        AppDbContext db,
        WorkspaceRulesCache rules,
        TimeProvider time,
        [AsParameters] WorkFilter work,
        string? status,
        Guid? channel,
        string? assignee,
        Guid? team,
        string? q,
        [AsParameters] TriageFilter triage,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!QueryFilter.TryParse<ConversationStatus>(status, out var wanted))
        {
            return TypedResults.Problem($"status must be one of: {QueryFilter.Names<ConversationStatus>()}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
        }

        Guid? assigneeId = null;
        switch (assignee)
        {
            case null or "none":
                break;
            case "me":
                assigneeId = caller.UserId();
                break;
            default:
                if (!Guid.TryParse(assignee, out var id))
                {
                    return TypedResults.Problem("assignee must be a user id, 'me' or 'none'.", statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
                }

                assigneeId = id;
                break;
        }

        if (!QueryFilter.TryParse<ConversationPriority>(work.Priority, out var priority) || !QueryFilter.TryParse<SlaTargetState>(work.Sla, out var slaState)
            || work.Sort is not (null or "recent" or "priority"))
        {
            return TypedResults.Problem(
                $"priority must be one of: {QueryFilter.Names<ConversationPriority>()}; sla one of: {QueryFilter.Names<SlaTargetState>()}; sort recent or priority.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
        }

        var filter = new ConversationFilter(wanted, channel, assigneeId, assignee == "none", team, null, triage.Actionable, triage.Sentiment, triage.Intent, triage.Topic, triage.Language, q,
            priority, slaState, work.Sort == "priority");
        var (skip, take) = Paging.Of(page, pageSize);
        return TypedResults.Ok(await db.ListAsync(caller, filter, skip, take, rules, time.GetUtcNow().UtcDateTime, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, WorkspaceRulesCache rules, TimeProvider time, CancellationToken cancellationToken) =>
        await db.DetailAsync(caller, id, rules, time.GetUtcNow().UtcDateTime, cancellationToken) is { } conversation ? TypedResults.Ok(conversation) : NotFound(id);

    private static async Task<IResult> AssignAsync(Guid id, Assignment request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.AssignAsync(caller, id, request, time, cancellationToken) switch
        {
            null => TypedResults.NoContent(),
            WorkRefusal.UnknownAssignee => TypedResults.Problem($"There is no user {request.AssigneeId} in this workspace.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown assignee"),
            WorkRefusal.UnknownTeam => TypedResults.Problem($"There is no team {request.TeamId} in this workspace.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown team"),
            WorkRefusal.BadNote => BadNote(),
            _ => NotFound(id),
        };

    private static async Task<IResult> ResolveAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        StatusResult(id, await db.ResolveAsync(caller, id, lifecycle, time, cancellationToken));

    private static async Task<IResult> ReopenAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        StatusResult(id, await db.ReopenAsync(caller, id, lifecycle, time, cancellationToken));

    private static IResult StatusResult(Guid id, Conversation? conversation) =>
        conversation is null ? NotFound(id) : TypedResults.Ok(new { conversation.Id, conversation.Status, conversation.ResolvedAt, conversation.ReopenCount });

    private static async Task<IResult> AddNoteAsync(Guid id, NoteRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.AddNoteAsync(caller, id, request.Text, time, cancellationToken) switch
        {
            (null, { } note) => TypedResults.Created($"/api/v1/conversations/{id}", NoteView.Of(note)),
            (WorkRefusal.BadNote, _) => BadNote(),
            _ => NotFound(id),
        };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadNote() =>
        TypedResults.Problem($"A note needs text, at most {ConversationCommands.MaxNoteLength} characters, without NUL (U+0000).", statusCode: StatusCodes.Status400BadRequest, title: "Bad note");
}
