using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Conversations;

/// <summary>Why working a conversation was refused.</summary>
public enum WorkRefusal
{
    /// <summary>No conversation of that id that the caller may see.</summary>
    NotFound,
    UnknownAssignee,
    UnknownTeam,
    BadNote,
}

/// <summary>
/// The agent to assign (null: nobody) and, to hand the conversation over, the team whose queue takes it (null: unchanged),
/// with a note for the team that travels with the conversation (a note marked with the team it was handed to).
/// </summary>
public sealed record Assignment(Guid? AssigneeId, Guid? TeamId = null, string? Note = null);

/// <summary>Working a conversation as the caller: assign, hand over, resolve, reopen, wait for the customer, set the priority, note. The API and the web app act here; permissions are checked by the caller's door.</summary>
public static class ConversationCommands
{
    public const int MaxNoteLength = 10_000;

    /// <summary>Assigns to an agent (null: nobody) and, to hand the conversation over, moves it to a team's queue (null: unchanged).</summary>
    public static async Task<WorkRefusal?> AssignAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, Assignment assignment, TimeProvider time, CancellationToken cancellationToken)
    {
        var (assigneeId, teamId, handoverNote) = assignment;
        var workspaceId = caller.WorkspaceId();
        var conversation = await db.Visible(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return WorkRefusal.NotFound;
        }

        if (assigneeId is { } assignee && !await db.Memberships.AnyAsync(m => m.UserId == assignee && m.WorkspaceId == workspaceId, cancellationToken))
        {
            return WorkRefusal.UnknownAssignee;
        }

        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.WorkspaceId == workspaceId, cancellationToken))
        {
            return WorkRefusal.UnknownTeam;
        }

        if (handoverNote is not null && !IsNoteText(handoverNote))
        {
            return WorkRefusal.BadNote;
        }

        conversation.AssigneeId = assigneeId;
        conversation.TeamId = teamId ?? conversation.TeamId;
        if (handoverNote is not null)
        {
            db.Notes.Add(new Note
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                ConversationId = id,
                AuthorUserId = caller.UserId(),
                Text = handoverNote,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                HandoverToTeamId = conversation.TeamId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Resolves; an already resolved conversation is left as it is. Null when the caller sees no such conversation.</summary>
    public static Task<Conversation?> ResolveAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        db.ChangeStatusAsync(caller, id, conversation =>
        {
            if (conversation.Status == ConversationStatus.Resolved)
            {
                return false;
            }

            lifecycle.Resolve(conversation, time.GetUtcNow().UtcDateTime, caller.UserId());
            return true;
        }, cancellationToken);

    /// <summary>Reopens a resolved conversation; another is left as it is. Null when the caller sees no such conversation.</summary>
    public static Task<Conversation?> ReopenAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        db.ChangeStatusAsync(caller, id, conversation =>
        {
            if (conversation.Status != ConversationStatus.Resolved)
            {
                return false;
            }

            lifecycle.Reopen(conversation, time.GetUtcNow().UtcDateTime, caller.UserId());
            return true;
        }, cancellationToken);

    /// <summary>Waiting for the customer: the SLA clocks stop until they write again. A resolved conversation is reopened first. Null when the caller sees no such conversation.</summary>
    public static Task<Conversation?> PendAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, ConversationLifecycle lifecycle, TimeProvider time, CancellationToken cancellationToken) =>
        db.ChangeStatusAsync(caller, id, conversation =>
        {
            if (conversation.Status == ConversationStatus.Pending)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (conversation.Status == ConversationStatus.Resolved)
            {
                lifecycle.Reopen(conversation, now, caller.UserId());
            }

            lifecycle.Pend(conversation, now);
            return true;
        }, cancellationToken);

    /// <summary>Sets the priority by hand; the inbox's order follows. Null when the caller sees no such conversation.</summary>
    public static Task<Conversation?> SetPriorityAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, ConversationPriority priority, SlaClock sla, CancellationToken cancellationToken) =>
        db.ChangeStatusAsync(caller, id, conversation =>
        {
            conversation.Priority = priority;
            sla.Refresh(conversation);
            return true;
        }, cancellationToken);

    /// <summary>An internal note, seen by the team and never by the customer.</summary>
    public static async Task<(WorkRefusal? Refusal, Note? Note)> AddNoteAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, string? text, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Visible(caller).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return (WorkRefusal.NotFound, null);
        }

        if (!IsNoteText(text))
        {
            return (WorkRefusal.BadNote, null);
        }

        var note = new Note
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = caller.WorkspaceId(),
            ConversationId = id,
            AuthorUserId = caller.UserId(),
            Text = text,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return (null, note);
    }

    private static bool IsNoteText([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= MaxNoteLength && !text.Contains('\0', StringComparison.Ordinal);

    /// <summary>Applies a status change; asking for the status the conversation already has changes nothing and is not an error.</summary>
    private static async Task<Conversation?> ChangeStatusAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, Func<Conversation, bool> change, CancellationToken cancellationToken)
    {
        var conversation = await db.Visible(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is not null && change(conversation))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return conversation;
    }
}
