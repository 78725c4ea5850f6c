using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;

namespace SocialDesk.Features.Workspaces;

/// <summary>
/// Fills a workspace that has no channel with a demo X account and Facebook page and a few conversations
/// in French and English, written for the demo and fed through the ingestion pipeline like any other source; with SLA
/// policies (30 minutes on X), a French team working Lyon office hours and an English one around the clock, and canned replies.
/// </summary>
public sealed class DemoWorkspace(AppDbContext db, RawEventStore store, TimeProvider time)
{
    public async Task SeedAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        if (await db.Channels.AnyAsync(c => c.WorkspaceId == workspace.Id, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var x = new Channel
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            Kind = XConnector.KindName,
            Name = "@EnergieVerte (demo)",
            Settings = new() { ["accountId"] = "1000", ["handle"] = "EnergieVerte", ["apiBaseUrl"] = "https://api.x.com" },
            Secrets = new() { ["consumerSecret"] = "demo-consumer-secret", ["accessToken"] = "demo-access-token" },
            CreatedAt = now,
        };
        var page = new Channel
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            Kind = FacebookConnector.KindName,
            Name = "Énergie Verte page (demo)",
            Settings = new() { ["pageId"] = "2000", ["apiBaseUrl"] = "https://graph.facebook.com" },
            Secrets = new() { ["appSecret"] = "demo-app-secret", ["verifyToken"] = "demo-verify-token", ["pageAccessToken"] = "demo-page-token" },
            CreatedAt = now,
        };
        db.Channels.AddRange(x, page);
        AddWork(workspace.Id, now);
        await db.SaveChangesAsync(cancellationToken);

        var brand = new IncomingAuthor("1000", "EnergieVerte", "Énergie Verte");
        IncomingAuthor Customer(string id, string handle, string name, int followers) => new(id, handle, name, followers);
        var camille = Customer("501", "camille_lyon", "Camille Martin", 312);
        var john = Customer("502", "johnd_nyc", "John Doe", 12_400);
        var lea = Customer("503", "lea.b", "Léa Bernard", 87);
        var sam = Customer("504", "samwrites", "Sam Carter", 2_100);
        var marc = Customer("505", "marc_durand", "Marc Durand", 45);
        IncomingMessage Post(Channel channel, string id, IncomingAuthor author, string text, double minutesAgo, string? replyTo = null, bool isPrivate = false, IncomingAuthor? recipient = null) =>
            new(channel.Id, id, replyTo, author, text, new DateTimeOffset(now.AddMinutes(-minutesAgo)),
                author == brand ? MessageDirection.Outbound : MessageDirection.Inbound, isPrivate, recipient);

        IncomingMessage[] messages =
        [
            Post(x, "d-1", camille, "@EnergieVerte ça fait 45 minutes que j'attends au téléphone, toujours personne. Coupure de courant depuis ce matin à Lyon 3e !", 95),
            Post(x, "d-2", brand, "@camille_lyon Bonjour Camille, nous sommes désolés. Une équipe intervient sur le réseau de Lyon 3e, retour prévu vers 14 h. Pouvez-vous nous écrire en privé votre numéro de contrat ?", 80, "d-1"),
            Post(x, "d-3", camille, "@EnergieVerte merci, c'est envoyé en MP.", 75, "d-2"),
            Post(x, "d-4", camille, "Mon contrat : 12-4455-789. Toujours pas de courant…", 74, isPrivate: true, recipient: brand),
            Post(x, "d-5", john, "@EnergieVerte I've been on hold for 2 hours about a double charge on my bill. Not good at all.", 40),
            Post(x, "d-6", lea, "@EnergieVerte Bravo à votre technicien ce matin, rapide et très sympa 👏", 30),
            Post(x, "d-7", sam, "@EnergieVerte is there an outage in Brooklyn? Lights flickering since 8pm", 12),
            Post(page, "p-1_c-1", marc, "Deux jours que j'attends le remboursement promis, et aucune réponse à mes mails. Pas terrible.", 300, replyTo: "p-1"),
            Post(page, "m-1", Customer("9001", "9001", "Customer 9001", 0), "Hello, how do I move my contract to my new flat?", 20, isPrivate: true,
                recipient: new IncomingAuthor("2000")),
        ];
        await store.AppendAsync([new IncomingDelivery(workspace.Id, null, MessageBatch.Format, MessageBatch.Serialize(messages))], cancellationToken);
    }

    private void AddWork(Guid workspaceId, DateTime now)
    {
        LocalRange[] day = [new("08:00", "20:00")];
        var lyon = new SlaCalendar
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Name = "Lyon office",
            Definition = new BusinessCalendarDefinition
            {
                TimeZone = "Europe/Paris",
                Hours = new Dictionary<string, IReadOnlyList<LocalRange>>
                {
                    ["monday"] = day,
                    ["tuesday"] = day,
                    ["wednesday"] = day,
                    ["thursday"] = day,
                    ["friday"] = day,
                    ["saturday"] = [new("09:00", "12:00")],
                },
                Holidays = ["2026-12-25", "2027-01-01"],
            },
            CreatedAt = now,
        };
        db.SlaCalendars.Add(lyon);
        db.Teams.AddRange(
            new Team { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "Service client", CalendarId = lyon.Id, RouteLanguages = ["fr"], CreatedAt = now },
            new Team { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "Customer care", RoutingPosition = 1, RouteLanguages = ["en"], CreatedAt = now });
        db.SlaPolicies.AddRange(
            new SlaPolicy
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "X: 30 minutes",
                Channels = ["x"],
                FirstResponseMinutes = 30,
                NextResponseMinutes = 60,
                ResolutionMinutes = 8 * 60,
                WarningMinutes = 10,
                EscalateRaisePriority = true,
                EscalateNotifySupervisors = true,
                CreatedAt = now,
            },
            new SlaPolicy
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "Standard",
                IsDefault = true,
                FirstResponseMinutes = 2 * 60,
                NextResponseMinutes = 4 * 60,
                ResolutionMinutes = 24 * 60,
                WarningMinutes = 15,
                CreatedAt = now,
            });
        db.CannedReplies.AddRange(
            new CannedReply
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "attente",
                Language = "fr",
                CreatedAt = now,
                Text = "Bonjour {{customer.name}}, nous sommes désolés pour l'attente. {{agent.name}} s'occupe de votre demande et revient vers vous très vite.",
            },
            new CannedReply
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Name = "waiting",
                Language = "en",
                CreatedAt = now,
                Text = "Hi {{customer.name}}, sorry for the wait. {{agent.name}} is on it and will get back to you shortly.",
            });
    }
}
