using Bunit;
using SocialDesk.Features.Audit;
using SocialDesk.Web.Conversations;

namespace SocialDesk.EndToEnd.Components;

public sealed class ConversationTrailTests() : ComponentContext("fr")
{
    private static readonly Guid Camille = Guid.NewGuid();

    private static AuditEndpoints.AuditEntryView Entry(int minute, Guid? actor, string action) =>
        new(minute, new DateTime(2026, 11, 30, 9, minute, 0, DateTimeKind.Utc), actor, null, "127.0.0.1", action, "conversation", "c", null, null);

    [Fact]
    public void Each_entry_says_when_who_and_what_in_the_user_s_language_in_the_order_given()
    {
        var trail = Bunit.Render<ConversationTrail>(p => p
            .Add(t => t.Entries, [Entry(40, Camille, "reply.create"), Entry(30, null, "conversation.resolve"), Entry(20, Camille, "conversation.tag")])
            .Add(t => t.NameOf, id => id == Camille ? "Camille" : "")
            .Add(t => t.Time, utc => utc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Add(t => t.LabelledBy, "trail-title"));

        var rows = trail.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(
            [["09:40", "Camille", "Réponse écrite"], ["09:30", "Le système", "Résolue"], ["09:20", "Camille", "conversation.tag"]],
            rows);
        Assert.Equal(["Quand", "Qui", "Action"], trail.FindAll("th[scope=col]").Select(h => h.TextContent));
    }

    [Fact]
    public void An_empty_trail_says_nothing_was_recorded() =>
        Assert.Contains("Rien d'enregistré", Bunit.Render<ConversationTrail>(p => p
            .Add(t => t.Entries, []).Add(t => t.NameOf, _ => "").Add(t => t.Time, _ => "").Add(t => t.LabelledBy, "trail-title")).Markup, StringComparison.Ordinal);
}
