using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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

    private static ProblemHttpResult BadPolicy(string errors) => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad SLA policy", errors);

    private static async Task<IResult> ListCalendarsAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.CalendarsAsync(caller, cancellationToken));

    private static async Task<IResult> CreateCalendarAsync(CalendarRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (calendar, errors) = await db.SaveCalendarAsync(caller, null, request, time, cancellationToken);
        return errors is null ? TypedResults.Created($"/api/v1/sla/calendars/{calendar!.Id}", CalendarView.Of(calendar)) : BadCalendar(errors);
    }

    private static async Task<IResult> UpdateCalendarAsync(Guid calendarId, CalendarRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.SaveCalendarAsync(caller, calendarId, request, time, cancellationToken) switch
        {
            (_, { } errors) => BadCalendar(errors),
            ({ } calendar, _) => TypedResults.Ok(CalendarView.Of(calendar)),
            _ => Unknown("calendar", calendarId),
        };

    private static async Task<IResult> DeleteCalendarAsync(Guid calendarId, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.DeleteCalendarAsync(caller, calendarId, cancellationToken) ? TypedResults.NoContent() : Unknown("calendar", calendarId);

    private static ProblemHttpResult BadCalendar(string errors) => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad business calendar", errors);

    private static ProblemHttpResult Unknown(string what, Guid id) =>
        AuthEndpoints.Problem(StatusCodes.Status404NotFound, $"Unknown {what}", $"There is no {what} {id} in this workspace.");
}
