using Bunit;
using SocialDesk.Features.Triage;
using SocialDesk.Web.Conversations;

namespace SocialDesk.EndToEnd.Components;

public sealed class LanguageTests() : ComponentContext("fr")
{
    [Fact]
    public void Triage_labels_speak_french_and_a_workspace_topic_keeps_its_own_name()
    {
        var chips = Bunit.Render<TriageChips>(p => p.Add(c => c.Triage, new TriageView("fr", "negative", -0.8, "complaint", true, ["billing", "roaming"], null, [], 40)));

        var labels = chips.FindAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Négatif", "Réclamation", "Facturation", "roaming", "FR"], labels);
    }
}
