using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// The team's reports, read from the reporting events: each table for a period beside the previous period and the
/// same period a year before, as JSON or as CSV (<c>Accept: text/csv</c> or <c>?format=csv</c>); durations in calendar
/// time or, with <c>?hours=business</c>, in the business hours of the team that held the conversation.
/// </summary>
public static class ReportEndpoints
{
    private const string Csv = "text/csv";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.ReportsRead);
        api.MapGet("/overview", OverviewAsync);
        api.MapGet("/agents", AgentsAsync);
        api.MapGet("/teams", TeamsAsync);
        api.MapGet("/sla", SlaAsync);
        api.MapGet("/volumes/{dimension}", VolumesAsync);
        return app;
    }

    /// <summary>Response rates, response and resolution times, reopen rate.</summary>
    private static Task<IResult> OverviewAsync(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, ClaimsPrincipal caller, IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken) =>
        AnswerAsync(from, to, tz, hours, format, request, time, periods => Reports.OverviewAsync(scopes, caller.WorkspaceId(), periods, cancellationToken));

    /// <summary>Each agent's replies, response times and resolutions; the brand's replies made outside SocialDesk in a row of their own.</summary>
    private static Task<IResult> AgentsAsync(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, ClaimsPrincipal caller, IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken) =>
        AnswerAsync(from, to, tz, hours, format, request, time, periods => Reports.AgentsAsync(scopes, caller.WorkspaceId(), periods, cancellationToken));

    /// <summary>Each team's figures, by the overview's definitions; what no team held in a row of its own.</summary>
    private static Task<IResult> TeamsAsync(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, ClaimsPrincipal caller, IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken) =>
        AnswerAsync(from, to, tz, hours, format, request, time, periods => Reports.TeamsAsync(scopes, caller.WorkspaceId(), periods, cancellationToken));

    /// <summary>Each SLA policy's hit rate per target: met / (met + breached).</summary>
    private static Task<IResult> SlaAsync(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, ClaimsPrincipal caller, IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken) =>
        AnswerAsync(from, to, tz, hours, format, request, time, periods => Reports.SlaAsync(scopes, caller.WorkspaceId(), periods, cancellationToken));

    /// <summary>Customer messages received by channel, topic, sentiment, language or hour of day.</summary>
    private static async Task<IResult> VolumesAsync(
        string dimension, string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, ClaimsPrincipal caller, IServiceScopeFactory scopes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!QueryFilter.TryParse<VolumeDimension>(dimension, out var by) || by is not { } volumeBy)
        {
            return TypedResults.Problem($"Volumes are counted by one of: {QueryFilter.Names<VolumeDimension>()}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown volume report");
        }

        return await AnswerAsync(from, to, tz, hours, format, request, time, periods => Reports.VolumesAsync(scopes, caller.WorkspaceId(), volumeBy, periods, cancellationToken));
    }

    /// <summary>Reads the period and the format asked, then answers the table as JSON or CSV.</summary>
    private static async Task<IResult> AnswerAsync<TRow>(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, TimeProvider time, Func<ReportPeriods, Task<ReportTable<TRow>>> table)
    {
        if (!TryRead(from, to, tz, hours, format, request, time, out var asked, out var problem))
        {
            return problem;
        }

        return Answer(await table(asked.Periods), asked.Csv);
    }

    private static bool TryRead(
        string? from, string? to, string? tz, string? hours, string? format, HttpRequest request, TimeProvider time,
        [NotNullWhen(true)] out ReportRequest? asked, [NotNullWhen(false)] out IResult? problem)
    {
        asked = null;
        var periods = ReportPeriods.Read(from, to, tz, hours, time.GetUtcNow(), out var error);
        if (periods is null)
        {
            problem = TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad report period");
            return false;
        }

        if (format is not (null or "json" or "csv"))
        {
            problem = TypedResults.Problem($"format must be json or csv; '{format}' is neither.", statusCode: StatusCodes.Status400BadRequest, title: "Bad report format");
            return false;
        }

        problem = null;
        asked = new ReportRequest(periods, format == "csv" || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase))));
        return true;
    }

    private static IResult Answer<TRow>(ReportTable<TRow> table, bool csv) =>
        csv
            ? TypedResults.File(ReportCsv.Write(table.Rows), $"{Csv}; charset=utf-8",
                $"{table.Report}_{table.Periods.Current.From:yyyy-MM-dd}_{table.Periods.Current.To:yyyy-MM-dd}.csv")
            : TypedResults.Ok(table);

    private sealed record ReportRequest(ReportPeriods Periods, bool Csv);
}
