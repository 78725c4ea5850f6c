using NodaTime;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class AuditFilterFormTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    [Fact]
    public void A_period_of_days_runs_from_the_first_day_s_midnight_to_the_midnight_after_the_last_in_the_user_s_zone()
    {
        var filter = new AuditFilterForm { From = new DateTime(2026, 3, 28), To = new DateTime(2026, 3, 29) }.ToFilter(Paris);

        // Summer time begins on the 29th: the period is 47 hours long.
        Assert.Equal(("2026-03-27T23:00:00Z", "2026-03-29T22:00:00Z"), (filter.From, filter.To));
    }

    [Fact]
    public void Filters_left_empty_are_not_sent_and_an_action_is_trimmed()
    {
        var actor = Guid.NewGuid();

        var filter = new AuditFilterForm { Action = " token.create ", Actor = actor }.ToFilter(DateTimeZone.Utc);

        Assert.Equal(new SocialDesk.Features.Audit.AuditEndpoints.AuditFilter(null, null, actor, null, null, "token.create"), filter);
        Assert.Null(new AuditFilterForm { Action = "  " }.ToFilter(DateTimeZone.Utc).Action);
    }
}
