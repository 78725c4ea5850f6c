using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Ingestion;

/// <summary>The generic ingestion API and the raw events kept for inspection.</summary>
public static class IngestionEndpoints
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Ingestion").RequireRateLimiting(RateLimits.Api);
        api.MapPost("/messages", AcceptMessagesAsync).RequireAuthorization(Permissions.MessagesImport);
        api.MapGet("/raw-events", ListRawEventsAsync).RequireAuthorization(Permissions.RawEventsManage);
        api.MapPost("/raw-events/{id:long}/retry", RetryAsync).RequireAuthorization(Permissions.RawEventsManage);
        return app;
    }

    public sealed record MessagesRequest(List<JsonElement>? Messages);

    public sealed record RejectedMessage(int Index, IReadOnlyList<string> Errors);

    public sealed record MessagesAccepted(int Accepted, bool Duplicate, IReadOnlyList<RejectedMessage> Rejected);

    public sealed record RawEventView(long Id, Guid? ChannelId, string Format, RawEventStatus Status, string? Error, int Attempts, DateTime ReceivedAt, DateTime? ProcessedAt, string Body);

    public sealed record RawEventPage(IReadOnlyList<RawEventView> Items, int Total);

    /// <summary>Stores the valid messages of a batch and says what is wrong with each of the others.</summary>
    private static async Task<IResult> AcceptMessagesAsync(MessagesRequest request, ClaimsPrincipal caller, AppDbContext db, RawEventWriter writer, CancellationToken cancellationToken)
    {
        if (request.Messages is null || request.Messages.Count == 0 || request.Messages.Count > MaxBatch)
        {
            return TypedResults.Problem($"The body must be {{\"messages\": [...]}} with 1 to {MaxBatch} messages.", statusCode: StatusCodes.Status400BadRequest, title: "Bad batch");
        }

        var workspaceId = caller.WorkspaceId();
        var channelIds = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync(cancellationToken);
        var valid = new List<IncomingMessage>();
        var rejected = new List<RejectedMessage>();
        for (var i = 0; i < request.Messages.Count; i++)
        {
            try
            {
                var message = MessageBatch.Deserialize(request.Messages[i]);
                var errors = MessageBatch.Validate(message);
                if (!channelIds.Contains(message.ChannelId))
                {
                    errors.Add($"channelId {message.ChannelId} is not a channel of this workspace.");
                }

                if (errors.Count == 0)
                {
                    valid.Add(message);
                }
                else
                {
                    rejected.Add(new RejectedMessage(i, errors));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                rejected.Add(new RejectedMessage(i, [$"The message does not have the expected shape: {e.Message}"]));
            }
        }

        if (valid.Count == 0)
        {
            return TypedResults.Problem("No message of the batch is valid; see 'rejected'.", statusCode: StatusCodes.Status400BadRequest,
                title: "No valid message", extensions: new Dictionary<string, object?> { ["rejected"] = rejected });
        }

        var stored = await writer.WriteAsync(new IncomingDelivery(workspaceId, null, MessageBatch.Format, MessageBatch.Serialize(valid)), cancellationToken);
        return TypedResults.Accepted((string?)null, new MessagesAccepted(valid.Count, !stored, rejected));
    }

    private static async Task<IResult> ListRawEventsAsync(ClaimsPrincipal caller, AppDbContext db, string? status, int? page, int? pageSize, CancellationToken cancellationToken) =>
        QueryFilter.TryParse<RawEventStatus>(status, out var wanted)
            ? TypedResults.Ok(await db.RawEventsAsync(caller, wanted, page, pageSize, cancellationToken))
            : TypedResults.Problem($"status must be one of: {QueryFilter.Names<RawEventStatus>()}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");

    /// <summary>Puts a failed or ignored event back in the queue, after a fix.</summary>
    private static async Task<IResult> RetryAsync(long id, ClaimsPrincipal caller, AppDbContext db, IngestionSignal signal, CancellationToken cancellationToken) =>
        await db.RetryRawEventAsync(caller, id, signal, cancellationToken) switch
        {
            null => TypedResults.Problem($"There is no raw event {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown raw event"),
            var was when !RawEventInspection.Requeued(was) => TypedResults.Problem(
                $"Raw event {id} is {was.ToString()!.ToLowerInvariant()}; only failed or ignored events are retried.",
                statusCode: StatusCodes.Status409Conflict, title: "Nothing to retry"),
            _ => TypedResults.Accepted((string?)null, new { id, status = RawEventStatus.Pending }),
        };
}
