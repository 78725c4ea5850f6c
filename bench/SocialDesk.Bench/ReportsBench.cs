using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Reporting;

namespace SocialDesk.Bench;

/// <summary>
/// Times each report endpoint of a real server on a database of 1,000,000 messages in 200,000 conversations
/// (seeded by <see cref="ReportsBenchSeed"/> on first use, then reused), for the last 7 days (the default),
/// the last 30 days and the last 365 days. SQLite by default, in a file of the temp folder;
/// PostgreSQL with <c>--provider Postgres --connection "Host=...;Database=..."</c>.
/// </summary>
public static class ReportsBench
{
    private const string Token = "sd_reports_bench_token";
    private static readonly (string Path, string Parameters)[] Reports =
    [
        ("overview", ""), ("overview", "hours=business"), ("overview", "tz=Europe/Paris"), ("agents", ""), ("teams", ""), ("teams", "hours=business"), ("sla", ""),
        ("volumes/channel", ""), ("volumes/topic", ""), ("volumes/sentiment", ""), ("volumes/language", ""), ("volumes/hour", ""), ("volumes/hour", "tz=Europe/Paris"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchInputs.Option(args, "--provider") ?? DatabaseProvider.Sqlite;
        var connection = BenchInputs.Option(args, "--connection") ?? $"Data Source={Path.Combine(Path.GetTempPath(), "socialdesk-reports-bench.db")}";
        var runs = int.Parse(BenchInputs.Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);

        await using var app = SocialDeskServer.Build(
        [
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:SocialDesk={connection}",
            $"--Bootstrap:ApiToken={Token}",
            "--Bootstrap:AdminPassword=bench-password-1",
            "--Demo:Enabled=false",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var now = DateTime.UtcNow;
        if (!await ReportsBenchSeed.EnsureAsync(app.Services, now))
        {
            return 2;
        }

        // The server rolls the events up from its start; reports are timed once it has caught up, as on a running server.
        var rollingUp = Stopwatch.StartNew();
        await app.Services.GetRequiredService<ReportRollupWorker>().RunPassAsync(CancellationToken.None);
        Console.WriteLine($"reports: the roll-up caught up {rollingUp.Elapsed.TotalSeconds:0.0} s after the seeding");

        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var today = DateOnly.FromDateTime(now);
        (string Name, string Query)[] periods =
        [
            ("last 7 days (default)", ""),
            ("last 30 days", $"from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            ("last 365 days", $"from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
        ];

        Console.WriteLine($"reports: {provider}, {Environment.ProcessorCount} cores; each report and its two comparison periods, {runs} runs after one warm-up (goal < 500 ms)");
        foreach (var (name, query) in periods)
        {
            var overview = await client.GetFromJsonAsync<JsonElement>(Url("overview", query, ""));
            var current = overview.GetProperty("rows")[0].GetProperty("current");
            Console.WriteLine($"{name}: {current.GetProperty("messagesReceived").GetInt32()} customer messages, {current.GetProperty("conversations").GetInt32()} new conversations, "
                + $"{current.GetProperty("resolutions").GetInt32()} resolutions in the period");
            foreach (var (report, parameters) in Reports)
            {
                var times = new List<double>();
                for (var run = 0; run <= runs; run++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(Url(report, query, parameters));
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    if (run > 0)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                Console.WriteLine($"  {$"{report} {parameters}",-30} median {times[times.Count / 2],7:0.0} ms   max {times[^1],7:0.0} ms");
            }
        }

        await app.StopAsync();
        return 0;
    }

    private static string Url(string report, string period, string parameters) =>
        $"/api/v1/reports/{report}?{string.Join('&', new[] { period, parameters }.Where(p => p.Length > 0))}";
}
