using SocialDesk.Features.Sla;
using SocialDesk.Web.Admin;

namespace SocialDesk.EndToEnd.Components;

public sealed class PolicyFormTests
{
    [Fact]
    public void Lists_are_typed_as_words_separated_by_commas_or_spaces() =>
        Assert.Equal(["x", "facebook", "fr"], PolicyForm.Split(" x, facebook;fr  "));

    [Fact]
    public void A_policy_read_into_the_form_gives_back_the_same_request()
    {
        var team = Guid.NewGuid();
        var policy = new SlaEndpoints.PolicyView(Guid.NewGuid(), "X urgent", 2, false, new SlaEndpoints.PolicyConditions(["x"], ["urgent", "high"], [], ["fr"], []),
            30, 60, 480, 10, new SlaEndpoints.PolicyEscalation(true, team, true), DateTime.UtcNow);

        var request = PolicyForm.Of(policy).ToRequest(team);

        Assert.Equal(("X urgent", 2, false, 30, 60, 480, 10), (request.Name, request.Position, request.IsDefault, request.FirstResponseMinutes, request.NextResponseMinutes, request.ResolutionMinutes, request.WarningMinutes));
        Assert.Equal(["urgent", "high"], request.Conditions!.Priorities);
        Assert.Equal(policy.Escalation, request.Escalation);
    }
}
