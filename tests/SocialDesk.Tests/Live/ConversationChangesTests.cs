using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Live;

namespace SocialDesk.Tests.Live;

public sealed class ConversationChangesTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_webhook_and_a_note_are_announced_to_the_workspace_and_not_to_another()
    {
        var channel = await app.CreateXChannelAsync();
        Guid workspaceId;
        using (var scope = app.Services.CreateScope())
        {
            workspaceId = (await SocialDeskFactory.Database(scope).Channels.FindAsync(channel.Id))!.WorkspaceId;
        }

        var changes = app.Services.GetRequiredService<ConversationChanges>();
        var heard = new ConcurrentQueue<Guid>();
        var elsewhere = new ConcurrentQueue<Guid>();
        using var mine = changes.Subscribe(workspaceId, ids => ids.ToList().ForEach(heard.Enqueue));
        using var other = changes.Subscribe(Guid.NewGuid(), ids => ids.ToList().ForEach(elsewhere.Enqueue));

        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet("9100", "4100", "@brand my parcel is late", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0];
        await SocialDeskFactory.EventuallyAsync(() => Task.FromResult(heard.ToArray()), ids => ids.Contains(conversation.Id));

        heard.Clear();
        var note = await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation.Id}/notes", new { text = "Checking with the carrier." });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        Assert.Contains(conversation.Id, heard);
        Assert.Empty(elsewhere);
    }
}
