using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>A post the fake platform accepted: where, what, and the id it gave.</summary>
public sealed record PlatformCall(string Path, JsonObject Body, string Id, DateTime At);

/// <summary>
/// A local stand-in for the X API v2 and the Graph API, on a real port: it takes replies, comments and messages in
/// the platforms' shapes, lists them back as the platforms do, and can be told to fail or to answer too late.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string XAccountId = "2244994945";
    public const string PageId = "104000000000001";

    /// <summary>A comment whose replies are answered as a server that is not the platform answers: a page of HTML.</summary>
    public const string HtmlErrorTarget = "html-error";
    public const string HtmlErrorText = "<html>internal admin page</html>";
    private static readonly DateTime SnowflakeEpoch = DateTime.UnixEpoch.AddMilliseconds(1288834974657);
    private readonly WebApplication app;
    private long sequence;
    private int pendingLateAnswers;
    private int pendingFailures;
    private int pendingLosses;

    private FakePlatform(WebApplication app) => this.app = app;

    public ConcurrentQueue<PlatformCall> Posts { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app);
        platform.Map(app);
        await app.StartAsync();
        platform.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return platform;
    }

    /// <summary>The next <paramref name="count"/> posts are carried out, but answered only after the client gave up.</summary>
    public void AnswerLate(int count) => Interlocked.Exchange(ref pendingLateAnswers, count);

    /// <summary>The next <paramref name="count"/> posts are lost: not carried out, and answered only after the client gave up.</summary>
    public void Lose(int count) => Interlocked.Exchange(ref pendingLosses, count);

    /// <summary>The next <paramref name="count"/> posts are refused with 503 and not carried out.</summary>
    public void FailWith503(int count) => Interlocked.Exchange(ref pendingFailures, count);

    /// <summary>A snowflake of the time, as X's ids are (Graph's are opaque: the same will do).</summary>
    private string NewId(DateTime at) =>
        ((((long)(at - SnowflakeEpoch).TotalMilliseconds) << 22) | (Interlocked.Increment(ref sequence) & 0xFFF)).ToString(CultureInfo.InvariantCulture);

    private void Map(WebApplication web)
    {
        web.MapPost("/2/tweets", (HttpRequest request) => PostAsync(request, id => new { data = new { id, text = "" } }));
        web.MapPost("/2/dm_conversations/with/{participant}/messages", (HttpRequest request, string participant) =>
            PostAsync(request, id => new { data = new { dm_conversation_id = $"{participant}-{XAccountId}", dm_event_id = id } }));
        web.MapGet("/2/users/{user}/tweets", (HttpRequest request) => XPage(request, Calls("/2/tweets")
                .Where(c => request.Query["start_time"] is not [{ } since] || c.At >= DateTime.Parse(since, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)),
            c => new
            {
                id = c.Id,
                text = ShortenLinks((string?)c.Body["text"]),
                created_at = c.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                referenced_tweets = new[] { new { type = "replied_to", id = (string?)c.Body["reply"]?["in_reply_to_tweet_id"] } },
            }));
        web.MapGet("/2/dm_conversations/with/{participant}/dm_events", (HttpRequest request, string participant) => XPage(request, Calls($"/2/dm_conversations/with/{participant}/messages"),
            c => new
            {
                id = c.Id,
                text = (string?)c.Body["text"],
                sender_id = XAccountId,
                event_type = "MessageCreate",
                created_at = c.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            }));
        web.MapPost("/v21.0/{page}/messages", (HttpRequest request, string page) => PostAsync(request, id => new { recipient_id = "6200000000000001", message_id = id }));
        web.MapPost("/v21.0/{target}/comments", (HttpRequest request) => PostAsync(request, id => new { id }));
        web.MapPost($"/v21.0/{HtmlErrorTarget}/comments", () => Results.Content(HtmlErrorText, "text/html", statusCode: 403));

        // Moderation: X hides a reply; Graph hides (is_hidden) or deletes a comment.
        web.MapPut("/2/tweets/{id}/hidden", (HttpRequest request) => PostAsync(request, _ => new { data = new { hidden = true } }));
        web.MapPost("/v21.0/{target}", (HttpRequest request) => PostAsync(request, _ => new { success = true }));
        web.MapDelete("/v21.0/{target}", (HttpRequest request) =>
        {
            Posts.Enqueue(new PlatformCall(request.Path, new JsonObject { ["deleted"] = true }, "", DateTime.UtcNow));
            return Results.Json(new { success = true });
        });
        web.MapGet("/v21.0/{target}/comments", (HttpRequest request, string target) => GraphPage(request, Calls($"/v21.0/{target}/comments")));
        web.MapGet("/v21.0/{page}/conversations", (string? user_id) => new { data = new[] { new { id = $"t_{user_id}" } } });
        web.MapGet("/v21.0/t_{user}/messages", (HttpRequest request, string user) =>
            GraphPage(request, Calls($"/v21.0/{PageId}/messages").Where(c => (string?)c.Body["recipient"]?["id"] == user)));
    }

    /// <summary>A page of X's listing, newest first: <c>max_results</c> at a time, the next page's <c>pagination_token</c> in <c>meta.next_token</c>.</summary>
    private static object XPage(HttpRequest request, IEnumerable<PlatformCall> calls, Func<PlatformCall, object> item)
    {
        var (items, next) = Paged(calls, request.Query["max_results"], request.Query["pagination_token"]);
        return new { data = items.Select(item), meta = new { result_count = items.Count, next_token = next } };
    }

    /// <summary>A page of a Graph edge, newest first: <c>limit</c> at a time, the next page's cursor in <c>paging.cursors.after</c> with <c>paging.next</c>.</summary>
    private object GraphPage(HttpRequest request, IEnumerable<PlatformCall> calls)
    {
        var (items, next) = Paged(calls, request.Query["limit"], request.Query["after"]);
        return new
        {
            data = items.Select(c => new
            {
                id = c.Id,
                message = c.Body["message"] is JsonObject sent ? (string?)sent["text"] : (string?)c.Body["message"],
                from = new { id = PageId, name = "Page" },
                created_time = c.At.ToString("yyyy-MM-ddTHH:mm:ss+0000", CultureInfo.InvariantCulture),
            }),
            paging = next is null ? null : new { cursors = new { after = next }, next = $"{BaseUrl}?after={next}" },
        };
    }

    private static (List<PlatformCall> Items, string? Next) Paged(IEnumerable<PlatformCall> calls, string? size, string? cursor)
    {
        var newestFirst = calls.OrderByDescending(c => c.At).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
        var from = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var take = size is null ? 25 : int.Parse(size, CultureInfo.InvariantCulture);
        var items = newestFirst.Skip(from).Take(take).ToList();
        return (items, from + take < newestFirst.Count ? (from + take).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>A post the account made on the platform itself, at the given time (with the platform's id for it).</summary>
    public PlatformCall Seed(string path, JsonObject body, DateTime at)
    {
        var call = new PlatformCall(path, body, NewId(at), at);
        Posts.Enqueue(call);
        return call;
    }

    public IEnumerable<PlatformCall> Calls(string path) => Posts.Where(p => p.Path == path);

    // As X does: every link of a posted tweet reads back as a t.co address.
    private static string? ShortenLinks(string? text) =>
        text is null ? null : System.Text.RegularExpressions.Regex.Replace(text, @"https?://\S+", "https://t.co/Xy12Ab34Cd");

    private async Task<IResult> PostAsync(HttpRequest request, Func<string, object> answer)
    {
        if (request.Headers.Authorization.Count == 0)
        {
            return Results.Json(new { title = "Unauthorized", detail = "No bearer token." }, statusCode: 401);
        }

        if (Interlocked.Decrement(ref pendingFailures) >= 0)
        {
            return Results.Json(new { title = "Service Unavailable", detail = "Over capacity." }, statusCode: 503);
        }

        var body = await JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
        if (Interlocked.Decrement(ref pendingLosses) >= 0)
        {
            // Lost on the way: not carried out, and no answer until the client gives up.
            await GivenUpAsync(request);
            return Results.StatusCode(504);
        }

        var now = DateTime.UnixEpoch.AddMilliseconds(Math.Floor((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds));
        var call = new PlatformCall(request.Path, body, NewId(now), now);
        Posts.Enqueue(call);
        if (Interlocked.Decrement(ref pendingLateAnswers) >= 0)
        {
            // Carried out, but answered only once the client has given up and closed the connection.
            await GivenUpAsync(request);
        }

        return Results.Json(answer(call.Id), statusCode: 201);
    }

    private static async Task GivenUpAsync(HttpRequest request)
    {
        var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = request.HttpContext.RequestAborted.Register(() => abandoned.TrySetResult());
        await abandoned.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
