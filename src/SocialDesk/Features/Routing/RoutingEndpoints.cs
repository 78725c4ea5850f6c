using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Routing;

/// <summary>
/// Routing and the day's work: a team's routing (rules, calendar, auto-assignment, capacity, away return) and its
/// members' skills; one's availability; a conversation's priority and waiting for the customer; contacts' tags.
/// </summary>
public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/v1/teams").WithTags("Routing").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.RoutingManage);
        teams.MapGet("/{id:guid}/routing", GetRoutingAsync);
        teams.MapPut("/{id:guid}/routing", SetRoutingAsync);
        teams.MapPut("/{id:guid}/members/{userId:guid}/skills", SetSkillsAsync);

        var work = app.MapGroup("/api/v1").WithTags("Routing").RequireRateLimiting(RateLimits.Api);
        work.MapPost("/me/availability", SetAvailabilityAsync).RequireAuthorization(Permissions.Profile);
        work.MapPost("/conversations/{id:guid}/pending", PendAsync).RequireAuthorization(Permissions.ConversationsWork);
        work.MapPost("/conversations/{id:guid}/priority", SetPriorityAsync).RequireAuthorization(Permissions.ConversationsWork);
        work.MapPut("/contacts/{id:guid}/tags", SetTagsAsync).RequireAuthorization(Permissions.ConversationsWork);
        return app;
    }

    public sealed record RoutingRequest(
        Guid? CalendarId, int RoutingPosition, IReadOnlyList<string>? RouteChannels, IReadOnlyList<string>? RouteLanguages, IReadOnlyList<string>? RouteTopics,
        AutoAssignment AutoAssignment, int? AgentCapacity, int? AwayReturnMinutes);

    public sealed record MemberRoutingView(Guid UserId, IReadOnlyList<string> Languages, IReadOnlyList<string> Channels, int? Capacity, Availability Availability, DateTime? LastAssignedAt);

    public sealed record RoutingView(
        Guid TeamId, Guid? CalendarId, int RoutingPosition, IReadOnlyList<string> RouteChannels, IReadOnlyList<string> RouteLanguages, IReadOnlyList<string> RouteTopics,
        AutoAssignment AutoAssignment, int AgentCapacity, int? AwayReturnMinutes, IReadOnlyList<MemberRoutingView> Members);

    public sealed record SkillsRequest(IReadOnlyList<string>? Languages, IReadOnlyList<string>? Channels, int? Capacity);

    public sealed record AvailabilityRequest(Availability Availability);

    public sealed record PriorityRequest(ConversationPriority Priority);

    public sealed record TagsRequest(IReadOnlyList<string>? Tags);

    private static async Task<IResult> GetRoutingAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.TeamRoutingAsync(caller, id, cancellationToken) is { } routing ? TypedResults.Ok(routing) : TeamEndpoints.UnknownTeam(id);

    private static async Task<IResult> SetRoutingAsync(Guid id, RoutingRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var (routing, problem) = await db.SaveRoutingAsync(caller, id, request, cancellationToken);
        return problem ?? (IResult)TypedResults.Ok(routing);
    }

    private static async Task<IResult> SetSkillsAsync(Guid id, Guid userId, SkillsRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var (routing, problem) = await db.SaveSkillsAsync(caller, id, userId, request, cancellationToken);
        return problem ?? (IResult)TypedResults.Ok(routing);
    }

    /// <summary>The team's routing and its members' skills; null when the workspace has no such team.</summary>
    public static async Task<RoutingView?> TeamRoutingAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await TeamAsync(id, caller, db, cancellationToken) is { } team ? await ViewAsync(team, db, cancellationToken) : null;

    /// <summary>Sets the team's routing; the routing, or why not.</summary>
    public static async Task<(RoutingView? Routing, ProblemHttpResult? Problem)> SaveRoutingAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid id, RoutingRequest request, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(id, caller, db, cancellationToken);
        if (team is null)
        {
            return (null, TeamEndpoints.UnknownTeam(id));
        }

        var errors = new List<string>();
        var channels = WorkLabels.Read("routeChannels", request.RouteChannels, errors);
        var languages = WorkLabels.Read("routeLanguages", request.RouteLanguages, errors);
        var topics = WorkLabels.Read("routeTopics", request.RouteTopics, errors);
        if (request.CalendarId is { } calendarId && !await db.SlaCalendars.AnyAsync(c => c.Id == calendarId && c.WorkspaceId == team.WorkspaceId, cancellationToken))
        {
            errors.Add($"calendarId: there is no calendar {calendarId} in this workspace.");
        }

        if (request.AgentCapacity is < 1 or > 1000)
        {
            errors.Add("agentCapacity is between 1 and 1000.");
        }

        if (request.AwayReturnMinutes is < 0 or > SlaEndpoints.MaxTargetMinutes)
        {
            errors.Add($"awayReturnMinutes is between 0 and {SlaEndpoints.MaxTargetMinutes}.");
        }

        if (!Enum.IsDefined(request.AutoAssignment))
        {
            errors.Add("autoAssignment is off, roundRobin or loadBalanced.");
        }

        if (errors.Count > 0)
        {
            return (null, AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad routing", string.Join(" ", errors)));
        }

        team.CalendarId = request.CalendarId;
        team.RoutingPosition = request.RoutingPosition;
        (team.RouteChannels, team.RouteLanguages, team.RouteTopics) = (channels, languages, topics);
        team.AutoAssignment = request.AutoAssignment;
        team.AgentCapacity = request.AgentCapacity ?? team.AgentCapacity;
        team.AwayReturnMinutes = request.AwayReturnMinutes;
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(team, db, cancellationToken), null);
    }

    /// <summary>Sets a team member's skills and capacity; the team's routing, or why not.</summary>
    public static async Task<(RoutingView? Routing, ProblemHttpResult? Problem)> SaveSkillsAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid id, Guid userId, SkillsRequest request, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(id, caller, db, cancellationToken);
        if (team is null)
        {
            return (null, TeamEndpoints.UnknownTeam(id));
        }

        if (team.Members.FirstOrDefault(m => m.UserId == userId) is not { } member)
        {
            return (null, AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Not a member", $"User {userId} is not a member of team {id}: add them first."));
        }

        var errors = new List<string>();
        var languages = WorkLabels.Read("languages", request.Languages, errors);
        var channels = WorkLabels.Read("channels", request.Channels, errors);
        if (request.Capacity is < 0 or > 1000)
        {
            errors.Add("capacity is between 0 and 1000.");
        }

        if (errors.Count > 0)
        {
            return (null, AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad skills", string.Join(" ", errors)));
        }

        (member.Languages, member.Channels, member.Capacity) = (languages, channels, request.Capacity);
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(team, db, cancellationToken), null);
    }

    private static async Task<IResult> SetAvailabilityAsync(AvailabilityRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Availability))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad availability", "availability is available or away.");
        }

        var membership = await db.SetAvailabilityAsync(caller, request.Availability, time, cancellationToken);
        return TypedResults.Ok(new { membership.Availability, membership.AvailabilityChangedAt });
    }

    private static async Task<IResult> PendAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        await db.PendAsync(caller, id, lifecycle, time, cancellationToken) is { } conversation
            ? TypedResults.Ok(new { conversation.Id, conversation.Status, conversation.SlaPausedAt })
            : ConversationEndpoints.NotFound(id);

    private static async Task<IResult> SetPriorityAsync(Guid id, PriorityRequest request, ClaimsPrincipal caller, AppDbContext db, SlaClock sla, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Priority))
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad priority", "priority is low, normal, high or urgent.");
        }

        return await db.SetPriorityAsync(caller, id, request.Priority, sla, cancellationToken) is { } conversation
            ? TypedResults.Ok(new { conversation.Id, conversation.Priority })
            : ConversationEndpoints.NotFound(id);
    }

    private static async Task<IResult> SetTagsAsync(Guid id, TagsRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (contact is null)
        {
            return AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown contact", $"There is no contact {id} in this workspace.");
        }

        var errors = new List<string>();
        var tags = WorkLabels.Read("tags", request.Tags, errors);
        if (errors.Count > 0)
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad tags", string.Join(" ", errors));
        }

        contact.Tags = tags;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { contact.Id, contact.Tags });
    }

    private static Task<Team?> TeamAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        return db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, cancellationToken);
    }

    private static async Task<RoutingView> ViewAsync(Team team, AppDbContext db, CancellationToken cancellationToken)
    {
        var memberIds = team.Members.Select(m => m.UserId).ToList();
        var availability = await db.Memberships
            .Where(m => m.WorkspaceId == team.WorkspaceId && memberIds.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.Availability, cancellationToken);
        return new RoutingView(
            team.Id, team.CalendarId, team.RoutingPosition, team.RouteChannels, team.RouteLanguages, team.RouteTopics, team.AutoAssignment, team.AgentCapacity, team.AwayReturnMinutes,
            [.. team.Members.OrderBy(m => m.UserId).Select(m => new MemberRoutingView(m.UserId, m.Languages, m.Channels, m.Capacity, availability.GetValueOrDefault(m.UserId), m.LastAssignedAt))]);
    }
}
