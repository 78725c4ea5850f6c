using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;

namespace SocialDesk.Bench;

/// <summary>
/// <c>sla-pass [--conversations N]</c>: a fresh SQLite database with N open conversations (100,000 by default) held to a
/// policy (first response 30 min, resolution 24 h, warning 10 min before, escalation raising priority and notifying
/// supervisors), started over the last 24 hours through the product's lifecycle and answered after 10 minutes, while the
/// server's own SLA worker runs every second on the real clock. Then, live: 1,000 more conversations whose first response
/// falls due 5 to 15 seconds later, and how late after its due time each breach is visible in the database. Then, with
/// the worker stopped and a clock the bench sets: three steady passes a second apart, and one after an hour without passes.
/// </summary>
public static class SlaPassBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(BenchInputs.Option(args, "--conversations") ?? "100000", CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"socialdesk-sla-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = SocialDeskServer.Build(
            [
                "--Database:Provider=Sqlite",
                $"--ConnectionStrings:SocialDesk=Data Source={file}",
                "--Bootstrap:AdminPassword=bench-password-1",
                "--Demo:Enabled=false",
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning",
                "--Sla:Interval=00:00:01",
                "--Routing:Interval=1.00:00:00",
            ]);
            await app.StartAsync();
            var now = DateTime.UtcNow;
            var seeding = Stopwatch.StartNew();
            await BenchConversations.SeedAsync(app.Services, count, now);
            Console.WriteLine($"sla-pass: seeded {count:N0} open conversations in {seeding.Elapsed.TotalSeconds:0} s; {Environment.ProcessorCount} cores, SQLite (goal: a pass under 1 s)");

            await LiveAsync(app.Services, DateTime.UtcNow);
            await app.StopAsync();

            now = DateTime.UtcNow;
            var clock = new PinnedClock();
            var worker = new SlaWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new SlaOptions()), NullLogger<SlaWorker>.Instance);
            (string Name, TimeSpan After)[] passes =
            [
                ("steady pass, 1 s later", TimeSpan.FromSeconds(1)),
                ("steady pass, 2 s later", TimeSpan.FromSeconds(2)),
                ("steady pass, 3 s later", TimeSpan.FromSeconds(3)),
                ("after an hour without passes", TimeSpan.FromHours(1)),
            ];
            foreach (var (name, after) in passes)
            {
                clock.At = now + after;
                var events = await CountAsync(app.Services);
                var timer = Stopwatch.StartNew();
                var looked = await worker.RunPassAsync(CancellationToken.None);
                timer.Stop();
                Console.WriteLine($"  {name,-30} {timer.Elapsed.TotalMilliseconds,7:0} ms  {looked,6:N0} conversations due, {await CountAsync(app.Services) - events,6:N0} warnings and breaches raised");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Conversations due in 5 to 15 seconds; polls every 100 ms for their breaches and prints how late each was seen.</summary>
    private static async Task LiveAsync(IServiceProvider services, DateTime now)
    {
        const int Count = 1_000;
        var due = new Dictionary<Guid, DateTime>();
        var random = new Random(7);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lifecycle = scope.ServiceProvider.GetRequiredService<ConversationLifecycle>();
            var workspaceId = (await db.Workspaces.SingleAsync()).Id;
            var channelId = (await db.Channels.SingleAsync()).Id;
            for (var number = 0; number < Count; number++)
            {
                var start = now - TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(5 + (10 * random.NextDouble()));
                var contact = new Contact { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, DisplayName = $"Live customer {number}", CreatedAt = start };
                db.Contacts.Add(contact);
                var conversation = lifecycle.Open(workspaceId, channelId, contact.Id, isPrivate: false, start);
                lifecycle.Receive(conversation, BenchConversations.Add(db, conversation, $"live-{number}", MessageDirection.Inbound, start));
                due[conversation.Id] = conversation.FirstResponseDueAt!.Value;
            }

            await db.SaveChangesAsync();
        }

        var seen = new Dictionary<Guid, TimeSpan>();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var ids = due.Keys.ToList();
        while (seen.Count < Count && DateTime.UtcNow < now.AddSeconds(30) && await poll.WaitForNextTickAsync())
        {
            await using var scope = services.CreateAsyncScope();
            var breached = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SlaEvents
                .Where(e => ids.Contains(e.ConversationId) && e.Kind == SlaEventKind.Breached && e.Target == SlaTargetKind.FirstResponse)
                .Select(e => e.ConversationId)
                .ToListAsync();
            var at = DateTime.UtcNow;
            foreach (var id in breached.Where(id => !seen.ContainsKey(id)))
            {
                seen[id] = at - due[id];
            }
        }

        var late = seen.Values.Order().ToList();
        Console.WriteLine(late.Count == Count
            ? $"  live: {Count:N0} first responses falling due 5–15 s later, each breach visible at most {late[^1].TotalSeconds:0.00} s after its due time (p50 {late[Count / 2].TotalSeconds:0.00} s; goal within 5 s)"
            : $"  live: only {late.Count:N0} of {Count:N0} breaches raised within 30 s");
    }

    private static async Task<int> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SlaEvents.CountAsync(e => e.Kind != SlaEventKind.Met);
    }

    private sealed class PinnedClock : TimeProvider
    {
        public DateTime At { get; set; }

        public override DateTimeOffset GetUtcNow() => new(At, TimeSpan.Zero);
    }
}
