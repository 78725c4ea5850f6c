using Bunit;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Conversations;
using SocialDesk.Web.Conversations;

namespace SocialDesk.EndToEnd.Components;

public sealed class ModerationActionsTests : ComponentContext
{
    private static readonly DateTime At = new(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);

    private static MessageView Comment(DateTime? hiddenAt = null) => new(
        Guid.NewGuid(), MessageDirection.Inbound, false, "555_9001", null, null, null, "Scam! Call 0800 000 000 for free credit", null, At, At, null, null, null, hiddenAt);

    private IRenderedComponent<ModerationActions> Render(MessageView message, IReadOnlyList<Moderation> allowed, List<Moderation> asked) =>
        Bunit.Render<ModerationActions>(p => p
            .Add(m => m.Message, message)
            .Add(m => m.Allowed, allowed)
            .Add(m => m.Time, utc => utc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Add(m => m.Moderate, asked.Add));

    [Fact]
    public void Nothing_shows_where_the_channel_cannot_moderate_the_message() =>
        Assert.Empty(Render(Comment(), [], []).Markup.Trim());

    [Fact]
    public void Hiding_is_asked_of_the_platform_at_once()
    {
        var asked = new List<Moderation>();

        Render(Comment(), [Moderation.Hide, Moderation.Delete], asked).FindAll("button").Single(b => b.TextContent.Trim() == "Hide").Click();

        Assert.Equal([Moderation.Hide], asked);
    }

    [Fact]
    public void Deleting_asks_for_a_confirmation_first_and_cancelling_deletes_nothing()
    {
        var asked = new List<Moderation>();
        var actions = Render(Comment(), [Moderation.Hide, Moderation.Delete], asked);

        actions.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        Assert.Contains("It cannot be undone", actions.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(asked);
        actions.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Empty(actions.FindAll("[role=alert]"));
        actions.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        actions.FindAll("button").Single(b => b.TextContent.Trim() == "Delete for good").Click();

        Assert.Equal([Moderation.Delete], asked);
        Assert.Empty(actions.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_hidden_message_is_marked_with_the_time_the_platform_confirmed_it()
    {
        var actions = Render(Comment(hiddenAt: At.AddMinutes(5)), [Moderation.Delete], []);

        Assert.Equal("Hidden on the platform · 09:20", actions.Find(".mark").TextContent.Trim());
        Assert.DoesNotContain(actions.FindAll("button"), b => b.TextContent.Trim() == "Hide");
    }
}
