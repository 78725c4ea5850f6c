using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Sla;

namespace SocialDesk.Tests.Sla;

/// <summary>
/// A conversation's SLA clocks through the API and the pipeline, under the workspace's default policy "Standard": first
/// response 30 minutes, next response 30 minutes, resolution 8 hours, warning 10 minutes before; a breach raises the
/// priority, hands over to the team "Escalations" and notifies supervisors. The SLA worker's passes run at the test's clock.
/// </summary>
public sealed class SlaClockTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private Guid escalationTeam;

    public async Task InitializeAsync()
    {
        var teams = await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/teams");
        escalationTeam = teams.EnumerateArray().Where(t => t.GetProperty("name").GetString() == "Escalations").Select(t => t.GetProperty("id").GetGuid()).FirstOrDefault();
        if (escalationTeam != Guid.Empty)
        {
            return;
        }

        var team = await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = "Escalations" });
        escalationTeam = (await team.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await app.CreatePolicyAsync(new
        {
            name = "Standard",
            isDefault = true,
            firstResponseMinutes = 30,
            nextResponseMinutes = 30,
            resolutionMinutes = 8 * 60,
            warningMinutes = 10,
            escalation = new { raisePriority = true, toTeamId = escalationTeam, notifySupervisors = true },
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task First_response_is_due_30_minutes_after_the_first_message_and_the_reply_meets_it()
    {
        var (channel, start) = (await app.CreateFacebookChannelAsync(), ClockedApp.At("2026-03-02T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync(ClockedApp.Customer(channel.Id, "fr-1", "fr-ann", start));
        var id = await app.ConversationOfAsync(channel.Id, "fr-ann");

        var opened = (await app.ConversationAsync(id)).Sla;
        Assert.Equal("Standard", opened.Policy!.Name);
        Assert.Equal((start.AddMinutes(30), SlaTargetState.Active), (opened.FirstResponseDueAt!.Value, opened.FirstResponseState!.Value));
        Assert.Equal((start.AddHours(8), SlaTargetState.Active), (opened.ResolutionDueAt!.Value, opened.ResolutionState!.Value));
        Assert.Null(opened.NextResponseState);

        await app.AgentReplyAsync(id, start.AddMinutes(10));
        Assert.Equal(SlaTargetState.Met, (await app.ConversationAsync(id)).Sla.FirstResponseState);

        app.Clock.Set(start.AddHours(1));
        await app.SendAsync(ClockedApp.Customer(channel.Id, "fr-2", "fr-ann", start.AddHours(1)));
        var next = (await app.ConversationAsync(id)).Sla;
        Assert.Equal((start.AddHours(1).AddMinutes(30), SlaTargetState.Active), (next.NextResponseDueAt!.Value, next.NextResponseState!.Value));
    }

    [Fact]
    public async Task Pending_stops_the_clocks_and_the_customers_reply_gives_back_the_time_that_was_left()
    {
        var (channel, start) = (await app.CreateFacebookChannelAsync(), ClockedApp.At("2026-03-03T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync(ClockedApp.Customer(channel.Id, "pe-1", "pe-bob", start));
        var id = await app.ConversationOfAsync(channel.Id, "pe-bob");
        await app.AgentReplyAsync(id, start.AddMinutes(10));

        app.Clock.Set(start.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"/api/v1/conversations/{id}/pending", null)).StatusCode);
        app.Clock.Set(start.AddHours(12));
        await PassAsync();
        var paused = await app.ConversationAsync(id);
        Assert.Equal((ConversationStatus.Pending, SlaTargetState.Active), (paused.Status, paused.Sla.ResolutionState!.Value));
        Assert.Equal(start.AddHours(1), paused.Sla.PausedAt);

        // Seven hours of the eight were left when the clock stopped.
        app.Clock.Set(start.AddHours(13));
        await app.SendAsync(ClockedApp.Customer(channel.Id, "pe-2", "pe-bob", start.AddHours(13)));
        var resumed = await app.ConversationAsync(id);
        Assert.Equal(ConversationStatus.Open, resumed.Status);
        Assert.Null(resumed.Sla.PausedAt);
        Assert.Equal(start.AddHours(20), resumed.Sla.ResolutionDueAt);
        Assert.Equal(start.AddHours(13).AddMinutes(30), resumed.Sla.NextResponseDueAt);
    }

    [Fact]
    public async Task A_reopen_rearms_next_response_and_resolution_and_the_first_response_counts_once()
    {
        var (channel, start) = (await app.CreateFacebookChannelAsync(), ClockedApp.At("2026-03-04T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync(ClockedApp.Customer(channel.Id, "re-1", "re-cid", start));
        var id = await app.ConversationOfAsync(channel.Id, "re-cid");
        await app.AgentReplyAsync(id, start.AddMinutes(10));
        await app.ResolveAsync(id, start.AddHours(1));
        Assert.Equal(SlaTargetState.Met, (await app.ConversationAsync(id)).Sla.ResolutionState);

        app.Clock.Set(start.AddHours(2));
        await app.SendAsync(ClockedApp.Customer(channel.Id, "re-2", "re-cid", start.AddHours(2), replyTo: "re-1"));
        var reopened = await app.ConversationAsync(id);
        Assert.Equal((ConversationStatus.Open, 1), (reopened.Status, reopened.ReopenCount));
        Assert.Equal((start.AddHours(10), SlaTargetState.Active), (reopened.Sla.ResolutionDueAt!.Value, reopened.Sla.ResolutionState!.Value));
        Assert.Equal((start.AddHours(2).AddMinutes(30), SlaTargetState.Active), (reopened.Sla.NextResponseDueAt!.Value, reopened.Sla.NextResponseState!.Value));
        Assert.Equal(SlaTargetState.Met, reopened.Sla.FirstResponseState);

        await app.AgentReplyAsync(id, start.AddHours(2).AddMinutes(5));
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        Assert.Equal(1, await db.ReportingEvents.CountAsync(e => e.ConversationId == id && e.Name == ReportingEventNames.FirstResponse));
        Assert.Equal(1, await db.ReportingEvents.CountAsync(e => e.ConversationId == id && e.Name == ReportingEventNames.Reopened));
        Assert.Equal(1, await db.SlaEvents.CountAsync(e => e.ConversationId == id && e.Target == SlaTargetKind.FirstResponse));
        Assert.Equal(
            [(SlaTargetKind.NextResponse, SlaEventKind.Met), (SlaTargetKind.Resolution, SlaEventKind.Met)],
            (await db.SlaEvents.Where(e => e.ConversationId == id && e.Target != SlaTargetKind.FirstResponse).ToListAsync()).Select(e => (e.Target, e.Kind)).Order());
    }

    [Fact]
    public async Task The_worker_warns_before_the_due_time_then_breaches_within_seconds_and_escalates_once()
    {
        var (channel, start) = (await app.CreateXChannelAsync(), ClockedApp.At("2026-03-05T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync(ClockedApp.Customer(channel.Id, "br-1", "br-dee", start));
        var id = await app.ConversationOfAsync(channel.Id, "br-dee");
        var before = await app.ConversationAsync(id);
        var due = before.Sla.FirstResponseDueAt!.Value;

        app.Clock.Set(due.AddMinutes(-10).AddSeconds(1));
        await PassAsync();
        Assert.Equal(SlaTargetState.Warning, (await app.ConversationAsync(id)).Sla.FirstResponseState);

        app.Clock.Set(due.AddSeconds(1));
        await PassAsync();
        await PassAsync();
        var breached = await app.ConversationAsync(id);
        Assert.Equal(SlaTargetState.Breached, breached.Sla.FirstResponseState);
        Assert.Equal(100, breached.PriorityScore);
        Assert.Equal(ConversationPriorities.Raise(before.Priority), breached.Priority);
        Assert.Equal((escalationTeam, (Guid?)null), (breached.TeamId!.Value, breached.AssigneeId));

        using var scope = app.Services.CreateScope();
        var events = await SocialDeskFactory.Database(scope).SlaEvents.Where(e => e.ConversationId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([SlaEventKind.Warning, SlaEventKind.Breached], events.Select(e => e.Kind));
        Assert.InRange(events[1].OccurredAt - due, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var notifications = await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var notice = Assert.Single(notifications.EnumerateArray(), n => n.GetProperty("conversationId").ValueKind == JsonValueKind.String && n.GetProperty("conversationId").GetGuid() == id);
        Assert.Equal("sla_breached", notice.GetProperty("kind").GetString());
        Assert.Contains("first response", notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Many_breaches_at_once_reach_supervisors_as_one_summary()
    {
        var (channel, start) = (await app.CreateFacebookChannelAsync(), ClockedApp.At("2026-09-01T09:00:00Z"));
        app.Clock.Set(start);
        await app.SendAsync([.. Enumerable.Range(0, 25).Select(i => ClockedApp.Customer(channel.Id, $"many-{i}", $"many-{i}", start))]);
        var ids = (await app.ConversationsAsync($"?channel={channel.Id}&pageSize=50")).Items.Select(c => c.Id).ToList();

        app.Clock.Set(start.AddMinutes(31));
        await PassAsync();

        var notifications = (await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=200")).EnumerateArray().ToList();
        Assert.DoesNotContain(notifications, n => n.GetProperty("conversationId").ValueKind == JsonValueKind.String && ids.Contains(n.GetProperty("conversationId").GetGuid()));
        Assert.Contains(notifications, n => n.GetProperty("conversationId").ValueKind == JsonValueKind.Null
            && System.Text.RegularExpressions.Regex.IsMatch(n.GetProperty("text").GetString()!, @"^\d+ conversations breached their SLA"));
    }

    [Fact]
    public async Task A_team_calendar_counts_the_first_response_in_its_business_hours()
    {
        var calendar = await app.Api.PostAsJsonAsync("/api/v1/sla/calendars", new
        {
            name = "Paris office",
            definition = new { timeZone = "Europe/Paris", hours = new { monday = Day, tuesday = Day, wednesday = Day, thursday = Day, friday = Day } },
        });
        Assert.Equal(HttpStatusCode.Created, calendar.StatusCode);
        var team = await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = "German desk" });
        var teamId = (await team.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var routing = await app.Api.PutAsJsonAsync($"/api/v1/teams/{teamId}/routing", new
        {
            calendarId = (await calendar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            routeLanguages = German,
            autoAssignment = "off",
        });
        Assert.Equal(HttpStatusCode.OK, routing.StatusCode);

        // Friday 27 November 2026, 17:50 in Paris: ten minutes today, twenty on Monday from 09:00.
        var channel = await app.CreateXChannelAsync();
        var friday = ClockedApp.At("2026-11-27T16:50:00Z");
        app.Clock.Set(friday);
        await app.SendAsync(ClockedApp.Customer(channel.Id, "cal-1", "cal-eve", friday, text: "Mein Paket ist immer noch nicht angekommen, bitte helfen Sie mir."));
        var conversation = await app.ConversationAsync(await app.ConversationOfAsync(channel.Id, "cal-eve"));

        Assert.Equal(teamId, conversation.TeamId);
        Assert.Equal(ClockedApp.At("2026-11-30T08:20:00Z"), conversation.Sla.FirstResponseDueAt);
    }

    [Theory]
    [InlineData("""{"name":"No target","firstResponseMinutes":null}""", "at least one target")]
    [InlineData("""{"name":"Bad","firstResponseMinutes":0}""", "firstResponseMinutes is between 1")]
    [InlineData("""{"name":"Bad","isDefault":true,"firstResponseMinutes":5,"conditions":{"channels":["x"]}}""", "takes no conditions")]
    [InlineData("""{"name":"Bad","firstResponseMinutes":5,"conditions":{"priorities":["asap"]}}""", "'asap' is not a priority")]
    public async Task A_bad_policy_is_refused_with_the_reason(string body, string reason)
    {
        var response = await app.Api.PostAsync("/api/v1/sla/policies", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_calendar_is_refused_naming_the_field()
    {
        var response = await app.Api.PostAsJsonAsync("/api/v1/sla/calendars", new { name = "Nowhere", definition = new { timeZone = "Europe/Pariss", hours = new { monday = Day } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("timeZone", await response.Content.ReadAsStringAsync());
    }

    private static readonly string[] German = ["de"];

    private static readonly object[] Day = [new { from = "09:00", to = "18:00" }];

    private Task<int> PassAsync() => app.Services.GetRequiredService<SlaWorker>().RunPassAsync(CancellationToken.None);
}
