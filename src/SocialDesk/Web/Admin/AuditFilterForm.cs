using System.Globalization;
using NodaTime;
using SocialDesk.Features.Audit;

namespace SocialDesk.Web.Admin;

/// <summary>The audit log's filters as the user picks them: an action, a member, and a period of days in their time zone.</summary>
public sealed class AuditFilterForm
{
    public string? Action { get; set; }
    public Guid? Actor { get; set; }

    /// <summary>The first day of the period (a date as the picker gives it).</summary>
    public DateTime? From { get; set; }

    /// <summary>The last day of the period, included.</summary>
    public DateTime? To { get; set; }

    /// <summary>The API's filter: the period's days bounded in the user's time zone, as UTC instants.</summary>
    public AuditEndpoints.AuditFilter ToFilter(DateTimeZone zone) =>
        new(StartOf(From, zone), StartOf(To?.AddDays(1), zone), Actor, null, null, string.IsNullOrWhiteSpace(Action) ? null : Action.Trim());

    private static string? StartOf(DateTime? day, DateTimeZone zone) =>
        day is { } date ? LocalDate.FromDateTime(date).AtStartOfDayInZone(zone).ToInstant().ToString("g", CultureInfo.InvariantCulture) : null;
}
