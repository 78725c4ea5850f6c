using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Sla;

namespace SocialDesk.Tests.Reporting;

/// <summary>SLA hit rates per policy and target, from the SLA events the clock and its worker write.</summary>
public sealed class SlaReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Each_target_of_a_policy_has_its_met_breached_and_hit_rate()
    {
        await app.CreatePolicyAsync(new
        {
            name = "Standard",
            isDefault = true,
            firstResponseMinutes = 30,
            nextResponseMinutes = 30,
            resolutionMinutes = 8 * 60,
            warningMinutes = 10,
        });
        var (channel, start) = (await app.CreateFacebookChannelAsync(), ReportingApp.At("2025-05-06T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "sl-1", "sl-ann", start),
            ReportingApp.Customer(channel.Id, "sl-2", "sl-ben", start),
            ReportingApp.Customer(channel.Id, "sl-3", "sl-cy", start));
        await app.AgentReplyAsync(await app.ConversationOfAsync(channel.Id, "sl-ann"), start.AddMinutes(10));
        await app.AgentReplyAsync(await app.ConversationOfAsync(channel.Id, "sl-ben"), start.AddMinutes(25));

        // Cy's first response is warned about, then breached; the warning does not count.
        var worker = app.Services.GetRequiredService<SlaWorker>();
        app.Clock.Set(start.AddMinutes(21));
        await worker.RunPassAsync(CancellationToken.None);
        app.Clock.Set(start.AddMinutes(31));
        await worker.RunPassAsync(CancellationToken.None);
        await worker.RunPassAsync(CancellationToken.None);

        // Whole UTC days are read from the day's counts, a time zone's partial days from the events: the same outcomes.
        foreach (var query in new[] { "?from=2025-05-05&to=2025-05-11", "?from=2025-05-05&to=2025-05-11&tz=Asia/Kolkata", "?from=2025-05-06&to=2025-05-06&tz=America/New_York" })
        {
            var rows = (await app.Api.GetFromJsonAsync<ReportTable<SlaRow>>($"/api/v1/reports/sla{query}", ReportingApp.Json))!.Rows;

            var first = Assert.Single(rows);
            Assert.Equal(("Standard", SlaTargetKind.FirstResponse), (first.Policy, first.Target));
            Assert.Equal(new SlaFigures(2, 1, 2.0 / 3), first.Current);
            Assert.Equal(new SlaFigures(0, 0, null), first.Previous);
        }
    }

    [Fact]
    public async Task The_sla_table_is_csv_when_asked()
    {
        var response = await app.Api.GetAsync("/api/v1/reports/sla?from=2024-03-04&to=2024-03-10&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("policyId,policy,target,current.met,current.breached,current.hitRate,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
