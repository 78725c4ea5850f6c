namespace SocialDesk.Features.Routing;

/// <summary>The short lowercase labels rules and skills are written in (channel kinds, languages, topics, priorities, tags).</summary>
public static class WorkLabels
{
    public const int MaxCount = 50;
    public const int MaxLength = 50;

    /// <summary>The labels given, trimmed, lowercased and without repeats; an error names the field when one is empty or too long, or there are too many.</summary>
    public static List<string> Read(string field, IReadOnlyList<string>? labels, List<string> errors)
    {
        var read = (labels ?? []).Select(label => label?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (read.Count > MaxCount || read.Any(label => label.Length is 0 or > MaxLength || label.Contains('\0', StringComparison.Ordinal)))
        {
            errors.Add($"{field} holds at most {MaxCount} labels, each 1 to {MaxLength} characters.");
        }

        return read;
    }
}
