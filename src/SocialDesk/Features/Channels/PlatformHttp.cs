using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SocialDesk.Features.Channels;

/// <summary><c>Channels:AllowLocalApiBaseUrl</c>: tests, benchmarks and demos against a local fake platform may use <c>http://127.0.0.1:PORT</c>.</summary>
public sealed class ChannelOptions
{
    public bool AllowLocalApiBaseUrl { get; set; }
}

/// <summary>
/// Calls a platform's API and turns every way it can fail into a <see cref="PlatformException"/> that says whether the
/// call may have been carried out. A channel's <c>apiBaseUrl</c> is a setting an admin types, and every call carries the
/// channel's access token there: so the base must be <c>https</c> on one of the platform's own hosts, each id is one
/// escaped path segment, the connection is refused to private, loopback and link-local addresses after DNS resolution
/// (<see cref="Handler"/>), redirects are not followed, and a platform's error reaches the caller only as the message of
/// its documented error shape, never as the body an unknown server answered.
/// </summary>
public sealed class PlatformHttp(HttpClient http, IOptions<ChannelOptions> options)
{
    private const int MaxErrorLength = 300;

    /// <summary>Why an <c>apiBaseUrl</c> is refused for a platform of these hosts, or null when it is allowed.</summary>
    public string? ApiBaseUrlRefusal(string? value, IReadOnlyList<string> platformHosts)
    {
        var allowed = $"https://{string.Join(" or https://", platformHosts)}"
            + (options.Value.AllowLocalApiBaseUrl ? " (or, with Channels:AllowLocalApiBaseUrl, http://127.0.0.1:PORT)" : "");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return $"apiBaseUrl must be {allowed}, without user, query or fragment.";
        }

        var platform = url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && platformHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase);
        var local = options.Value.AllowLocalApiBaseUrl && url.Scheme == Uri.UriSchemeHttp && url.Host == "127.0.0.1" && !url.IsDefaultPort;
        return platform || local ? null : $"apiBaseUrl must be {allowed}, not {url.GetLeftPart(UriPartial.Authority)}.";
    }

    /// <summary>
    /// The address of a call on the channel's API base, under the platform's <paramref name="root"/> (its API version):
    /// every value interpolated into <paramref name="path"/> (an id) is escaped as data, so that an id holding <c>../</c>,
    /// <c>?</c> or <c>#</c> stays one segment of the path or one value of the query.
    /// </summary>
    public Uri Url(Channel channel, IReadOnlyList<string> platformHosts, string root, FormattableString path)
    {
        var apiBaseUrl = channel.Setting("apiBaseUrl");
        if (ApiBaseUrlRefusal(apiBaseUrl, platformHosts) is { } refusal)
        {
            throw new PlatformException($"The channel's {refusal}", permanent: true, mayHavePosted: false);
        }

        var escaped = string.Format(CultureInfo.InvariantCulture, path.Format, [.. path.GetArguments().Select(Segment)]);
        return new Uri(new Uri(apiBaseUrl.TrimEnd('/') + "/"), root + escaped);
    }

    private static string Segment(object? value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture) switch
        {
            null or "" or "." or ".." => throw new PlatformException($"'{value}' is not a platform id.", permanent: true, mayHavePosted: false),
            var text => Uri.EscapeDataString(text),
        };

    /// <summary>The handler of the platforms' client: no redirect, no proxy, and connections to public addresses only.</summary>
    public static SocketsHttpHandler Handler(IOptions<ChannelOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var refused = addresses.FirstOrDefault(address => !PlatformAddresses.IsPublic(address)
                && !(options.Value.AllowLocalApiBaseUrl && address.Equals(IPAddress.Loopback)));
            if (refused is not null || addresses.Length == 0)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, $"{host} resolves to {refused?.ToString() ?? "no address"}, which is not a public address: refused.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public async Task<JsonElement> SendAsync(HttpMethod method, Uri url, string accessToken, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw new PlatformException($"{url.Host} could not be reached: {e.Message}", permanent: false, mayHavePosted: false);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException($"{url.Host} broke off the call: {e.Message}", permanent: false, mayHavePosted: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformException($"{url.Host} did not answer within {http.Timeout.TotalSeconds:0.#} s.", permanent: false, mayHavePosted: true);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    throw new PlatformException($"{url.Host} answered {(int)response.StatusCode} with a body that is not JSON.", permanent: false, mayHavePosted: true);
                }
            }

            var reason = $"{url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorDetail(text)}";
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => throw new PlatformException(reason, permanent: false, mayHavePosted: false, RetryAfter(response)),
                >= HttpStatusCode.InternalServerError => throw new PlatformException(reason, permanent: false, mayHavePosted: true),
                _ => throw new PlatformException(reason, permanent: true, mayHavePosted: false),
            };
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;

    // X answers {"title","detail"} or {"errors":[{"message"}]}; Meta answers {"error":{"message"}}. Any other body is not
    // shown: it may be a page of a server that is not the platform.
    private static string ErrorDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            JsonElement?[] details =
            [
                root.Optional("detail"),
                root.Optional("error")?.Optional("message"),
                root.Optional("errors") is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0 ? errors[0].Optional("message") : null,
            ];
            if (details.FirstOrDefault(d => d?.ValueKind == JsonValueKind.String) is { } detail)
            {
                return WellFormedText.Cut(detail.Text(), MaxErrorLength);
            }
        }
        catch (JsonException)
        {
            // Not the platform's error shape: said as such below.
        }

        return "the answer holds no error message of the platform's.";
    }
}

/// <summary>Which addresses a platform call may connect to: public ones, not private, loopback, link-local, shared or reserved ranges.</summary>
public static class PlatformAddresses
{
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"),
        IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    public static bool IsPublic(IPAddress address)
    {
        // An IPv4 address written as IPv6 (::ffff:10.0.0.1, or NAT64's 64:ff9b::10.0.0.1) is judged as the IPv4 address it carries.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (Nat64.Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        return !NotPublic.Any(network => network.Contains(address));
    }
}
