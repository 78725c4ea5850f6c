using Microsoft.Extensions.Options;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Features.Conversations;

namespace SocialDesk.Tests.Conversations;

/// <summary>What the conversation page offers to do to a message: the API's own check, and nothing already done.</summary>
public sealed class ModerationAllowedTests : IDisposable
{
    private static readonly DateTime At = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private readonly HttpClient http = new();

    private static MessageView Message(MessageDirection direction = MessageDirection.Inbound, bool isPrivate = false, DateTime? hiddenAt = null, DateTime? deletedAt = null) =>
        new(Guid.NewGuid(), direction, isPrivate, "9001", null, null, null, "text", null, At, At, null, null, deletedAt, hiddenAt);

    [Fact]
    public void X_offers_to_hide_a_public_post_and_never_to_delete_it()
    {
        var x = new XConnector(new PlatformHttp(http, Options.Create(new ChannelOptions())));

        Assert.Equal([Moderation.Hide], MessageModeration.Allowed(x, Message()));
        Assert.Empty(MessageModeration.Allowed(x, Message(hiddenAt: At)));
        Assert.Empty(MessageModeration.Allowed(x, Message(isPrivate: true)));
    }

    [Fact]
    public void Facebook_offers_to_hide_and_delete_a_comment_and_nothing_once_it_is_deleted()
    {
        var facebook = new FacebookConnector(new PlatformHttp(http, Options.Create(new ChannelOptions())), TimeProvider.System);

        Assert.Equal([Moderation.Hide, Moderation.Delete], MessageModeration.Allowed(facebook, Message()));
        Assert.Equal([Moderation.Delete], MessageModeration.Allowed(facebook, Message(hiddenAt: At)));
        Assert.Empty(MessageModeration.Allowed(facebook, Message(deletedAt: At)));
        Assert.Empty(MessageModeration.Allowed(facebook, Message(direction: MessageDirection.Outbound)));
    }

    public void Dispose() => http.Dispose();
}
