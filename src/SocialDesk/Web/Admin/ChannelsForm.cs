using SocialDesk.Features.Channels;

namespace SocialDesk.Web.Admin;

/// <summary>
/// The channel form's fields: a kind, a name and the connector's settings as typed. Secrets are never read back, so a
/// setting left empty is not sent: a new channel is refused for it, a changed one keeps what it had.
/// </summary>
public sealed class ChannelsForm
{
    public Guid? Id { get; init; }
    public string Kind { get; set; } = "x";
    public string? Name { get; set; }
    public Dictionary<string, string?> Settings { get; } = [];

    public static ChannelsForm Of(ChannelEndpoints.ChannelView channel)
    {
        var form = new ChannelsForm { Id = channel.Id, Kind = channel.Kind, Name = channel.Name };
        foreach (var (key, value) in channel.Settings)
        {
            form.Settings[key] = value;
        }

        return form;
    }

    /// <summary>The settings typed for the connector of the form's kind; those of another kind typed before it changed are left out.</summary>
    public Dictionary<string, string> Typed(IChannelConnector connector) =>
        connector.Settings.Where(s => !string.IsNullOrWhiteSpace(Settings.GetValueOrDefault(s.Key)))
            .ToDictionary(s => s.Key, s => Settings[s.Key]!.Trim());

    public ChannelEndpoints.UpdateChannelRequest ToUpdate(IChannelConnector connector) => new(Name, Typed(connector));
}
