using System.Security.Claims;
using SocialDesk.Data;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Conversations;

/// <summary>
/// Which conversations of the workspace a caller sees: admins and supervisors all of them; agents those assigned to
/// them and those in their teams' queues; community managers the public ones. Every conversation query starts here,
/// so a conversation one may not see answers 404, like one of another workspace.
/// </summary>
public static class ConversationAccess
{
    public static IQueryable<Conversation> Visible(this AppDbContext db, ClaimsPrincipal caller)
    {
        var workspaceId = caller.WorkspaceId();
        var userId = caller.UserId();
        var conversations = db.Conversations.Where(c => c.WorkspaceId == workspaceId);
        return caller.Role() switch
        {
            Roles.Admin or Roles.Supervisor => conversations,
            Roles.Agent => conversations.Where(c => c.AssigneeId == userId
                || db.TeamMembers.Any(m => m.UserId == userId && m.TeamId == c.TeamId)),
            Roles.CommunityManager => conversations.Where(c => !c.IsPrivate),
            _ => conversations.Where(c => false),
        };
    }
}
