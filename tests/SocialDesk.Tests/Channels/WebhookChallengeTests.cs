using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Channels;

namespace SocialDesk.Tests.Channels;

/// <summary>The platforms' checks of a webhook URL, as the connectors make them for the web app's "Test the webhook".</summary>
public sealed class WebhookChallengeTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Theory]
    [InlineData("x")]
    [InlineData("facebook")]
    public async Task The_platform_s_check_passes_on_the_channel_s_own_webhook(string kind)
    {
        var (channel, challenge) = await ChallengeAsync(kind);

        var answer = await app.CreateClient().GetAsync(QueryHelpers.AddQueryString(channel.WebhookPath, challenge.Query));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(challenge.Refusal(await answer.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("x", "{\"response_token\":\"sha256=AAAA\"}", "The answer's response_token is sha256=AAAA; the HMAC-SHA256 of the crc_token with the channel's consumer secret is sha256=")]
    [InlineData("x", "<html>welcome</html>", "The answer is not a CRC response: The body is not valid JSON")]
    [InlineData("x", "{}", "The answer is not a CRC response: '$.response_token' is missing.")]
    [InlineData("facebook", "welcome", "The answer is 'welcome', not the hub.challenge 'nonce-1'.")]
    public async Task An_answer_that_is_not_the_platform_s_expected_one_is_refused_with_what_was_expected(string kind, string body, string refusal)
    {
        var (_, challenge) = await ChallengeAsync(kind);

        Assert.StartsWith(refusal, challenge.Refusal(body));
    }

    private async Task<(ChannelEndpoints.ChannelView Channel, WebhookChallenge Challenge)> ChallengeAsync(string kind)
    {
        var channel = kind == "x" ? await app.CreateXChannelAsync() : await app.CreateFacebookChannelAsync();
        using var scope = app.Services.CreateScope();
        var stored = await SocialDeskFactory.Database(scope).Channels.AsNoTracking().SingleAsync(c => c.Id == channel.Id);
        return (channel, scope.ServiceProvider.GetRequiredService<ChannelConnectors>().Get(kind).Challenge(stored, "nonce-1"));
    }
}
