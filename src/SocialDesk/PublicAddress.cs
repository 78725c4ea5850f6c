namespace SocialDesk;

/// <summary>
/// <c>PublicBaseUrl</c>: the address platforms and browsers reach this server at, behind any proxy
/// (<c>https://desk.example.com</c>). What the server shows and tests as its own address comes from here, never from a
/// request's Host header, which the caller chooses. Read at each use, so a test server may learn its port once started.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string Key = "PublicBaseUrl";

    /// <summary>The configured base, or null when none is set.</summary>
    public Uri? BaseUrl => configuration[Key] is { Length: > 0 } value ? Parse(value) : null;

    /// <summary>The absolute address of a path of this server, or null when <c>PublicBaseUrl</c> is not set.</summary>
    public Uri? Of(string path) => BaseUrl is { } baseUrl ? new Uri(baseUrl, path.TrimStart('/')) : null;

    /// <summary>An absolute http or https address with neither query nor fragment; a clear error otherwise.</summary>
    public static Uri Parse(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            ? url
            : throw new InvalidOperationException($"{Key} must be the absolute http(s) address of this server, such as https://desk.example.com, not '{value}'.");
}
