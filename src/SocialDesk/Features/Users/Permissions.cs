using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Features.Users;

/// <summary>
/// What a caller may do, named once: every endpoint requires one of these as its authorization policy, and
/// <see cref="Matrix"/> says which roles hold each. An API token is narrowed further to its scopes.
/// Which conversations a caller sees within a permission is <see cref="Conversations.ConversationAccess"/>.
/// </summary>
public static class Permissions
{
    /// <summary>Read conversations: all for admins and supervisors, own and team for agents, public for community managers.</summary>
    public const string ConversationsRead = "conversations.read";

    /// <summary>Reply, note, resolve and reopen the conversations one reads.</summary>
    public const string ConversationsWork = "conversations.work";

    /// <summary>Assign a conversation to an agent or hand it over to a team.</summary>
    public const string ConversationsAssign = "conversations.assign";

    /// <summary>Feed messages from other sources (<c>POST /api/v1/messages</c>).</summary>
    public const string MessagesImport = "messages.import";

    /// <summary>See and retry the deliveries that failed.</summary>
    public const string RawEventsManage = "raw-events.manage";
    public const string ChannelsRead = "channels.read";
    public const string ChannelsManage = "channels.manage";
    public const string ReportsRead = "reports.read";

    /// <summary>See the workspace's members and teams (to assign, to read reports).</summary>
    public const string MembersRead = "members.read";

    /// <summary>Invite people, change roles, remove members.</summary>
    public const string MembersManage = "members.manage";
    public const string TeamsManage = "teams.manage";

    /// <summary>SLA policies, business calendars, teams' routing and members' skills.</summary>
    public const string RoutingManage = "routing.manage";
    public const string TokensManage = "tokens.manage";

    /// <summary>Write the workspace's canned replies (everyone who reads conversations uses them).</summary>
    public const string CannedRepliesManage = "canned-replies.manage";
    public const string AuditRead = "audit.read";

    /// <summary>Export or erase everything about a contact (GDPR).</summary>
    public const string ContactsManage = "contacts.manage";

    /// <summary>The workspace's own settings (name, retention) and new workspaces.</summary>
    public const string WorkspaceManage = "workspace.manage";

    /// <summary>One's own profile, password, second factor and workspace switch.</summary>
    public const string Profile = "profile";

    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] AdminOnly = [Roles.Admin];

    /// <summary>The roles holding each permission: the README's table is this one (checked by a test).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Matrix = new Dictionary<string, IReadOnlyList<string>>
    {
        [ConversationsRead] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.CommunityManager],
        [ConversationsWork] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.CommunityManager],
        [ConversationsAssign] = [Roles.Admin, Roles.Supervisor, Roles.CommunityManager],
        [MessagesImport] = AdminOnly,
        [RawEventsManage] = AdminOnly,
        [ChannelsRead] = [Roles.Admin, Roles.Supervisor],
        [ChannelsManage] = AdminOnly,
        [ReportsRead] = [Roles.Admin, Roles.Supervisor, Roles.Analyst],
        [MembersRead] = Everyone,
        [MembersManage] = AdminOnly,
        [TeamsManage] = AdminOnly,
        [RoutingManage] = [Roles.Admin, Roles.Supervisor],
        [CannedRepliesManage] = [Roles.Admin, Roles.Supervisor],
        [TokensManage] = AdminOnly,
        [AuditRead] = AdminOnly,
        [ContactsManage] = AdminOnly,
        [WorkspaceManage] = AdminOnly,
        [Profile] = Everyone,
    };

    public static bool Allows(string role, string permission) => Matrix.TryGetValue(permission, out var roles) && roles.Contains(role);

    /// <summary>Whether the caller, by their role in the current workspace and their token's scopes, holds the permission.</summary>
    public static bool Holds(this ClaimsPrincipal caller, string permission)
    {
        var scopes = caller.FindAll(CallerClaims.Scope).Select(c => c.Value).ToList();
        return caller.FindFirstValue(ClaimTypes.Role) is { } role && Allows(role, permission)
            && (scopes.Count == 0 || scopes.Contains(permission));
    }

    /// <summary>One policy per permission, each accepting a session cookie or an API token.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization, params string[] schemes)
    {
        var authenticated = new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().Build();
        authorization.SetDefaultPolicy(authenticated);
        foreach (var permission in Matrix.Keys)
        {
            authorization.AddPolicy(permission, policy => policy.Combine(authenticated).RequireAssertion(context => context.User.Holds(permission)));
        }

        return authorization;
    }
}
