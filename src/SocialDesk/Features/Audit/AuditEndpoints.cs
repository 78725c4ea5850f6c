using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Audit;

/// <summary>
/// The workspace's audit log, newest first: a page of JSON, or every matching entry as a CSV (<c>Accept: text/csv</c>
/// or <c>?format=csv</c>) or JSON (<c>?format=json</c>) download.
/// </summary>
public static class AuditEndpoints
{
    /// <summary>The most entries one download holds; a larger one asks for a narrower period.</summary>
    public const int MaxExport = 100_000;

    private const string Csv = "text/csv";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", ListAsync).WithTags("Audit").RequireAuthorization(Permissions.AuditRead).RequireRateLimiting(RateLimits.Api);
        return app;
    }

    /// <summary>
    /// The filters: <c>from</c> (included) and <c>to</c> (excluded) as ISO 8601 times, a date alone meaning its whole day
    /// in UTC; <c>actor</c> (a user id), <c>entityType</c>, <c>entityId</c> and <c>action</c> as written in the entries.
    /// </summary>
    public sealed record AuditFilter(string? From, string? To, Guid? Actor, string? EntityType, string? EntityId, string? Action);

    /// <summary>An entry as the API shows it: its before and after as JSON objects.</summary>
    public sealed record AuditEntryView(
        long Id,
        DateTime At,
        Guid? ActorUserId,
        Guid? ActorTokenId,
        string? ActorAddress,
        string Action,
        string EntityType,
        string EntityId,
        JsonElement? Before,
        JsonElement? After)
    {
        public static AuditEntryView Of(AuditEntry e) =>
            new(e.Id, e.At, e.ActorUserId, e.ActorTokenId, e.ActorAddress, e.Action, e.EntityType, e.EntityId, Parse(e.Before), Parse(e.After));

        private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
    }

    /// <summary>One page of the log, newest first, and how many entries match in all.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Page, int PageSize, int Total);

    /// <summary>The entries of one workspace about some entities, oldest first: what a contact's export shows.</summary>
    public static async Task<List<AuditEntryView>> AboutAsync(AppDbContext db, Guid workspaceId, IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken) =>
        [.. (await db.AuditLog.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId && entityIds.Contains(a.EntityId))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken)).Select(AuditEntryView.Of)];

    /// <summary>The entries about one conversation (itself, its messages, its notes), newest first: the conversation page's audit trail.</summary>
    public static async Task<List<AuditEntryView>> AboutConversationAsync(AppDbContext db, Guid workspaceId, ConversationDetail conversation, CancellationToken cancellationToken)
    {
        List<string> about = [conversation.Id.ToString(), .. conversation.Messages.Select(m => m.Id.ToString()), .. conversation.Notes.Select(n => n.Id.ToString())];
        var entries = await AboutAsync(db, workspaceId, about, cancellationToken);
        entries.Reverse();
        return entries;
    }

    private static async Task<IResult> ListAsync(
        [AsParameters] AuditFilter filter,
        string? format,
        int? page,
        int? pageSize,
        HttpRequest request,
        ClaimsPrincipal caller,
        AppDbContext db,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "csv"))
        {
            return Problem($"format must be json or csv; '{format}' is neither.");
        }

        var (newestFirst, error) = db.Matching(caller, filter);
        if (newestFirst is null)
        {
            return Problem(error!);
        }

        var csv = format == "csv" || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase)));
        if (csv || format == "json")
        {
            var total = await newestFirst.CountAsync(cancellationToken);
            if (total > MaxExport)
            {
                return Problem($"{total} entries match, more than the {MaxExport} a download holds: narrow the period with from and to.");
            }

            var entries = (await newestFirst.ToListAsync(cancellationToken)).Select(AuditEntryView.Of).ToList();
            return csv
                ? TypedResults.File(ReportCsv.Write(entries), $"{Csv}; charset=utf-8", "audit.csv")
                : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(entries, json.Value.SerializerOptions), "application/json", "audit.json");
        }

        return TypedResults.Ok(await newestFirst.PageAsync(page, pageSize, cancellationToken));
    }

    /// <summary>The workspace's entries that pass the filter, newest first; or, when a time cannot be read, why.</summary>
    public static (IOrderedQueryable<AuditEntry>? NewestFirst, string? Error) Matching(this AppDbContext db, ClaimsPrincipal caller, AuditFilter filter)
    {
        if (!TryReadTime(filter.From, wholeDay: false, out var from) || !TryReadTime(filter.To, wholeDay: true, out var to))
        {
            return (null, "from and to must be ISO 8601 times, such as 2024-03-01 or 2024-03-01T14:30:00Z.");
        }

        var workspaceId = caller.WorkspaceId();
        var query = db.AuditLog.AsNoTracking().Where(a => a.WorkspaceId == workspaceId);
        query = from is null ? query : query.Where(a => a.At >= from);
        query = to is null ? query : query.Where(a => a.At < to);
        query = filter.Actor is null ? query : query.Where(a => a.ActorUserId == filter.Actor);
        query = filter.EntityType is null ? query : query.Where(a => a.EntityType == filter.EntityType);
        query = filter.EntityId is null ? query : query.Where(a => a.EntityId == filter.EntityId);
        query = filter.Action is null ? query : query.Where(a => a.Action == filter.Action);
        return (query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id), null);
    }

    /// <summary>One page of the matching entries, and how many match in all.</summary>
    public static async Task<AuditPage> PageAsync(this IOrderedQueryable<AuditEntry> newestFirst, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var total = await newestFirst.CountAsync(cancellationToken);
        var (skip, take) = Paging.Of(page, pageSize);
        var items = await newestFirst.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new AuditPage([.. items.Select(AuditEntryView.Of)], skip / take + 1, take, total);
    }

    private static bool TryReadTime(string? text, bool wholeDay, out DateTime? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = (wholeDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            time = instant.UtcDateTime;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad audit query");
}
