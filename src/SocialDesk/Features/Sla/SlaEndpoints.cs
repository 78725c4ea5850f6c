using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Sla;

/// <summary>
/// The workspace's SLA policies and business calendars. A change applies to conversations whose clocks start after it;
/// running clocks keep the due times they were given.
/// </summary>
public static class SlaEndpoints
{
    public const int MaxTargetMinutes = 366 * 24 * 60;

    public static IEndpointRouteBuilder MapSlaEndpoints(this IEndpointRouteBuilder app)
    {
        var sla = app.MapGroup("/api/v1/sla").WithTags("SLA").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.RoutingManage);
        sla.MapGet("/policies", ListPoliciesAsync);
        sla.MapPost("/policies", CreatePolicyAsync);
        sla.MapPut("/policies/{policyId:guid}", UpdatePolicyAsync);
        sla.MapDelete("/policies/{policyId:guid}", DeletePolicyAsync);
        sla.MapGet("/calendars", ListCalendarsAsync);
        sla.MapPost("/calendars", CreateCalendarAsync);
        sla.MapPut("/calendars/{calendarId:guid}", UpdateCalendarAsync);
        sla.MapDelete("/calendars/{calendarId:guid}", DeleteCalendarAsync);
        return app;
    }

    /// <summary>Conditions of a policy: each list given must hold (any of its values); an empty or absent list holds always.</summary>
    public sealed record PolicyConditions(IReadOnlyList<string>? Channels, IReadOnlyList<string>? Priorities, IReadOnlyList<string>? Topics, IReadOnlyList<string>? Languages, IReadOnlyList<string>? ContactTags);

    public sealed record PolicyEscalation(bool RaisePriority, Guid? ToTeamId, bool NotifySupervisors);

    public sealed record PolicyRequest(
        string? Name, int Position, bool IsDefault, PolicyConditions? Conditions,
        int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes, int? WarningMinutes, PolicyEscalation? Escalation);

    public sealed record PolicyView(
        Guid Id, string Name, int Position, bool IsDefault, PolicyConditions Conditions,
        int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes, int WarningMinutes, PolicyEscalation Escalation, DateTime CreatedAt)
    {
        public static PolicyView Of(SlaPolicy p) => new(
            p.Id, p.Name, p.Position, p.IsDefault, new PolicyConditions(p.Channels, p.Priorities, p.Topics, p.Languages, p.ContactTags),
            p.FirstResponseMinutes, p.NextResponseMinutes, p.ResolutionMinutes, p.WarningMinutes,
            new PolicyEscalation(p.EscalateRaisePriority, p.EscalateToTeamId, p.EscalateNotifySupervisors), p.CreatedAt);
    }

    public sealed record CalendarRequest(string? Name, BusinessCalendarDefinition? Definition);

    public sealed record CalendarView(Guid Id, string Name, BusinessCalendarDefinition Definition, DateTime CreatedAt)
    {
        public static CalendarView Of(SlaCalendar c) => new(c.Id, c.Name, c.Definition, c.CreatedAt);
    }

    private static async Task<IResult> ListPoliciesAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.PoliciesAsync(caller, cancellationToken));

    private static async Task<IResult> CreatePolicyAsync(PolicyRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (policy, errors) = await db.SavePolicyAsync(caller, null, request, time, cancellationToken);
        return errors is null ? TypedResults.Created($"/api/v1/sla/policies/{policy!.Id}", PolicyView.Of(policy)) : BadPolicy(errors);
    }

    private static async Task<IResult> UpdatePolicyAsync(Guid policyId, PolicyRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.SavePolicyAsync(caller, policyId, request, time, cancellationToken) switch
        {
            (_, { } errors) => BadPolicy(errors),
            ({ } policy, _) => TypedResults.Ok(PolicyView.Of(policy)),
            _ => Unknown("policy", policyId),
        };

    private static async Task<IResult> DeletePolicyAsync(Guid policyId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.DeletePolicyAsync(caller, policyId, cancellationToken) ? TypedResults.NoContent() : Unknown("policy", policyId);

    private static IResult BadPolicy(string errors) => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad SLA policy", errors);

    private static async Task<IResult> ListCalendarsAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(calendars.Select(CalendarView.Of).ToList());
    }

    private static async Task<IResult> CreateCalendarAsync(CalendarRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var calendar = new SlaCalendar { Id = Guid.CreateVersion7(), WorkspaceId = caller.WorkspaceId(), Name = "", Definition = new(), CreatedAt = time.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(calendar, request, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        db.SlaCalendars.Add(calendar);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/sla/calendars/{calendar.Id}", CalendarView.Of(calendar));
    }

    private static async Task<IResult> UpdateCalendarAsync(Guid calendarId, CalendarRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendar = await db.SlaCalendars.FirstOrDefaultAsync(c => c.Id == calendarId && c.WorkspaceId == workspaceId, cancellationToken);
        if (calendar is null)
        {
            return Unknown("calendar", calendarId);
        }

        if (await ApplyAsync(calendar, request, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CalendarView.Of(calendar));
    }

    /// <summary>Deletes the calendar; teams working by it run 24/7 until given another.</summary>
    private static async Task<IResult> DeleteCalendarAsync(Guid calendarId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendar = await db.SlaCalendars.FirstOrDefaultAsync(c => c.Id == calendarId && c.WorkspaceId == workspaceId, cancellationToken);
        if (calendar is null)
        {
            return Unknown("calendar", calendarId);
        }

        await foreach (var team in db.Teams.Where(t => t.CalendarId == calendarId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            team.CalendarId = null;
        }

        db.SlaCalendars.Remove(calendar);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> ApplyAsync(SlaCalendar calendar, CalendarRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name is required, at most 200 characters.");
        }
        else if (await db.SlaCalendars.AnyAsync(c => c.WorkspaceId == calendar.WorkspaceId && c.Name == name && c.Id != calendar.Id, cancellationToken))
        {
            errors.Add($"name: a calendar is already called '{name}'.");
        }

        if (request.Definition is null)
        {
            errors.Add("definition is required: {\"alwaysOpen\":true} or {\"timeZone\":…,\"hours\":{…}}.");
        }
        else
        {
            errors.AddRange(request.Definition.Validate().Select(error => $"definition: {error}"));
        }

        if (errors.Count > 0)
        {
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad business calendar", string.Join(" ", errors));
        }

        calendar.Name = name!;
        calendar.Definition = request.Definition!;
        return null;
    }

    private static IResult Unknown(string what, Guid id) =>
        AuthEndpoints.Problem(StatusCodes.Status404NotFound, $"Unknown {what}", $"There is no {what} {id} in this workspace.");
}
