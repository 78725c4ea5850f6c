using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;

namespace SocialDesk.Bench;

/// <summary>
/// <c>sla-pass [--conversations N]</c>: a fresh SQLite database with N open conversations (100,000 by default) held to a
/// policy (first response 30 min, resolution 24 h, warning 10 min before, escalation raising priority and notifying
/// supervisors), started over the last 24 hours through the product's lifecycle and answered after 10 minutes; then
/// times passes of the SLA worker: the first one, three steady ones a second apart, and one after an hour without passes.
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
                "--Sla:Interval=1.00:00:00",
                "--Routing:Interval=1.00:00:00",
            ]);
            await app.StartAsync();
            var now = DateTime.UtcNow;
            var seeding = Stopwatch.StartNew();
            await SeedAsync(app.Services, count, now);
            Console.WriteLine($"sla-pass: seeded {count:N0} open conversations in {seeding.Elapsed.TotalSeconds:0} s; {Environment.ProcessorCount} cores, SQLite (goal: a pass under 1 s)");

            var clock = new PinnedClock();
            var worker = new SlaWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new SlaOptions()), NullLogger<SlaWorker>.Instance);
            (string Name, TimeSpan After)[] passes =
            [
                ("first pass", TimeSpan.Zero),
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

            await app.StopAsync();
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

    private static async Task<int> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SlaEvents.CountAsync(e => e.Kind != SlaEventKind.Met);
    }

    private static async Task SeedAsync(IServiceProvider services, int count, DateTime now)
    {
        Guid workspaceId;
        Guid channelId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            workspaceId = (await db.Workspaces.SingleAsync()).Id;
            var channel = new Channel { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Kind = "x", Name = "@bench", CreatedAt = now };
            channelId = channel.Id;
            db.Channels.Add(channel);
            db.SlaPolicies.Add(new SlaPolicy
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "Bench",
                IsDefault = true,
                FirstResponseMinutes = 30,
                NextResponseMinutes = 30,
                ResolutionMinutes = 24 * 60,
                WarningMinutes = 10,
                EscalateRaisePriority = true,
                EscalateNotifySupervisors = true,
                CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        var random = new Random(2026);
        const int PerSave = 5_000;
        for (var first = 0; first < count; first += PerSave)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lifecycle = scope.ServiceProvider.GetRequiredService<ConversationLifecycle>();
            for (var number = first; number < Math.Min(count, first + PerSave); number++)
            {
                var start = now - (random.NextDouble() * TimeSpan.FromHours(24));
                var contact = new Contact { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, DisplayName = $"Customer {number}", CreatedAt = start };
                db.Contacts.Add(contact);
                var conversation = lifecycle.Open(workspaceId, channelId, contact.Id, isPrivate: false, start);
                lifecycle.Receive(conversation, Add(db, conversation, $"bench-{number}", MessageDirection.Inbound, start));
                if (start.AddMinutes(10) < now)
                {
                    var answer = start.AddMinutes(10);
                    lifecycle.Respond(conversation, Add(db, conversation, $"bench-{number}-answer", MessageDirection.Outbound, answer), answer);
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static Message Add(AppDbContext db, Conversation conversation, string id, MessageDirection direction, DateTime at)
    {
        var message = new Message
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = direction,
            PlatformMessageId = id,
            Text = direction == MessageDirection.Inbound ? "My parcel has not arrived, any news?" : "Sorry about that, we are looking into it.",
            PlatformTime = at,
            ReceivedAt = at,
            Delivery = direction == MessageDirection.Outbound ? DeliveryState.Sent : null,
        };
        db.Messages.Add(message);
        return message;
    }

    private sealed class PinnedClock : TimeProvider
    {
        public DateTime At { get; set; }

        public override DateTimeOffset GetUtcNow() => new(At, TimeSpan.Zero);
    }
}
