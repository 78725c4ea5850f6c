using Microsoft.AspNetCore.Components.Web;

namespace SocialDesk.Web.Inbox;

/// <summary>What a key of the inbox does.</summary>
public enum InboxCommand
{
    Next,
    Previous,
    Open,
    Reply,
    Resolve,
    Assign,
}

/// <summary>The inbox's keyboard: j/k move, Enter or o open, r reply, e resolve, a assign to oneself.</summary>
public static class InboxKeys
{
    public static InboxCommand? CommandOf(KeyboardEventArgs key) =>
        key.CtrlKey || key.AltKey || key.MetaKey
            ? null
            : key.Key switch
            {
                "j" => InboxCommand.Next,
                "k" => InboxCommand.Previous,
                "Enter" or "o" => InboxCommand.Open,
                "r" => InboxCommand.Reply,
                "e" => InboxCommand.Resolve,
                "a" => InboxCommand.Assign,
                _ => null,
            };

    /// <summary>The conversation selected after a move: the next or previous one, staying at the ends; the first when none was.</summary>
    public static Guid? Move(IReadOnlyList<Guid> rows, Guid? selected, InboxCommand move)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var index = selected is { } id ? IndexOf(rows, id) : -1;
        if (index < 0)
        {
            return rows[0];
        }

        return rows[Math.Clamp(move == InboxCommand.Next ? index + 1 : index - 1, 0, rows.Count - 1)];
    }

    private static int IndexOf(IReadOnlyList<Guid> rows, Guid id)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
