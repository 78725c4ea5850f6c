using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialDesk.Data;
using SocialDesk.Features.Users;

namespace SocialDesk.Web;

/// <summary>A person, team or channel of the workspace as the pages name it.</summary>
public sealed record Named(Guid Id, string Name, string? Kind = null);

/// <summary>The signed-in user in their current workspace, and the workspace's people, teams and channels the pages name.</summary>
public sealed record Session(
    ClaimsPrincipal Caller,
    string DisplayName,
    string? Language,
    string? TimeZone,
    AuthEndpoints.WorkspaceView Workspace,
    IReadOnlyList<AuthEndpoints.WorkspaceView> Workspaces,
    IReadOnlyList<Named> Members,
    IReadOnlyList<Named> Teams,
    IReadOnlyList<Guid> MyTeams,
    IReadOnlyList<Named> Channels)
{
    public Guid UserId => Caller.UserId();

    public bool May(string permission) => Caller.Holds(permission);

    public string NameOf(Guid? userId) => Members.FirstOrDefault(m => m.Id == userId)?.Name ?? "";

    /// <summary>The user's time zone; UTC when they chose none.</summary>
    public DateTimeZone Zone => TimeZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;

    /// <summary>A stored UTC time as the user reads it: in their time zone, in their language's format.</summary>
    public string Time(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone).ToDateTimeUnspecified().ToString("g", CultureInfo.CurrentCulture);
}

/// <summary>A page's read or write that the member's role, as the database says now, no longer allows.</summary>
public sealed class AccessRevokedException(string permission) : Exception($"The member no longer holds '{permission}'.");

/// <summary>What a page needs to act as the signed-in user: their session, and a database context of its own for each piece of work.</summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    private Task<Session>? session;

    public Task<Session> SessionAsync() => session ??= LoadAsync();

    /// <summary>
    /// Runs one piece of work as the caller in a scope of its own (a circuit renders concurrently, and one database
    /// context must not serve two operations at once), once the database confirms that the caller, as a member now,
    /// holds the permission: a circuit lives for hours, and a demoted or removed member must not keep what they had. When
    /// they no longer do, the circuit takes their current identity (the page leaves) and the work is refused with
    /// <see cref="AccessRevokedException"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(string permission, Func<AppDbContext, ClaimsPrincipal, IServiceProvider, Task<T>> work)
    {
        var circuit = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var caller = await CurrentMember.ReloadAsync(db, circuit, CancellationToken.None);
        if (caller is null || !caller.Holds(permission))
        {
            if (authentication is CircuitMember member)
            {
                await member.RevalidateAsync(CancellationToken.None);
            }

            throw new AccessRevokedException(permission);
        }

        return await work(db, caller, scope.ServiceProvider);
    }

    public static Task<string?> LanguageAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);

    private Task<Session> LoadAsync() => RunAsync(Permissions.Profile, async (db, caller, _) =>
    {
        var workspaceId = caller.WorkspaceId();
        var userId = caller.UserId();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId);
        var workspaces = await AuthEndpoints.WorkspacesOfAsync(db, userId, CancellationToken.None);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Named(u.Id, u.DisplayName, null))
            .ToListAsync();
        var teams = await db.Teams.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).OrderBy(t => t.Name).Select(t => new Named(t.Id, t.Name, null)).ToListAsync();
        var myTeams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).Select(c => new Named(c.Id, c.Name, c.Kind)).ToListAsync();
        return new Session(
            caller,
            user.DisplayName,
            user.Language,
            user.TimeZone,
            workspaces.First(w => w.Id == workspaceId),
            workspaces,
            [.. members.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)],
            teams,
            [.. myTeams.Where(id => teams.Any(t => t.Id == id))],
            channels);
    });
}
