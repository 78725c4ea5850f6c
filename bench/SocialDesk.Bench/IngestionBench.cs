using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Bench;

/// <summary>
/// Replays a TWCS file as signed X webhook deliveries against a real server on SQLite (a child process on 127.0.0.1),
/// warmed up by one replay on another channel: first as fast as the server takes them, timing until every message is
/// visible through the API; then paced at a fixed rate, timing each webhook answer.
/// </summary>
public static class IngestionBench
{
    private const string Token = "sd_bench_token";
    private const string AccountId = "1000";
    private const string ConsumerSecret = "bench-consumer-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = int.Parse(BenchInputs.Option(args, "--rate") ?? "500", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(BenchInputs.Option(args, "--concurrency") ?? "32", CultureInfo.InvariantCulture);
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
            .FirstOrDefault(BenchInputs.SharedData("dev/twcs-head5000.csv"));
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"ingest: {file} is missing (the shared data folder beside the repository).");
            return 2;
        }

        var (rows, _) = TwcsHistory.Read(new FileInfo(file), Guid.Empty);
        Console.WriteLine($"ingest: {rows.Count} messages from {Path.GetFileName(file)}, SQLite, {Environment.ProcessorCount} cores");
        await using var server = await BenchServer.StartAsync();

        // A running server has compiled its hot paths: warm it up on another channel, and give the runtime's tiered
        // compilation the quiet moment it waits for to optimise them, before the clock starts.
        var warmUp = await server.CreateChannelAsync("warm-up");
        await SendAsync(server, warmUp, [.. rows.Select(r => Delivery(r, "8"))], concurrency, perSecond: null);
        await server.WaitUntilProcessedAsync(warmUp);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Phase 1: as fast as the server takes them, until every message has been processed and is visible.
        var burst = await server.CreateChannelAsync("burst");
        var burstBodies = rows.Select(r => Delivery(r, "")).ToList();
        var cpuBefore = server.ProcessorTime;
        var clock = Stopwatch.StartNew();
        var burstTimes = await SendAsync(server, burst, burstBodies, concurrency, perSecond: null);
        var delivered = clock.Elapsed.TotalSeconds;
        var visible = await server.WaitUntilProcessedAsync(burst);
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"throughput: {rows.Count} deliveries processed, {visible} messages visible through the API, in {elapsed:0.00} s: {rows.Count / elapsed:0} messages/s (goal >= 2000)");
        Console.WriteLine($"  server CPU time {(server.ProcessorTime - cpuBefore).TotalMilliseconds * 1000 / rows.Count:0} µs per message");
        Console.WriteLine("  (brand replies to tweets the file does not hold thread into nothing, hence fewer messages than deliveries)");
        Console.WriteLine($"  all {rows.Count} deliveries acknowledged after {delivered:0.00} s ({rows.Count / delivered:0}/s)");
        Console.WriteLine($"  webhook answer during the burst ({concurrency} in flight): p50 {Percentile(burstTimes, 50):0.0} ms, p99 {Percentile(burstTimes, 99):0.0} ms");

        // Phase 2: a steady rate, fresh ids, the worker busy processing what arrives.
        var paced = await server.CreateChannelAsync("paced");
        var pacedTimes = await SendAsync(server, paced, [.. rows.Select(r => Delivery(r, "9"))], concurrency, rate);
        await server.WaitUntilProcessedAsync(paced);
        Console.WriteLine($"latency at {rate} messages/s: p50 {Percentile(pacedTimes, 50):0.0} ms, p99 {Percentile(pacedTimes, 99):0.0} ms, max {pacedTimes.Max():0.0} ms (goal p99 < 50 ms)");
        return 0;
    }

    // Brand rows are the channel's own account, as X delivers a brand's tweets to its own webhook.
    private static string Delivery(IncomingMessage row, string idPrefix) => JsonSerializer.Serialize(new
    {
        for_user_id = AccountId,
        tweet_create_events = new[]
        {
            new
            {
                created_at = row.CreatedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", CultureInfo.InvariantCulture),
                id_str = idPrefix + row.PlatformMessageId,
                text = row.Text,
                in_reply_to_status_id_str = row.ReplyToPlatformMessageId is { } parent ? idPrefix + parent : null,
                user = row.Direction == MessageDirection.Outbound
                    ? new { id_str = AccountId, screen_name = row.Author.Id, name = row.Author.Id }
                    : new { id_str = row.Author.Id, screen_name = row.Author.Id, name = row.Author.Id },
            },
        },
    });

    private static async Task<List<double>> SendAsync(BenchServer server, Guid channelId, List<string> deliveries, int concurrency, int? perSecond)
    {
        // Bodies and signatures are made before the clock starts: the bench measures the server, not itself.
        var bodies = deliveries.Select(d => Encoding.UTF8.GetBytes(d)).ToList();
        var signatures = bodies.Select(b => WebhookSignature.Base64(ConsumerSecret, b)).ToList();
        var times = new double[bodies.Count];
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, cancellationToken) =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                if (perSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/x/{channelId}") { Content = new ByteArrayContent(bodies[i]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("x-twitter-webhooks-signature", signatures[i]);
                var sent = Stopwatch.GetTimestamp();
                using var response = await server.Webhooks.SendAsync(request, cancellationToken);
                times[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Delivery {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        });
        return [.. times];
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The product's own executable, started on a free port with a fresh SQLite file, in Production.</summary>
    private sealed class BenchServer : IAsyncDisposable
    {
        private readonly Process process;
        private readonly string database;

        private BenchServer(Process process, string database, Uri url)
        {
            this.process = process;
            this.database = database;
            // Webhooks carry a signature, not an API token, as the platforms send them.
            Webhooks = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = url };
            Client = new HttpClient { BaseAddress = url };
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        public HttpClient Client { get; }

        /// <summary>The CPU time the server has used, on every core: its cost per message whatever else the machine runs.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        public HttpClient Webhooks { get; }

        public static async Task<BenchServer> StartAsync()
        {
            var port = FreePort();
            var database = Path.Combine(Path.GetTempPath(), $"socialdesk-bench-{Guid.NewGuid():N}.db");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "socialdesk.dll"));
            start.ArgumentList.Add("serve");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ConnectionStrings__SocialDesk"] = $"Data Source={database}";
            start.Environment["Bootstrap__ApiToken"] = Token;
            start.Environment["Bootstrap__AdminPassword"] = "bench-password-1";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  server: {e.Data}"); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  server: {e.Data}"); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new BenchServer(process, database, new Uri($"http://127.0.0.1:{port}"));
            for (var attempt = 0; attempt < 300; attempt++)
            {
                try
                {
                    if ((await server.Client.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            await server.DisposeAsync();
            throw new InvalidOperationException("The server did not answer /health within 30 s.");
        }

        public async Task<Guid> CreateChannelAsync(string name)
        {
            var response = await Client.PostAsJsonAsync("/api/v1/channels", new
            {
                kind = "x",
                name,
                settings = new Dictionary<string, string>
                {
                    ["accountId"] = AccountId,
                    ["handle"] = "bench",
                    ["consumerSecret"] = ConsumerSecret,
                    ["accessToken"] = "unused",
                    ["apiBaseUrl"] = "https://api.x.com",
                },
            });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        /// <summary>Polls the API until no delivery is pending; returns the messages the channel's conversations hold.</summary>
        public async Task<int> WaitUntilProcessedAsync(Guid channelId)
        {
            while (true)
            {
                var pending = await Client.GetFromJsonAsync<JsonElement>("/api/v1/raw-events?status=pending&pageSize=1");
                if (pending.GetProperty("total").GetInt32() == 0)
                {
                    break;
                }

                await Task.Delay(20);
            }

            var failed = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/raw-events?status=failed&pageSize=1")).GetProperty("total").GetInt32();
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} deliveries failed.");
            }

            return await CountMessagesAsync(channelId);
        }

        private async Task<int> CountMessagesAsync(Guid channelId)
        {
            var count = 0;
            for (var page = 1; ; page++)
            {
                var conversations = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations?channel={channelId}&pageSize=200&page={page}");
                var items = conversations.GetProperty("items");
                count += items.EnumerateArray().Sum(c => c.GetProperty("messageCount").GetInt32());
                if (items.GetArrayLength() < 200)
                {
                    return count;
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            Webhooks.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
