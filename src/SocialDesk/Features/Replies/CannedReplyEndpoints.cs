using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Replies;

/// <summary>The workspace's canned replies: everyone who works conversations reads them, filled in for a conversation; admins and supervisors write them.</summary>
public static class CannedReplyEndpoints
{
    public static IEndpointRouteBuilder MapCannedReplyEndpoints(this IEndpointRouteBuilder app)
    {
        var canned = app.MapGroup("/api/v1/canned-replies").WithTags("Canned replies").RequireRateLimiting(RateLimits.Api);
        canned.MapGet("/", ListAsync).RequireAuthorization(Permissions.ConversationsRead);
        canned.MapPost("/", CreateAsync).RequireAuthorization(Permissions.CannedRepliesManage);
        canned.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.CannedRepliesManage);
        canned.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Permissions.CannedRepliesManage);
        app.MapGet("/api/v1/conversations/{id:guid}/canned-replies", ForConversationAsync).WithTags("Canned replies")
            .RequireRateLimiting(RateLimits.Api).RequireAuthorization(Permissions.ConversationsRead);
        return app;
    }

    public sealed record CannedReplyRequest(string? Name, string? Text, string? Language);

    public sealed record CannedReplyView(Guid Id, string Name, string Text, string? Language, DateTime CreatedAt)
    {
        public static CannedReplyView Of(CannedReply c) => new(c.Id, c.Name, c.Text, c.Language, c.CreatedAt);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.CannedRepliesAsync(caller, cancellationToken)).Select(CannedReplyView.Of).ToList());

    /// <summary>Each canned reply filled in for the conversation, those in its language first.</summary>
    private static async Task<IResult> ForConversationAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.CannedRepliesForAsync(caller, id, cancellationToken) is { } filled ? TypedResults.Ok(filled) : ConversationEndpoints.NotFound(id);

    private static async Task<IResult> CreateAsync(CannedReplyRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (canned, errors) = await db.SaveCannedReplyAsync(caller, null, request, time, cancellationToken);
        return errors is null ? TypedResults.Created($"/api/v1/canned-replies/{canned!.Id}", CannedReplyView.Of(canned)) : Bad(errors);
    }

    private static async Task<IResult> UpdateAsync(Guid id, CannedReplyRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.SaveCannedReplyAsync(caller, id, request, time, cancellationToken) switch
        {
            (_, { } errors) => Bad(errors),
            ({ } canned, _) => TypedResults.Ok(CannedReplyView.Of(canned)),
            _ => Unknown(id),
        };

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.DeleteCannedReplyAsync(caller, id, cancellationToken) ? TypedResults.NoContent() : Unknown(id);

    private static ProblemHttpResult Bad(string errors) => AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad canned reply", errors);

    private static ProblemHttpResult Unknown(Guid id) =>
        AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown canned reply", $"There is no canned reply {id} in this workspace.");
}

/// <summary>The workspace's canned replies, written and filled in for a conversation, for the API and the web app alike.</summary>
public static class CannedReplies
{
    public sealed record FilledReply(Guid Id, string Name, string? Language, string Text);

    /// <summary>Null when the caller sees no such conversation.</summary>
    public static async Task<IReadOnlyList<FilledReply>?> CannedRepliesForAsync(this AppDbContext db, ClaimsPrincipal caller, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Visible(caller).AsNoTracking()
            .Select(c => new
            {
                c.Id,
                Customer = c.Contact!.DisplayName,
                Handle = c.Contact.Identities.Select(i => i.Handle).FirstOrDefault(h => h != null),
                Channel = c.Channel!.Name,
                Language = c.Triage == null ? null : c.Triage.Language,
            })
            .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var userId = caller.UserId();
        var agent = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["customer.name"] = conversation.Customer,
            ["customer.handle"] = conversation.Handle is { } handle ? "@" + handle.TrimStart('@') : null,
            ["agent.name"] = agent,
            ["channel.name"] = conversation.Channel,
        };
        var workspaceId = caller.WorkspaceId();
        var all = await db.CannedReplies.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        return [.. all.OrderBy(c => c.Language == conversation.Language ? 0 : c.Language is null ? 1 : 2).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new FilledReply(c.Id, c.Name, c.Language, c.Render(values)))];
    }

    /// <summary>The workspace's canned replies by name.</summary>
    public static Task<List<CannedReply>> CannedRepliesAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        return db.CannedReplies.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a canned reply (no id) or changes one. Returns it, or the errors (a sentence each) and no change; neither
    /// when the workspace has no canned reply of that id.
    /// </summary>
    public static async Task<(CannedReply? Canned, string? Errors)> SaveCannedReplyAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid? id, CannedReplyEndpoints.CannedReplyRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var canned = id is { } existing
            ? await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == existing && c.WorkspaceId == workspaceId, cancellationToken)
            : new CannedReply { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "", Text = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        return await db.SaveEditAsync(canned, id is null, c => ApplyAsync(c, request, db, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a canned reply; false when the workspace has none of that id.</summary>
    public static async Task<bool> DeleteCannedReplyAsync(this AppDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var canned = await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        return await db.DeleteEditAsync(canned, cancellationToken);
    }

    private static async Task<string?> ApplyAsync(CannedReply canned, CannedReplyEndpoints.CannedReplyRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("name is required, at most 100 characters.");
        }
        else if (await db.CannedReplies.AnyAsync(c => c.WorkspaceId == canned.WorkspaceId && c.Name == name && c.Id != canned.Id, cancellationToken))
        {
            errors.Add($"name: a canned reply is already called '{name}'.");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > CannedReply.MaxTextLength || request.Text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add($"text is required, at most {CannedReply.MaxTextLength} characters, without NUL (U+0000).");
        }
        else if (CannedReply.UnknownVariables(request.Text) is { Count: > 0 } unknown)
        {
            errors.Add($"text: unknown variable(s) {string.Join(", ", unknown.Select(v => "{{" + v + "}}"))}; known: {string.Join(", ", CannedReply.Variables.Select(v => "{{" + v + "}}"))}.");
        }

        var language = request.Language?.Trim().ToLowerInvariant();
        if (language is { Length: 0 or > 8 })
        {
            errors.Add("language is a language code such as en or fr.");
        }

        if (errors.Count > 0)
        {
            return string.Join(" ", errors);
        }

        (canned.Name, canned.Text, canned.Language) = (name!, request.Text!, language);
        return null;
    }
}
