using Bunit;
using MudBlazor;
using SocialDesk.Features.Sla;
using SocialDesk.Web.Sla;

namespace SocialDesk.EndToEnd.Components;

public sealed class SlaCountdownTests : ComponentContext
{
    private static readonly DateTime Now = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    private static SlaView Sla(SlaTargetState? first, DateTime? firstDue, SlaTargetState? resolution = SlaTargetState.Active, DateTime? paused = null) =>
        new(new SlaPolicyRef(Guid.NewGuid(), "Social"), firstDue, first, null, null, Now.AddHours(8), resolution, paused);

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(12 * 60 + 30, "12 min")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 05")]
    [InlineData(2 * 86400 + 4 * 3600, "2 d 4 h")]
    [InlineData(-7 * 60, "−7 min")]
    public void Time_left_reads_at_a_glance(int seconds, string expected) =>
        Assert.Equal(expected, SlaCountdown.Left(TimeSpan.FromSeconds(seconds), "d"));

    [Fact]
    public void The_nearest_running_target_is_shown_and_a_met_one_is_not() =>
        Assert.Equal(SlaTargetKind.Resolution, SlaCountdown.Nearest(Sla(SlaTargetState.Met, Now.AddMinutes(-5)), responded: true, resolved: false)!.Target);

    [Fact]
    public void The_first_response_due_before_the_resolution_is_the_nearest() =>
        Assert.Equal(SlaTargetKind.FirstResponse, SlaCountdown.Nearest(Sla(SlaTargetState.Warning, Now.AddMinutes(5)), responded: false, resolved: false)!.Target);

    [Fact]
    public void An_overdue_first_response_comes_before_the_running_resolution()
    {
        var nearest = SlaCountdown.Nearest(Sla(SlaTargetState.Breached, Now.AddMinutes(-15)), responded: false, resolved: false)!;

        Assert.Equal((SlaTargetKind.FirstResponse, true), (nearest.Target, nearest.OverdueAt(Now)));
    }

    [Fact]
    public void Paused_clocks_show_no_countdown() =>
        Assert.Null(SlaCountdown.Nearest(Sla(SlaTargetState.Active, Now.AddMinutes(5), paused: Now), responded: false, resolved: false));

    [Fact]
    public void A_target_met_late_shows_as_breached_when_none_runs()
    {
        var nearest = SlaCountdown.Nearest(Sla(SlaTargetState.Breached, Now.AddMinutes(-5), SlaTargetState.Met), responded: true, resolved: true)!;

        Assert.Equal((SlaTargetState.Breached, false), (nearest.State, nearest.Running));
    }

    [Fact]
    public void A_running_target_whose_due_time_passes_on_screen_is_breached()
    {
        var clock = new SlaClockReading(SlaTargetKind.FirstResponse, Now, SlaTargetState.Warning);

        Assert.Equal(SlaTargetState.Warning, clock.StateAt(Now.AddSeconds(-1)));
        Assert.Equal(SlaTargetState.Breached, clock.StateAt(Now));
    }

    [Theory]
    [InlineData(SlaTargetState.Active, Color.Info)]
    [InlineData(SlaTargetState.Warning, Color.Warning)]
    [InlineData(SlaTargetState.Breached, Color.Error)]
    [InlineData(SlaTargetState.Met, Color.Success)]
    public void Each_state_has_its_colour(SlaTargetState state, Color color) =>
        Assert.Equal(color, SlaCountdown.ColorOf(state));

    [Fact]
    public void The_badge_counts_down_the_nearest_target_and_names_it_for_assistive_technology()
    {
        var badge = Bunit.Render<SlaBadge>(p => p.Add(b => b.Sla, Sla(SlaTargetState.Warning, Now.AddMinutes(8))).Add(b => b.Now, Now));

        Assert.Equal("8 min", badge.Find(".sla-badge").TextContent.Trim());
        Assert.Equal("First response due in 8 min (Due soon)", badge.Find(".sla-badge").GetAttribute("aria-label"));
        Assert.Contains("mud-chip-color-warning", badge.Find(".sla-badge").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_badge_of_an_overdue_target_counts_the_time_past_in_red()
    {
        var badge = Bunit.Render<SlaBadge>(p => p.Add(b => b.Sla, Sla(SlaTargetState.Breached, Now.AddMinutes(-15))).Add(b => b.Now, Now));

        Assert.Equal("−15 min", badge.Find(".sla-badge").TextContent.Trim());
        Assert.Equal("First response overdue by 15 min", badge.Find(".sla-badge").GetAttribute("aria-label"));
        Assert.Contains("mud-chip-color-error", badge.Find(".sla-badge").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_badge_says_paused_while_waiting_for_the_customer()
    {
        var badge = Bunit.Render<SlaBadge>(p => p.Add(b => b.Sla, Sla(SlaTargetState.Active, Now.AddMinutes(8), paused: Now)).Add(b => b.Now, Now));

        Assert.Contains("Paused", badge.Markup, StringComparison.Ordinal);
    }
}
