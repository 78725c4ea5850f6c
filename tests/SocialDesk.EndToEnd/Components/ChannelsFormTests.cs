using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class ChannelsFormTests
{
    private static readonly IChannelConnector X = new XConnector(null!);
    private static readonly IChannelConnector Facebook = new FacebookConnector(null!, TimeProvider.System);

    [Fact]
    public void A_channel_read_into_the_form_sends_its_settings_back_and_leaves_its_secrets_as_they_are()
    {
        var channel = new ChannelEndpoints.ChannelView(Guid.NewGuid(), "x", "@Brand", new Dictionary<string, string> { ["accountId"] = "42", ["handle"] = "Brand", ["apiBaseUrl"] = "https://api.x.com" },
            ["accessToken", "consumerSecret"], "/webhooks/x/1", DateTime.UtcNow);

        var request = ChannelsForm.Of(channel).ToUpdate(X);

        Assert.Equal("@Brand", request.Name);
        Assert.Equal(channel.Settings, request.Settings);
    }

    [Fact]
    public void A_secret_typed_on_an_existing_channel_replaces_it_and_blanks_are_not_sent()
    {
        var form = new ChannelsForm { Id = Guid.NewGuid(), Name = "Page" };
        form.Settings["appSecret"] = "  new-secret ";
        form.Settings["verifyToken"] = " ";

        Assert.Equal(new Dictionary<string, string> { ["appSecret"] = "new-secret" }, form.ToUpdate(Facebook).Settings);
    }

    [Fact]
    public void Settings_typed_for_another_kind_before_it_changed_are_left_out()
    {
        var form = new ChannelsForm { Name = "Page" };
        form.Settings["accountId"] = "42";
        form.Kind = "facebook";
        form.Settings["pageId"] = "104";

        Assert.Equal(new Dictionary<string, string> { ["pageId"] = "104" }, form.Typed(Facebook));
    }
}
