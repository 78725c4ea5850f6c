using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Users;
using static SocialDesk.Features.Sla.SlaEndpoints;

namespace SocialDesk.Features.Sla;

/// <summary>Creating, changing and deleting a workspace's business calendars, checked the same way for the API and the web app.</summary>
public static class SlaCalendarEdits
{
    /// <summary>The workspace's calendars by name.</summary>
    public static async Task<List<CalendarView>> CalendarsAsync(this AppDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. calendars.Select(CalendarView.Of)];
    }

    /// <summary>
    /// Creates a calendar (no id) or changes one. Returns the calendar, or the errors (a sentence each) and no change;
    /// neither when the workspace has no calendar of that id.
    /// </summary>
    public static async Task<(SlaCalendar? Calendar, string? Errors)> SaveCalendarAsync(
        this AppDbContext db, ClaimsPrincipal caller, Guid? calendarId, CalendarRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendar = calendarId is { } id
            ? await db.SlaCalendars.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken)
            : new SlaCalendar { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = "", Definition = new(), CreatedAt = time.GetUtcNow().UtcDateTime };
        return await db.SaveEditAsync(calendar, calendarId is null, c => ApplyAsync(c, request, db, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes the calendar; teams working by it run 24/7 until given another. False when the workspace has none of that id.</summary>
    public static async Task<bool> DeleteCalendarAsync(this AppDbContext db, ClaimsPrincipal caller, Guid calendarId, CancellationToken cancellationToken)
    {
        var workspaceId = caller.WorkspaceId();
        var calendar = await db.SlaCalendars.FirstOrDefaultAsync(c => c.Id == calendarId && c.WorkspaceId == workspaceId, cancellationToken);
        if (calendar is null)
        {
            return false;
        }

        await foreach (var team in db.Teams.Where(t => t.CalendarId == calendarId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            team.CalendarId = null;
        }

        db.SlaCalendars.Remove(calendar);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<string?> ApplyAsync(SlaCalendar calendar, CalendarRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name is required, at most 200 characters.");
        }
        else if (await db.SlaCalendars.AnyAsync(c => c.WorkspaceId == calendar.WorkspaceId && c.Name == name && c.Id != calendar.Id, cancellationToken))
        {
            errors.Add($"name: a calendar is already called '{name}'.");
        }

        if (request.Definition is null)
        {
            errors.Add("definition is required: {\"alwaysOpen\":true} or {\"timeZone\":…,\"hours\":{…}}.");
        }
        else
        {
            errors.AddRange(request.Definition.Validate().Select(error => $"definition: {error}"));
        }

        if (errors.Count > 0)
        {
            return string.Join(" ", errors);
        }

        calendar.Name = name!;
        calendar.Definition = request.Definition!;
        return null;
    }
}
