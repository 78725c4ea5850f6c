using System.Globalization;
using System.Text.Json;

using SocialDesk.Features.Sla;

namespace SocialDesk.Tests.Sla;

public class SlaTargetStateTests
{
    private static readonly SlaTarget DueAtHalfPast = new(At("10:30"), TimeSpan.FromMinutes(10));

    [Theory]
    [InlineData("10:00", SlaTargetState.Active)]
    [InlineData("10:19", SlaTargetState.Active)]
    [InlineData("10:20", SlaTargetState.Warning)]
    [InlineData("10:29", SlaTargetState.Warning)]
    [InlineData("10:30", SlaTargetState.Breached)]
    [InlineData("18:00", SlaTargetState.Breached)]
    public void An_unmet_target_warns_within_the_lead_and_breaches_at_the_due_time(string now, SlaTargetState expected) =>
        Assert.Equal(expected, DueAtHalfPast.StateAt(At(now), metUtc: null));

    [Theory]
    [InlineData("10:05", SlaTargetState.Met)]
    [InlineData("10:30", SlaTargetState.Met)]
    [InlineData("10:31", SlaTargetState.Breached)]
    public void A_met_target_is_met_on_time_and_breached_when_late_whatever_the_time_now(string met, SlaTargetState expected) =>
        Assert.Equal(expected, DueAtHalfPast.StateAt(At("23:00"), At(met)));

    [Fact]
    public void Without_a_warning_lead_an_unmet_target_goes_from_active_to_breached()
    {
        var target = DueAtHalfPast with { WarningLead = TimeSpan.Zero };

        Assert.Equal(SlaTargetState.Active, target.StateAt(At("10:29"), metUtc: null));
        Assert.Equal(SlaTargetState.Breached, target.StateAt(At("10:30"), metUtc: null));
    }

    [Theory]
    [InlineData(SlaTargetState.Active, "\"active\"")]
    [InlineData(SlaTargetState.Warning, "\"warning\"")]
    [InlineData(SlaTargetState.Met, "\"met\"")]
    [InlineData(SlaTargetState.Breached, "\"breached\"")]
    public void States_are_written_as_lowercase_strings(SlaTargetState state, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(state));
        Assert.Equal(state, JsonSerializer.Deserialize<SlaTargetState>(json));
    }

    private static DateTime At(string utcTime) =>
        DateTime.Parse($"2026-06-16T{utcTime}Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
