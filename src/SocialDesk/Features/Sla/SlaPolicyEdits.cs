using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Routing;
using SocialDesk.Features.Users;
using static SocialDesk.Features.Sla.SlaEndpoints;

namespace SocialDesk.Features.Sla;

/// <summary>Creating, changing and deleting a workspace's SLA policies, checked the same way for the API and the web app.</summary>
public static class SlaPolicyEdits
{
    /// <summary>The workspace's policies in the order they are tried.</summary>
    public static async Task<List<PolicyView>> PoliciesAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        return [.. SlaPolicy.InOrder(policies).Select(PolicyView.Of)];
    }

    /// <summary>
    /// Creates a policy (no id) or changes one. Returns the policy, or the errors (a sentence each) and no change; neither
    /// when the workspace has no policy of that id.
    /// </summary>
    public static async Task<(SlaPolicy? Policy, string? Errors)> SavePolicyAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid? policyId, PolicyRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var policy = policyId is { } id
            ? await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id && p.WorkspaceId == workspaceId, cancellationToken)
            : new SlaPolicy { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        return await db.SaveEditAsync(policy, policyId is null, p => ApplyAsync(p, request, db, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a policy; false when the workspace has none of that id.</summary>
    public static async Task<bool> DeletePolicyAsync(this AppDbContext db, ClaimsPrincipal caller, Guid policyId, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == policyId && p.WorkspaceId == workspaceId, cancellationToken);
        return await db.DeleteEditAsync(policy, cancellationToken);
    }

    /// <summary>Checks the request and copies it onto the policy; a new default policy takes the place of the old one.</summary>
    private static async Task<string?> ApplyAsync(SlaPolicy policy, PolicyRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name is required, at most 200 characters.");
        }

        var conditions = request.Conditions ?? new PolicyConditions(null, null, null, null, null);
        var channels = WorkLabels.Read("conditions.channels", conditions.Channels, errors);
        var priorities = WorkLabels.Read("conditions.priorities", conditions.Priorities, errors);
        var topics = WorkLabels.Read("conditions.topics", conditions.Topics, errors);
        var languages = WorkLabels.Read("conditions.languages", conditions.Languages, errors);
        var tags = WorkLabels.Read("conditions.contactTags", conditions.ContactTags, errors);
        if (priorities.FirstOrDefault(p => !Enum.GetValues<ConversationPriority>().Any(known => ConversationPriorities.Name(known) == p)) is { } unknown)
        {
            errors.Add($"conditions.priorities: '{unknown}' is not a priority (low, normal, high, urgent).");
        }

        if (request.IsDefault && channels.Count + priorities.Count + topics.Count + languages.Count + tags.Count > 0)
        {
            errors.Add("A default policy applies when no other does: it takes no conditions.");
        }

        Minutes("firstResponseMinutes", request.FirstResponseMinutes, errors);
        Minutes("nextResponseMinutes", request.NextResponseMinutes, errors);
        Minutes("resolutionMinutes", request.ResolutionMinutes, errors);
        if (request.FirstResponseMinutes is null && request.NextResponseMinutes is null && request.ResolutionMinutes is null)
        {
            errors.Add("A policy needs at least one target: firstResponseMinutes, nextResponseMinutes or resolutionMinutes.");
        }

        if (request.WarningMinutes is < 0 or > SlaEndpoints.MaxTargetMinutes)
        {
            errors.Add($"warningMinutes is between 0 and {SlaEndpoints.MaxTargetMinutes}.");
        }

        var escalation = request.Escalation ?? new PolicyEscalation(false, null, false);
        if (escalation.ToTeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && t.WorkspaceId == policy.WorkspaceId, cancellationToken))
        {
            errors.Add($"escalation.toTeamId: there is no team {teamId} in this workspace.");
        }

        if (name is not null && await db.SlaPolicies.AnyAsync(p => p.WorkspaceId == policy.WorkspaceId && p.Name == name && p.Id != policy.Id, cancellationToken))
        {
            errors.Add($"name: a policy is already called '{name}'.");
        }

        if (errors.Count > 0)
        {
            return string.Join(" ", errors);
        }

        if (request.IsDefault)
        {
            await foreach (var other in db.SlaPolicies.Where(p => p.WorkspaceId == policy.WorkspaceId && p.IsDefault && p.Id != policy.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                other.IsDefault = false;
            }
        }

        policy.Name = name!;
        policy.Position = request.Position;
        policy.IsDefault = request.IsDefault;
        (policy.Channels, policy.Priorities, policy.Topics, policy.Languages, policy.ContactTags) = (channels, priorities, topics, languages, tags);
        (policy.FirstResponseMinutes, policy.NextResponseMinutes, policy.ResolutionMinutes) = (request.FirstResponseMinutes, request.NextResponseMinutes, request.ResolutionMinutes);
        policy.WarningMinutes = request.WarningMinutes ?? 10;
        (policy.EscalateRaisePriority, policy.EscalateToTeamId, policy.EscalateNotifySupervisors) = (escalation.RaisePriority, escalation.ToTeamId, escalation.NotifySupervisors);
        return null;
    }

    private static void Minutes(string field, int? minutes, List<string> errors)
    {
        if (minutes is < 1 or > SlaEndpoints.MaxTargetMinutes)
        {
            errors.Add($"{field} is between 1 and {SlaEndpoints.MaxTargetMinutes} minutes.");
        }
    }
}
