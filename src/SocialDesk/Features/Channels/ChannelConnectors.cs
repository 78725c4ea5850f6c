namespace SocialDesk.Features.Channels;

/// <summary>The connectors by channel kind.</summary>
public sealed class ChannelConnectors(IEnumerable<IChannelConnector> connectors)
{
    private readonly Dictionary<string, IChannelConnector> byKind = connectors.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    public IEnumerable<string> Kinds => byKind.Keys;

    public IChannelConnector? Find(string kind) => byKind.GetValueOrDefault(kind);

    public IChannelConnector Get(string kind) =>
        Find(kind) ?? throw new InvalidOperationException($"No connector for channel kind '{kind}'.");
}
