using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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

    /// <summary>Where a start outside Development writes the generated credentials (by default beside the SQLite database, or in the data folder).</summary>
    public string? CredentialsFile { get; set; }
}

/// <summary>
/// On an empty database, creates the first workspace with its admin and API token; what is not configured is generated
/// and shown once: printed in Development, and otherwise written to a file only the server's user may read (its path
/// printed), so that credentials never reach a log store. The demo has a workspace of its own outside Development.
/// </summary>
public sealed class WorkspaceBootstrap(AppDbContext db, UserManager<User> users, TimeProvider time, IOptions<BootstrapOptions> options, IHostEnvironment environment, IConfiguration configuration)
{
    public const string DemoWorkspaceName = "Demo";

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
        // An empty setting (an environment variable set to nothing) chooses nothing.
        var password = settings.AdminPassword is { Length: > 0 } chosen ? chosen : ApiTokenAuthentication.NewToken()[3..19];
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The bootstrap admin could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var token = settings.ApiToken is { Length: > 0 } chosenToken ? chosenToken : ApiTokenAuthentication.NewToken();
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

        // Printed to the console or written to a file, never logged: generated credentials must not travel to log stores.
        Console.WriteLine($"SocialDesk: created workspace '{workspace.Name}' with admin {admin.Email}.");
        var generated = new List<string>();
        if (password != settings.AdminPassword)
        {
            generated.Add($"generated admin password (shown once): {password}");
        }

        if (token != settings.ApiToken)
        {
            generated.Add($"generated API token (shown once): {token}");
        }

        if (generated.Count > 0 && environment.IsDevelopment())
        {
            generated.ForEach(line => Console.WriteLine($"SocialDesk: {line}"));
        }
        else if (generated.Count > 0)
        {
            var file = WriteCredentials(workspace, admin, generated, now);
            Console.WriteLine($"SocialDesk: the generated credentials are in {file}, readable by this user only: keep them, then delete the file.");
        }

        return workspace;
    }

    /// <summary>The demo's workspace outside Development, made once, with the bootstrap admin in it: the operator's own workspace never holds demo data.</summary>
    public async Task<Workspace> EnsureDemoAsync(Workspace bootstrap, CancellationToken cancellationToken)
    {
        var existing = await db.Workspaces.FirstOrDefaultAsync(w => w.Name == DemoWorkspaceName && w.Id != bootstrap.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var demo = new Workspace { Id = Guid.CreateVersion7(), Name = DemoWorkspaceName, CreatedAt = now };
        var admins = await db.Memberships.Where(m => m.WorkspaceId == bootstrap.Id && m.Role == Roles.Admin).Select(m => m.UserId).ToListAsync(cancellationToken);
        db.Workspaces.Add(demo);
        db.Memberships.AddRange(admins.Select(userId => new Membership { WorkspaceId = demo.Id, UserId = userId, Role = Roles.Admin, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return demo;
    }

    private string WriteCredentials(Workspace workspace, User admin, List<string> generated, DateTime now)
    {
        var path = Path.GetFullPath(options.Value.CredentialsFile ?? Path.Combine(DefaultFolder(), "bootstrap-credentials.txt"));
        var text = string.Join('\n', [$"SocialDesk bootstrap credentials, {now:u}", $"workspace: {workspace.Name}", $"admin email: {admin.Email}", .. generated, ""]);
        var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, System.Text.Encoding.UTF8, owner);
            file.Write(text);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The generated bootstrap credentials could not be written to {path} ({e.Message}): set Bootstrap:CredentialsFile, or Bootstrap:AdminPassword and Bootstrap:ApiToken.", e);
        }

        return path;
    }

    // Beside the SQLite database, as its keys are; the data folder for PostgreSQL.
    private string DefaultFolder() =>
        DatabaseProvider.ProviderOf(configuration) == DatabaseProvider.Sqlite
        && new SqliteConnectionStringBuilder(DatabaseProvider.ConnectionString(configuration)).DataSource is not ("" or ":memory:") and var database
            ? Path.GetDirectoryName(Path.GetFullPath(database))!
            : DatabaseProvider.DataDirectory();
}
