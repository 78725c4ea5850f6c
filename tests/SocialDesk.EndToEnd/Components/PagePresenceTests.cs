using SocialDesk.Features.Live;
using SocialDesk.Web.Conversations;

namespace SocialDesk.EndToEnd.Components;

public sealed class PagePresenceTests
{
    private readonly Presence presence = new();
    private readonly Guid workspace = Guid.NewGuid();
    private readonly Guid conversation = Guid.NewGuid();
    private readonly Guid me = Guid.NewGuid();
    private readonly Guid colleague = Guid.NewGuid();

    [Fact]
    public void A_page_sees_a_colleague_viewing_then_writing_and_not_itself()
    {
        var changes = 0;
        using var mine = new PagePresence(presence, workspace, conversation, me, () =>
        {
            Interlocked.Increment(ref changes);
            return Task.CompletedTask;
        });
        using var theirs = new PagePresence(presence, workspace, conversation, colleague, () => Task.CompletedTask);
        Assert.Equal([new Colleague(colleague, false)], mine.Others());
        var before = changes;

        theirs.Composing("Hello, ");
        theirs.Composing("Hello, we are");

        Assert.Equal([new Colleague(colleague, true)], mine.Others());
        Assert.Equal(before + 1, changes);
    }

    [Fact]
    public void A_closed_page_leaves_the_conversation_and_says_so_to_the_hub()
    {
        var announced = new List<Guid>();
        presence.Changes.SubscribeAll((_, ids) => announced.AddRange(ids));
        using var mine = new PagePresence(presence, workspace, conversation, me, () => Task.CompletedTask);

        new PagePresence(presence, workspace, conversation, colleague, () => Task.CompletedTask).Dispose();

        Assert.Empty(mine.Others());
        Assert.Equal([conversation, conversation, conversation], announced);
    }

    [Fact]
    public void Writers_come_before_viewers() =>
        Assert.Equal([new Colleague(colleague, true), new Colleague(Guid.Empty, false)], PagePresence.Colleagues([Guid.Empty, colleague, me], [colleague], me));
}
