namespace SocialDesk.Data;

/// <summary>Enum filters from a query string, by name in any case (<c>?status=failed</c>); numbers are not names.</summary>
public static class QueryFilter
{
    public static bool TryParse<T>(string? value, out T? parsed)
        where T : struct, Enum
    {
        parsed = null;
        if (value is null)
        {
            return true;
        }

        if (!int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var named))
        {
            parsed = named;
            return true;
        }

        return false;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
