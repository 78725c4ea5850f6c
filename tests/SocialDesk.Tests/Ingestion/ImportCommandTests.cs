using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Tests.Ingestion;

public sealed class ImportCommandTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [SharedDataFact("fixtures/twcs-sample.csv")]
    public async Task A_twcs_history_is_threaded_into_conversations_with_its_brand_replies_as_responses()
    {
        var channel = await app.CreateXChannelAsync();
        var command = new RootCommand { ImportCommand.Create() };

        var exit = await command.Parse([
            "import", "--format", "twcs", "--channel", channel.Id.ToString(), SharedData.PathOf("fixtures/twcs-sample.csv"), .. app.DatabaseArguments,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        // 93 rows, of which two brand replies answer tweets the sample does not hold: they thread into nothing.
        Assert.Equal(91, await db.Messages.CountAsync(m => m.ChannelId == channel.Id));
        var conversations = await db.Conversations.Where(c => c.ChannelId == channel.Id).ToListAsync();
        Assert.InRange(conversations.Count, 10, 60);
        Assert.Contains(conversations, c => c.FirstResponseAt is not null);
        Assert.All(conversations.Where(c => c.FirstResponseAt is not null), c => Assert.True(c.FirstResponseAt >= c.StartedAt));
        Assert.True(await db.Messages.AnyAsync(m => m.ChannelId == channel.Id && m.Direction == MessageDirection.Outbound));
    }
}
