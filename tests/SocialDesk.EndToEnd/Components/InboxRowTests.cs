using Bunit;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Triage;
using SocialDesk.Web.Inbox;

namespace SocialDesk.EndToEnd.Components;

public sealed class InboxRowTests : ComponentContext
{
    private static ConversationSummary Conversation(string? lastMessage, Guid? assignee = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), "x", ConversationStatus.Open, false, assignee, Guid.NewGuid(), "Camille Martin", lastMessage, 1,
        new TriageView("fr", "negative", -0.8, "complaint", true, ["outage"], 45, [], 70),
        DateTime.UtcNow, DateTime.UtcNow, null, null, 0, ConversationPriority.High, 80, null,
        new SlaView(null, null, null, null, null, null, null, null));

    [Fact]
    public void A_row_shows_the_first_line_that_says_something_and_nobody_when_unassigned()
    {
        var row = Bunit.Render<InboxRow>(p => p.Add(r => r.Conversation, Conversation("\n  Ma box est en panne  \nDepuis ce matin")));

        Assert.Equal("Ma box est en panne", row.Find(".text").TextContent);
        Assert.Contains("Camille Martin", row.Find(".customer").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nobody", row.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_first_line_is_cut_to_fit_the_row()
    {
        var line = InboxRow.FirstLine(new string('a', 500));

        Assert.Equal(InboxRow.MaxFirstLine, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_a_row_selects_its_conversation()
    {
        var conversation = Conversation("Hello");
        Guid? selected = null;
        var row = Bunit.Render<InboxRow>(p => p.Add(r => r.Conversation, conversation).Add(r => r.Select, id => selected = id));

        row.Find("tr").Click();

        Assert.Equal(conversation.Id, selected);
    }

    [Fact]
    public void The_selected_row_says_so_to_assistive_technology()
    {
        var row = Bunit.Render<InboxRow>(p => p.Add(r => r.Conversation, Conversation("Hello")).Add(r => r.Selected, true));

        Assert.Equal("true", row.Find("tr").GetAttribute("aria-current"));
    }
}
