using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SocialDesk.Tests.Reporting;

public sealed class AgentReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Agents_are_measured_on_their_own_replies_and_resolutions_and_the_brand_outside_SocialDesk_apart()
    {
        var facebook = await app.CreateFacebookChannelAsync();
        var x = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-03-04T09:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(facebook.Id, "ag-1", "ag-gina", start),
            ReportingApp.Customer(x.Id, "ag-2", "ag-hugo", start),
            ReportingApp.Brand(x.Id, "ag-3", "ag-2", start.AddMinutes(3)));
        var conversation = await app.ConversationOfAsync(facebook.Id, "ag-gina");
        await app.AgentReplyAsync(conversation, start.AddMinutes(20));
        await app.ResolveAsync(conversation, start.AddHours(1));
        using var scope = app.Services.CreateScope();
        var admin = await SocialDeskFactory.Database(scope).Users.Select(u => u.Id).SingleAsync();

        var rows = (await app.AgentsAsync("?from=2024-03-04&to=2024-03-10")).Rows;

        Assert.Equal([admin, null], rows.Select(r => r.AgentId));
        var agent = rows[0];
        Assert.Equal("Administrator", agent.Agent);
        Assert.Equal((1, 1, 1), (agent.Current.Replies, agent.Current.FirstResponses, agent.Current.Resolutions));
        Assert.Equal(1200, agent.Current.FirstResponseSeconds!.Mean);
        Assert.Equal(3600, agent.Current.ResolutionSeconds!.Mean);
        var brand = rows[1];
        Assert.Equal((1, 1, 0), (brand.Current.Replies, brand.Current.FirstResponses, brand.Current.Resolutions));
        Assert.Equal(180, brand.Current.FirstResponseSeconds!.Mean);
        Assert.Equal(0, brand.Previous.Replies);
    }
}
