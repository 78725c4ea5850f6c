using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialDesk.Features.Channels;

/// <summary>A brand account on one platform (an X account, a Facebook page) that messages arrive on and replies leave from.</summary>
public sealed class Channel
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>The connector's name: <c>x</c> or <c>facebook</c>.</summary>
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>Tokens and signing secrets: encrypted at rest (<see cref="ChannelSecretProtection"/>), never returned by the API, never logged.</summary>
    public Dictionary<string, string> Secrets { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    public string Setting(string key) =>
        Settings.GetValueOrDefault(key) ?? Secrets.GetValueOrDefault(key)
        ?? throw new InvalidOperationException($"Channel {Id} has no setting '{key}'.");
}

/// <summary>
/// The table of channels. Its secrets column holds the application's Data Protection ciphertext, so the mapping needs the
/// application's protector: <see cref="ChannelSecretProtection"/> applies it, once per key ring.
/// </summary>
internal static class ChannelConfiguration
{
    public static void Configure(EntityTypeBuilder<Channel> builder, IDataProtector secretsProtector)
    {
        builder.Property(c => c.Kind).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Settings).HasConversion(DictionaryAsJson.Converter, DictionaryAsJson.Comparer);
        builder.Property(c => c.Secrets).HasConversion(new ChannelSecretProtection.Converter(secretsProtector), ChannelSecretProtection.Comparer);
        builder.HasIndex(c => c.WorkspaceId);
    }

}

/// <summary>A channel's settings (and, under encryption, its secrets) as the JSON object they are stored as.</summary>
internal static class DictionaryAsJson
{
    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(v => Write(v), v => Read(v));

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
        v => new Dictionary<string, string>(v));

    public static string Write(Dictionary<string, string> values) => JsonSerializer.Serialize(values, JsonSerializerOptions.Default);

    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? [];
}
