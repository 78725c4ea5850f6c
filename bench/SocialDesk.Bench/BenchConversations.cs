using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;

namespace SocialDesk.Bench;

/// <summary>
/// Open conversations for the SLA and inbox benches, written through the product's lifecycle: one X channel, a default
/// policy (first response 30 min, resolution 24 h, warning 10 min before, escalation raising priority and notifying
/// supervisors), N customers who wrote over the last 24 hours, answered after 10 minutes.
/// </summary>
public static class BenchConversations
{
    public const string AccountId = "1000";
    public const string ConsumerSecret = "bench-consumer-secret";

    public static async Task SeedAsync(IServiceProvider services, int count, DateTime now)
    {
        Guid workspaceId;
        Guid channelId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            workspaceId = (await db.Workspaces.SingleAsync()).Id;
            var channel = new Channel
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Kind = "x",
                Name = "@bench",
                Settings = new() { ["accountId"] = AccountId, ["handle"] = "bench", ["apiBaseUrl"] = "https://api.x.com" },
                Secrets = new() { ["consumerSecret"] = ConsumerSecret, ["accessToken"] = "unused" },
                CreatedAt = now,
            };
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

    public static Message Add(AppDbContext db, Conversation conversation, string id, MessageDirection direction, DateTime at)
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
}
