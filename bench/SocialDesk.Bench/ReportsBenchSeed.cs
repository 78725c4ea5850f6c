using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Triage;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Bench;

/// <summary>
/// Fills the report bench's database: 1,000,000 messages in 200,000 conversations over the two years before today,
/// on three channels, held by three teams (one with a business calendar) or by none, answered by eight agents or by
/// the brand outside SocialDesk, some resolved, some reopened; under two SLA policies, each target met or breached.
/// Conversations live through the product's own <see cref="ConversationLifecycle"/>, so the reporting events are
/// exactly the ones the pipeline writes; rows are inserted through the AppDbContext, a few thousand conversations per SaveChanges.
/// </summary>
public static class ReportsBenchSeed
{
    public const int Conversations = 200_000;

    // Three to seven messages each, five on average: exactly 1,000,000.
    public const int Messages = Conversations * 5;
    private const int ConversationsPerSave = 2_000;
    private static readonly string[] Languages = ["en", "en", "en", "en", "fr", "fr", "es", "de", "it", "nl"];
    private static readonly string[] Sentiments = ["negative", "negative", "neutral", "neutral", "neutral", "positive"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    private static readonly string[] Topics = ["outage", "billing", "waiting", "reliability", "rudeness", "no_help", "incompetence", "delivery", "account"];

    /// <summary>Seeds an empty database; reuses one already seeded; refuses any other.</summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services, DateTime now)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var held = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Messages.CountAsync();
            if (held == Messages)
            {
                Console.WriteLine($"reports: reusing the seeded database ({held} messages)");
                await EnsureSlaOutcomesAsync(services, now);
                return true;
            }

            if (held != 0)
            {
                Console.Error.WriteLine($"reports: the database holds {held} messages, not {Messages}: give an empty or a seeded one.");
                return false;
            }
        }

        var clock = Stopwatch.StartNew();
        await SeedAsync(services, now);
        Console.WriteLine($"reports: seeded {Messages} messages in {Conversations} conversations in {clock.Elapsed.TotalSeconds:0} s");
        await EnsureSlaOutcomesAsync(services, now);
        return true;
    }

    /// <summary>
    /// The SLA outcomes of every response and resolution, as the SLA worker records them, under two policies (one
    /// conversation in two each): met when it came in time, breached at its due time otherwise.
    /// </summary>
    private static async Task EnsureSlaOutcomesAsync(IServiceProvider services, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.SlaEvents.AnyAsync())
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var workspaceId = (await db.Workspaces.SingleAsync()).Id;
        SlaPolicy[] policies =
        [
            new() { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "Fast lane", FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 8 * 60, CreatedAt = now },
            new() { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "Standard", IsDefault = true, FirstResponseMinutes = 2 * 60, NextResponseMinutes = 4 * 60, ResolutionMinutes = 24 * 60, CreatedAt = now },
        ];
        db.SlaPolicies.AddRange(policies);
        await db.SaveChangesAsync();
        var measured = await db.ReportingEvents.AsNoTracking()
            .Where(e => e.ValueSeconds != null && (e.Name == ReportingEventNames.FirstResponse || e.Name == ReportingEventNames.ReplySent || e.Name == ReportingEventNames.Resolved))
            .Select(e => new { e.WorkspaceId, e.ConversationId, e.TeamId, e.Name, e.OccurredAt, Seconds = e.ValueSeconds!.Value })
            .ToListAsync();
        foreach (var batch in measured.Chunk(20_000))
        {
            db.ChangeTracker.Clear();
            db.SlaEvents.AddRange(batch.Select(e =>
            {
                var policy = policies[e.ConversationId.GetHashCode() & 1];
                var (target, minutes) = e.Name switch
                {
                    ReportingEventNames.FirstResponse => (SlaTargetKind.FirstResponse, policy.FirstResponseMinutes!.Value),
                    ReportingEventNames.ReplySent => (SlaTargetKind.NextResponse, policy.NextResponseMinutes!.Value),
                    _ => (SlaTargetKind.Resolution, policy.ResolutionMinutes!.Value),
                };
                var due = e.OccurredAt.AddSeconds(minutes * 60 - e.Seconds);
                return new SlaEvent
                {
                    WorkspaceId = e.WorkspaceId,
                    ConversationId = e.ConversationId,
                    PolicyId = policy.Id,
                    TeamId = e.TeamId,
                    Target = target,
                    Kind = due >= e.OccurredAt ? SlaEventKind.Met : SlaEventKind.Breached,
                    DueAt = due,
                    OccurredAt = due >= e.OccurredAt ? e.OccurredAt : due,
                };
            }));
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"reports: seeded {measured.Count} SLA outcomes in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task SeedAsync(IServiceProvider services, DateTime now)
    {
        var random = new Random(42);
        Guid workspaceId;
        Guid[] channels;
        Guid?[] repliers;
        Guid?[] teams;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            workspaceId = (await db.Workspaces.SingleAsync()).Id;
            var agents = Enumerable.Range(1, 8).Select(i => new User
            {
                Id = Guid.CreateVersion7(),
                UserName = $"agent{i}@bench.socialdesk.local",
                Email = $"agent{i}@bench.socialdesk.local",
                DisplayName = $"Agent {i}",
                CreatedAt = now,
            }).ToList();
            var kinds = new[] { ("x", "@bench"), ("facebook", "Bench page"), ("x", "@bench_help") };
            var created = kinds.Select(k => new Channel { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Kind = k.Item1, Name = k.Item2, CreatedAt = now }).ToList();
            db.Users.AddRange(agents);
            db.Memberships.AddRange(agents.Select(a => new Membership { WorkspaceId = workspaceId, UserId = a.Id, Role = Roles.Agent, CreatedAt = now }));
            db.Channels.AddRange(created);
            var office = new SlaCalendar
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "Paris office",
                Definition = new BusinessCalendarDefinition
                {
                    TimeZone = "Europe/Paris",
                    Hours = Weekdays.ToDictionary(day => day, IReadOnlyList<LocalRange> (_) => [new LocalRange("09:00", "18:00")]),
                },
                CreatedAt = now,
            };
            var createdTeams = new[] { ("Care", (Guid?)office.Id), ("Billing", null), ("Escalations", null) }
                .Select(t => new Team { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = t.Item1, CalendarId = t.Item2, CreatedAt = now })
                .ToList();
            db.SlaCalendars.Add(office);
            db.Teams.AddRange(createdTeams);
            await db.SaveChangesAsync();
            channels = [.. created.Select(c => c.Id)];

            // One conversation in four is held by no team.
            teams = [.. createdTeams.Select(t => (Guid?)t.Id), null];

            // One reply in seven is the brand's own, posted outside SocialDesk.
            repliers = [.. agents.Select(a => (Guid?)a.Id), null];
        }

        // Conversations start in time order, as a live pipeline writes them, so that a period's rows lie together as they would.
        var starts = Enumerable.Range(0, Conversations)
            .Select(_ => now.AddDays(-730) + (random.NextDouble() * (TimeSpan.FromDays(730) - TimeSpan.FromHours(1))))
            .Order()
            .ToArray();
        for (var first = 0; first < Conversations; first += ConversationsPerSave)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lifecycle = scope.ServiceProvider.GetRequiredService<ConversationLifecycle>();
            for (var number = first; number < first + ConversationsPerSave; number++)
            {
                Converse(db, lifecycle, random, workspaceId, channels[random.Next(channels.Length)], teams[random.Next(teams.Length)], repliers, number, 3 + (number % 5), starts[number], now);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// One conversation of <paramref name="messageCount"/> messages: the customer writes, sometimes twice; one
    /// conversation in ten is never answered; after an answer the conversation is resolved one time in four, and a
    /// customer who writes again reopens it.
    /// </summary>
    private static void Converse(
        AppDbContext db, ConversationLifecycle lifecycle, Random random, Guid workspaceId, Guid channelId, Guid? teamId, Guid?[] repliers,
        int number, int messageCount, DateTime start, DateTime now)
    {
        var contact = new Contact { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, DisplayName = $"Customer {number}", CreatedAt = start };
        var identity = new ContactIdentity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            ContactId = contact.Id,
            Platform = "x",
            PlatformUserId = $"bench-{number}",
        };
        db.Contacts.Add(contact);
        db.ContactIdentities.Add(identity);
        var conversation = lifecycle.Open(workspaceId, channelId, contact.Id, isPrivate: false, start);
        conversation.TeamId = teamId;
        var answered = random.Next(10) > 0;
        var at = start;
        string? previous = null;
        var customerWroteLast = false;
        for (var sequence = 0; sequence < messageCount; sequence++)
        {
            var fromCustomer = !answered || !customerWroteLast || random.Next(3) == 0;
            var message = new Message
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                ConversationId = conversation.Id,
                ChannelId = channelId,
                Direction = fromCustomer ? MessageDirection.Inbound : MessageDirection.Outbound,
                PlatformMessageId = $"bench-{number}-{sequence}",
                ReplyToPlatformMessageId = previous,
                AuthorIdentityId = fromCustomer ? identity.Id : null,
                AuthorUserId = fromCustomer ? null : repliers[random.Next(repliers.Length)],
                Text = fromCustomer ? "My service has been down since this morning, any news?" : "Sorry about that, we are looking into it.",
                PlatformTime = at,
                ReceivedAt = at,
                Delivery = fromCustomer ? null : DeliveryState.Sent,
                Triage = fromCustomer ? Labels(random) : null,
            };
            db.Messages.Add(message);
            if (fromCustomer)
            {
                lifecycle.Receive(conversation, message);
            }
            else
            {
                lifecycle.Respond(conversation, message, at);
                if (random.Next(4) == 0)
                {
                    at = Later(at, random, now);
                    lifecycle.Resolve(conversation, at, Agent(repliers, random));
                }
            }

            customerWroteLast = fromCustomer;
            previous = message.PlatformMessageId;
            at = Later(at, random, now);
        }

        if (answered && conversation.Status != ConversationStatus.Resolved && random.Next(5) > 0)
        {
            lifecycle.Resolve(conversation, at, Agent(repliers, random));
        }
    }

    // Only agents resolve; the last replier is the brand outside SocialDesk.
    private static Guid? Agent(Guid?[] repliers, Random random) => repliers[random.Next(repliers.Length - 1)];

    // Mostly minutes, sometimes a day or more; never after now, so that the last days hold whole conversations.
    private static DateTime Later(DateTime at, Random random, DateTime now)
    {
        var next = at + TimeSpan.FromSeconds(30 + (Math.Pow(random.NextDouble(), 4) * 2 * 86_400));
        return next < now ? next : now;
    }

    private static TriageLabels Labels(Random random)
    {
        var sentiment = Sentiments[random.Next(Sentiments.Length)];
        var topics = Topics.Where(_ => random.Next(6) == 0).ToList();
        return new TriageLabels
        {
            Language = Languages[random.Next(Languages.Length)],
            Sentiment = sentiment,
            Intent = sentiment == "negative" ? "complaint" : "question",
            Actionable = sentiment != "positive",
            Topics = $" {string.Join(' ', topics)} ",
            Urgency = random.Next(100),
        };
    }
}
