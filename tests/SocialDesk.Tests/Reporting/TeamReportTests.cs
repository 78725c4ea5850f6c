using System.Text.Json;

namespace SocialDesk.Tests.Reporting;

/// <summary>
/// A team's figures are what happened while it held the conversation; a conversation counts for the team holding it
/// now; durations in calendar time or in the business hours of the team's calendar.
/// </summary>
public sealed class TeamReportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private static readonly object[] Day = [new { from = "09:00", to = "17:00" }];

    [Fact]
    public async Task A_team_counts_what_happened_while_it_held_the_conversation_and_no_team_the_rest()
    {
        var channel = await app.CreateXChannelAsync();
        var start = ReportingApp.At("2024-07-01T09:00:00Z");
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "tm-1", "tm-ana", start),
            ReportingApp.Brand(channel.Id, "tm-2", "tm-1", start.AddMinutes(10)));
        var ana = await app.ConversationOfAsync(channel.Id, "tm-ana");
        var billing = await app.CreateTeamAsync("Billing");
        await AssignAsync(ana, billing);
        await app.SendAsync(
            ReportingApp.Customer(channel.Id, "tm-3", "tm-ana", start.AddHours(1), replyTo: "tm-2"),
            ReportingApp.Brand(channel.Id, "tm-4", "tm-3", start.AddHours(1).AddMinutes(20)),
            ReportingApp.Customer(channel.Id, "tm-5", "tm-ben", start.AddHours(3)));
        await app.ResolveAsync(ana, start.AddHours(2));

        var rows = (await app.TeamsAsync("?from=2024-07-01&to=2024-07-07")).Rows;

        Assert.Equal([(billing, "Billing"), (null, "No team")], rows.Select(r => (r.TeamId, r.Team)));
        var team = rows[0].Current;
        Assert.Equal((1, 1, 1, 1), (team.MessagesReceived, team.MessagesAnswered, team.Conversations, team.ConversationsAnswered));
        Assert.Equal((0, 1, 1200.0), (team.FirstResponses, team.NextResponses, team.NextResponseSeconds!.Median));
        Assert.Equal((1, 7200.0, 0), (team.Resolutions, team.ResolutionSeconds!.Mean, team.ResolutionsReopened));
        var none = rows[1].Current;
        Assert.Equal((2, 1, 1, 0), (none.MessagesReceived, none.MessagesAnswered, none.Conversations, none.ConversationsAnswered));
        Assert.Equal((1, 600.0), (none.FirstResponses, none.FirstResponseSeconds!.Median));
        Assert.Equal(0, rows[0].Previous.MessagesReceived);
    }

    [Fact]
    public async Task Business_hours_count_a_response_across_a_weekend_in_the_team_s_open_hours_only()
    {
        var calendar = await app.Api.PostAsJsonAsync("/api/v1/sla/calendars", new
        {
            name = "Paris office",
            definition = new { timeZone = "Europe/Paris", hours = new { monday = Day, tuesday = Day, wednesday = Day, thursday = Day, friday = Day } },
        });
        Assert.Equal(HttpStatusCode.Created, calendar.StatusCode);
        var team = await app.CreateTeamAsync("Paris desk");
        var routing = await app.Api.PutAsJsonAsync($"/api/v1/teams/{team}/routing", new
        {
            calendarId = (await calendar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            autoAssignment = "off",
        });
        Assert.Equal(HttpStatusCode.OK, routing.StatusCode);

        // Friday 5 September 2025, 16:00 in Paris, answered on Monday at 10:00: an hour on each side of the weekend.
        var channel = await app.CreateFacebookChannelAsync();
        var friday = ReportingApp.At("2025-09-05T14:00:00Z");
        await app.SendAsync(ReportingApp.Customer(channel.Id, "bh-1", "bh-gus", friday));
        var conversation = await app.ConversationOfAsync(channel.Id, "bh-gus");
        await AssignAsync(conversation, team);
        await app.AgentReplyAsync(conversation, ReportingApp.At("2025-09-08T08:00:00Z"));

        const string Week = "?from=2025-09-01&to=2025-09-14";
        var calendarTime = Assert.Single((await app.TeamsAsync(Week)).Rows, r => r.TeamId == team).Current;
        var businessTime = Assert.Single((await app.TeamsAsync($"{Week}&hours=business")).Rows, r => r.TeamId == team).Current;
        var overview = (await app.OverviewAsync($"{Week}&hours=business")).Rows[0].Current;

        Assert.Equal(66 * 3600.0, calendarTime.FirstResponseSeconds!.Median);
        Assert.Equal(2 * 3600.0, businessTime.FirstResponseSeconds!.Median);
        Assert.Equal(2 * 3600.0, overview.FirstResponseSeconds!.Median);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api.GetAsync($"/api/v1/reports/teams{Week}&hours=office")).StatusCode);
    }

    [Fact]
    public async Task The_teams_table_is_csv_when_asked()
    {
        var response = await app.Api.GetAsync("/api/v1/reports/teams?from=2024-03-04&to=2024-03-10&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("teamId,team,current.messagesReceived,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AssignAsync(Guid conversationId, Guid teamId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/assign", new { assigneeId = (Guid?)null, teamId })).StatusCode);
}
