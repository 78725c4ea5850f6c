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

        var settings = request.Settings ?? [];
        if (Validate(connector, request.Name, settings) is { } problem)
        {
            return problem;
        }

        var channel = new Channel
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = caller.WorkspaceId(),
            Kind = connector.Kind,
            Name = request.Name!,
            Settings = connector.Settings.Where(s => !s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]),
            Secrets = connector.Settings.Where(s => s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/channels/{channel.Id}", ChannelView.Of(channel, connectors));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id,
        UpdateChannelRequest request,
        ClaimsPrincipal caller,
        AppDbContext db,
        ChannelConnectors connectors,
        ChannelDirectory directory,
        CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (channel is null)
        {
            return TypedResults.Problem($"There is no channel {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel");
        }

        var connector = connectors.Get(channel.Kind);
        var settings = channel.Settings.Concat(channel.Secrets).ToDictionary();
        foreach (var (key, value) in request.Settings ?? [])
        {
            settings[key] = value;
        }

        var name = request.Name ?? channel.Name;
        if (Validate(connector, name, settings) is { } problem)
        {
            return problem;
        }

        channel.Name = name;
        channel.Settings = connector.Settings.Where(s => !s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]);
        channel.Secrets = connector.Settings.Where(s => s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]);
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(id);
        return TypedResults.Ok(ChannelView.Of(channel, connectors));
    }

    /// <summary>Every setting the connector needs, no other, and a name; null when all is well.</summary>
    private static ValidationProblem? Validate(IChannelConnector connector, string? name, Dictionary<string, string> settings)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Contains('\0', StringComparison.Ordinal))
        {
            errors["name"] = ["A name of 1 to 200 characters, without NUL (U+0000), is required."];
        }

        foreach (var setting in connector.Settings.Where(s => string.IsNullOrWhiteSpace(settings.GetValueOrDefault(s.Key))))
        {
            errors[$"settings.{setting.Key}"] = [$"A {connector.Kind} channel needs '{setting.Key}'."];
        }

        foreach (var key in settings.Keys.Where(k => connector.Settings.All(s => s.Key != k)))
        {
            errors[$"settings.{key}"] = [$"'{key}' is not a setting of a {connector.Kind} channel."];
        }

        if (settings.TryGetValue("apiBaseUrl", out var apiBaseUrl) && !Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out _))
        {
            errors["settings.apiBaseUrl"] = ["apiBaseUrl must be an absolute URL."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The channel cannot be set as asked") : null;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(channels.Select(c => ChannelView.Of(c, connectors)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, ChannelConnectors connectors, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        return channel is null
            ? TypedResults.Problem($"There is no channel {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel")
            : TypedResults.Ok(ChannelView.Of(channel, connectors));
    }
}
