using Bunit;
using MudBlazor;
using SocialDesk.Features.Replies;
using SocialDesk.Web.Conversations;

namespace SocialDesk.EndToEnd.Components;

public sealed class CannedReplyPickerTests : ComponentContext
{
    private static readonly CannedReplies.FilledReply[] Replies =
    [
        new(Guid.NewGuid(), "delay-apology", "en", "Sorry for the wait, Camille Martin: Alex is on it."),
        new(Guid.NewGuid(), "retard", "fr", "Bonjour Camille Martin, Alex s'en occupe."),
    ];

    [Fact]
    public void Choosing_a_canned_reply_gives_its_filled_text()
    {
        var popovers = Bunit.Render<MudPopoverProvider>();
        CannedReplies.FilledReply? chosen = null;
        var picker = Bunit.Render<CannedReplyPicker>(p => p.Add(c => c.Replies, Replies).Add(c => c.Choose, reply => chosen = reply));

        picker.Find(".mud-input-control").MouseDown();
        var options = popovers.FindAll(".mud-list-item");
        Assert.Equal(2, options.Count);
        Assert.Contains("Bonjour Camille Martin", options[1].TextContent, StringComparison.Ordinal);
        options[1].Click();

        Assert.Equal(Replies[1], chosen);
    }

    [Fact]
    public void The_chosen_reply_shows_by_its_name_and_none_shows_nothing()
    {
        var picker = Bunit.Render<CannedReplyPicker>(p => p.Add(c => c.Replies, Replies).Add(c => c.Chosen, Replies[0].Id));

        Assert.Equal("delay-apology", picker.Find("input").GetAttribute("value"));
        Assert.Empty(Bunit.Render<CannedReplyPicker>(p => p.Add(c => c.Replies, [])).Markup.Trim());
    }
}
