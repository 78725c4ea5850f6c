using System.Security.Claims;
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

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var all = await db.CannedReplies.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(CannedReplyView.Of).ToList());
    }

    /// <summary>Each canned reply filled in for the conversation, those in its language first.</summary>
    private static async Task<IResult> ForConversationAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken) =>
        await db.CannedRepliesForAsync(caller, id, cancellationToken) is { } filled ? TypedResults.Ok(filled) : ConversationEndpoints.NotFound(id);

    private static async Task<IResult> CreateAsync(CannedReplyRequest request, ClaimsPrincipal caller, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var canned = new CannedReply { Id = Guid.CreateVersion7(), WorkspaceId = caller.WorkspaceId(), Name = "", Text = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(canned, request, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        db.CannedReplies.Add(canned);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/canned-replies/{canned.Id}", CannedReplyView.Of(canned));
    }

    private static async Task<IResult> UpdateAsync(Guid id, CannedReplyRequest request, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var canned = await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (canned is null)
        {
            return Unknown(id);
        }

        if (await ApplyAsync(canned, request, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CannedReplyView.Of(canned));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var canned = await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken);
        if (canned is null)
        {
            return Unknown(id);
        }

        db.CannedReplies.Remove(canned);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> ApplyAsync(CannedReply canned, CannedReplyRequest request, AppDbContext db, CancellationToken cancellationToken)
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
            return AuthEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad canned reply", string.Join(" ", errors));
        }

        (canned.Name, canned.Text, canned.Language) = (name!, request.Text!, language);
        return null;
    }

    private static IResult Unknown(Guid id) =>
        AuthEndpoints.Problem(StatusCodes.Status404NotFound, "Unknown canned reply", $"There is no canned reply {id} in this workspace.");
}

/// <summary>Canned replies filled in for a conversation, for the API and the web app alike.</summary>
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
}
