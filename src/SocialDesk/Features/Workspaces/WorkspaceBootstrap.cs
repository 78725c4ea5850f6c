using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Workspaces;

public sealed class BootstrapOptions
{
    public string WorkspaceName { get; set; } = "SocialDesk";
    public string AdminEmail { get; set; } = "admin@socialdesk.local";
    public string? AdminPassword { get; set; }
    public string? ApiToken { get; set; }
}

/// <summary>On an empty database, creates the first workspace with its admin and API token; what is not configured is generated and printed once.</summary>
public sealed class WorkspaceBootstrap(AppDbContext db, UserManager<User> users, TimeProvider time, IOptions<BootstrapOptions> options)
{
    public async Task<Workspace> EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Workspaces.OrderBy(w => w.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Name = settings.WorkspaceName, CreatedAt = now };
        var admin = new User { Id = Guid.CreateVersion7(), UserName = settings.AdminEmail, Email = settings.AdminEmail, DisplayName = "Administrator", CreatedAt = now };
        var password = settings.AdminPassword ?? ApiTokenAuthentication.NewToken()[3..19];
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The bootstrap admin could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var token = settings.ApiToken ?? ApiTokenAuthentication.NewToken();
        db.Workspaces.Add(workspace);
        db.Memberships.Add(new Membership { WorkspaceId = workspace.Id, UserId = admin.Id, Role = Roles.Admin, CreatedAt = now });
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            UserId = admin.Id,
            Name = "bootstrap",
            TokenHash = ApiTokenAuthentication.Hash(token),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Printed to the console, not logged: generated credentials must not travel to log stores.
        Console.WriteLine($"SocialDesk: created workspace '{workspace.Name}' with admin {admin.Email}.");
        if (settings.AdminPassword is null)
        {
            Console.WriteLine($"SocialDesk: generated admin password (shown once): {password}");
        }

        if (settings.ApiToken is null)
        {
            Console.WriteLine($"SocialDesk: generated API token (shown once): {token}");
        }

        return workspace;
    }
}
