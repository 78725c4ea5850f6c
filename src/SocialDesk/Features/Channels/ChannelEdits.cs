using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Users;
using static SocialDesk.Features.Channels.ChannelEndpoints;

namespace SocialDesk.Features.Channels;

/// <summary>Listing, connecting and changing a workspace's channels, checked the same way for the API and the web app.</summary>
public static class ChannelEdits
{
    /// <summary>The workspace's channels by name, without their secrets.</summary>
    public static async Task<List<ChannelView>> ChannelsAsync(this AppDbContext db, ClaimsPrincipal caller, ChannelConnectors connectors, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. channels.Select(c => ChannelView.Of(c, connectors))];
    }

    /// <summary>Connects a channel of the connector's kind. Returns it, or the errors by field and no change.</summary>
    public static async Task<(Channel? Channel, Dictionary<string, string[]>? Errors)> CreateChannelAsync(
        this AppDbContext db, ClaimsPrincipal caller, IChannelConnector connector, string? name, Dictionary<string, string> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(connector, name, settings) is { } errors)
        {
            return (null, errors);
        }

        var channel = new Channel
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = caller.WorkspaceId(),
            Kind = connector.Kind,
            Name = name!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(channel, connector, settings);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return (channel, null);
    }

    /// <summary>
    /// Changes the name and the settings named (secrets too); the others stay. Returns the channel, or the errors by field
    /// and no change; neither when the workspace has no channel of that id.
    /// </summary>
    public static async Task<(Channel? Channel, Dictionary<string, string[]>? Errors)> UpdateChannelAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid id, UpdateChannelRequest request, ChannelConnectors connectors, ChannelDirectory directory, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (channel is null)
        {
            return (null, null);
        }

        var connector = connectors.Get(channel.Kind);
        var settings = channel.Settings.Concat(channel.Secrets).ToDictionary();
        foreach (var (key, value) in request.Settings ?? [])
        {
            settings[key] = value;
        }

        var name = request.Name ?? channel.Name;
        if (Validate(connector, name, settings) is { } errors)
        {
            return (null, errors);
        }

        channel.Name = name;
        Apply(channel, connector, settings);
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(id);
        return (channel, null);
    }

    private static void Apply(Channel channel, IChannelConnector connector, Dictionary<string, string> settings)
    {
        channel.Settings = connector.Settings.Where(s => !s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]);
        channel.Secrets = connector.Settings.Where(s => s.Secret).ToDictionary(s => s.Key, s => settings[s.Key]);
    }

    /// <summary>Every setting the connector needs, no other, and a name; null when all is well.</summary>
    private static Dictionary<string, string[]>? Validate(IChannelConnector connector, string? name, Dictionary<string, string> settings)
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

        foreach (var setting in connector.Settings)
        {
            if (settings.GetValueOrDefault(setting.Key) is { Length: > 0 } value && setting.Refusal?.Invoke(value) is { } refusal)
            {
                errors[$"settings.{setting.Key}"] = [refusal];
            }
        }

        return errors.Count > 0 ? errors : null;
    }
}
