using Microsoft.AspNetCore.Components.Web;
using SocialDesk.Web.Inbox;

namespace SocialDesk.EndToEnd.Components;

public sealed class InboxKeysTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();
    private static readonly Guid[] Rows = [First, Second, Third];

    [Theory]
    [InlineData("j", InboxCommand.Next)]
    [InlineData("k", InboxCommand.Previous)]
    [InlineData("Enter", InboxCommand.Open)]
    [InlineData("o", InboxCommand.Open)]
    [InlineData("r", InboxCommand.Reply)]
    [InlineData("e", InboxCommand.Resolve)]
    [InlineData("a", InboxCommand.Assign)]
    public void Each_shortcut_key_names_its_command(string key, InboxCommand command) =>
        Assert.Equal(command, InboxKeys.CommandOf(new KeyboardEventArgs { Key = key }));

    [Fact]
    public void A_key_with_a_modifier_or_another_key_does_nothing() =>
        Assert.All([new KeyboardEventArgs { Key = "r", CtrlKey = true }, new KeyboardEventArgs { Key = "e", MetaKey = true }, new KeyboardEventArgs { Key = "x" }],
            key => Assert.Null(InboxKeys.CommandOf(key)));

    [Fact]
    public void J_and_k_move_down_and_up_and_stay_at_the_ends()
    {
        Assert.Equal(Second, InboxKeys.Move(Rows, First, InboxCommand.Next));
        Assert.Equal(Third, InboxKeys.Move(Rows, Third, InboxCommand.Next));
        Assert.Equal(First, InboxKeys.Move(Rows, Second, InboxCommand.Previous));
        Assert.Equal(First, InboxKeys.Move(Rows, First, InboxCommand.Previous));
    }

    [Fact]
    public void A_move_from_a_conversation_that_left_the_list_selects_the_first() =>
        Assert.Equal(First, InboxKeys.Move(Rows, Guid.NewGuid(), InboxCommand.Next));

    [Fact]
    public void Nothing_is_selected_in_an_empty_list() =>
        Assert.Null(InboxKeys.Move([], First, InboxCommand.Next));
}
