using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SocialDesk.Features.Channels;

/// <summary>Calls a platform's API and turns every way it can fail into a <see cref="PlatformException"/> that says whether the call may have been carried out.</summary>
public sealed class PlatformHttp(HttpClient http)
{
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

    // X answers {"title","detail"} or {"errors":[{"message"}]}; Meta answers {"error":{"message"}}.
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
                return detail.Text();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw text, shortened, says more than nothing.
        }

        return WellFormedText.Cut(body, 300);
    }
}
