using SocialDesk.Features.Replies;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class CannedRepliesFormTests
{
    [Fact]
    public void An_inserted_variable_is_written_as_the_api_reads_it_and_filled_in_the_preview()
    {
        var form = new CannedRepliesForm { Text = "Bonjour " };

        form.Insert("customer.name");

        Assert.Equal("Bonjour {{customer.name}}", form.Text);
        Assert.Empty(CannedReply.UnknownVariables(form.Text));
        Assert.Equal("Bonjour Camille", form.Preview(new Dictionary<string, string?> { ["customer.name"] = "Camille" }));
    }

    [Fact]
    public void No_language_means_any()
    {
        var request = new CannedRepliesForm { Name = "thanks", Language = " ", Text = "Thanks!" }.ToRequest();

        Assert.Equal(("thanks", "Thanks!", null), (request.Name, request.Text, request.Language));
    }
}
