using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Channels;

/// <summary>Connecting channels: their settings are checked against the connector's; secrets are stored apart and never returned.</summary>
public static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/channels").WithTags("Channels").RequireRateLimiting(RateLimits.Api);
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.ChannelsManage);
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.ChannelsRead);
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.ChannelsRead);
        api.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.ChannelsManage);
        return app;
    }

    public sealed record CreateChannelRequest(string? Kind, string? Name, Dictionary<string, string>? Settings);

    /// <summary>What to change: the name, and settings or secrets to replace; those not named stay as they are.</summary>
    public sealed record UpdateChannelRequest(string? Name, Dictionary<string, string>? Settings);

    /// <summary>A channel as the API shows it: its settings without the secrets, and where its platform must deliver.</summary>
    public sealed record ChannelView(Guid Id, string Kind, string Name, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> SecretsSet, string WebhookPath, DateTime CreatedAt)
    {
        public static ChannelView Of(Channel channel, ChannelConnectors connectors) => new(
            channel.Id,
            channel.Kind,
            channel.Name,
            channel.Settings,
            [.. channel.Secrets.Keys.Order(StringComparer.Ordinal)],
            $"/webhooks/{connectors.Get(channel.Kind).WebhookSegment}/{channel.Id}",
            channel.CreatedAt);
    }

    private static async Task<IResult> CreateAsync(CreateChannelRequest request, ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, TimeProvider time, CancellationToken cancellationToken)
    {
        var connector = request.Kind is null ? null : connectors.Find(request.Kind);
        if (connector is null)
        {
            return TypedResults.Problem($"kind must be one of: {string.Join(", ", connectors.Kinds)}.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown channel kind");
        }

        return await db.CreateChannelAsync(caller, connector, request.Name, request.Settings ?? [], time, cancellationToken) switch
        {
            (_, { } errors) => Refused(errors),
            (var channel, _) => TypedResults.Created($"/api/v1/channels/{channel!.Id}", ChannelView.Of(channel, connectors)),
        };
    }

    private static async Task<IResult> UpdateAsync(
        Guid id,
        UpdateChannelRequest request,
        ClaimsPrincipal caller,
        AppDbContext db,
        ChannelConnectors connectors,
        ChannelDirectory directory,
        CancellationToken cancellationToken) =>
        await db.UpdateChannelAsync(caller, id, request, connectors, directory, cancellationToken) switch
        {
            (_, { } errors) => Refused(errors),
            ({ } channel, _) => TypedResults.Ok(ChannelView.Of(channel, connectors)),
            _ => TypedResults.Problem($"There is no channel {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel"),
        };

    private static ValidationProblem Refused(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The channel cannot be set as asked");

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ChannelsAsync(caller, connectors, cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        return channel is null
            ? TypedResults.Problem($"There is no channel {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel")
            : TypedResults.Ok(ChannelView.Of(channel, connectors));
    }
}
