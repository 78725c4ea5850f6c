using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialDesk.Features.Replies;

/// <summary>
/// A reply written once and used often, with variables filled in for the conversation it answers:
/// <c>{{customer.name}}</c>, <c>{{customer.handle}}</c>, <c>{{agent.name}}</c>, <c>{{channel.name}}</c>.
/// </summary>
public sealed partial class CannedReply
{
    public const int MaxTextLength = 5_000;

    public static readonly IReadOnlyList<string> Variables = ["customer.name", "customer.handle", "agent.name", "channel.name"];

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>How agents find it (<c>delay-apology</c>).</summary>
    public required string Name { get; set; }
    public required string Text { get; set; }

    /// <summary>The language it is written in, to offer it first on conversations in that language; null: any.</summary>
    public string? Language { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The variables the text uses that do not exist.</summary>
    public static IReadOnlyList<string> UnknownVariables(string text) =>
        [.. Variable().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !Variables.Contains(name)).Distinct()];

    /// <summary>The text with each variable replaced by its value (an unknown value becomes empty).</summary>
    public string Render(IReadOnlyDictionary<string, string?> values) =>
        Variable().Replace(Text, m => values.GetValueOrDefault(m.Groups["name"].Value) ?? "");

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z.]+)\s*\}\}")]
    private static partial Regex Variable();
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.HasIndex(c => new { c.WorkspaceId, c.Name }).IsUnique();
        builder.HasOne<Workspaces.Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
    }
}
