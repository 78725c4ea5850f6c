using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Routing;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Routing;

/// <summary>Auto-assignment of a team's queue by the routing worker, each pass run at the test's clock.</summary>
public sealed class RoutingTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateTime Start = ClockedApp.At("2026-06-01T08:00:00Z");

    [Fact]
    public async Task Round_robin_gives_each_available_agent_the_same_share()
    {
        var (team, agents) = await TeamAsync("roundRobin", 3);
        var conversations = await QueueAsync(team, "rr", 9);

        await PassAsync();

        var assignees = await AssigneesAsync(conversations);
        Assert.All(agents, agent => Assert.Equal(3, assignees.Count(a => a == agent.UserId)));
    }

    [Fact]
    public async Task Capacity_is_never_exceeded_and_a_freed_place_is_filled_on_the_next_pass()
    {
        var (team, agents) = await TeamAsync("loadBalanced", 2, capacity: 2);
        var conversations = await QueueAsync(team, "cap", 5);

        await PassAsync();

        var assignees = await AssigneesAsync(conversations);
        Assert.All(agents, agent => Assert.Equal(2, assignees.Count(a => a == agent.UserId)));
        var waiting = conversations[assignees.IndexOf(null)];
        var freed = conversations[assignees.IndexOf(agents[0].UserId)];
        await app.ResolveAsync(freed, Start.AddMinutes(5));

        await PassAsync();

        Assert.Equal(agents[0].UserId, (await app.ConversationAsync(waiting)).AssigneeId);
    }

    [Fact]
    public async Task Skills_send_each_language_to_an_agent_who_speaks_it()
    {
        var (team, agents) = await TeamAsync("loadBalanced", 2);
        await SkillsAsync(team, agents[0], "fr");
        await SkillsAsync(team, agents[1], "en");
        var french = await QueueAsync(team, "sk-fr", 2, "Bonjour, ma commande n'est toujours pas arrivée, pouvez-vous m'aider s'il vous plaît ?");
        var english = await QueueAsync(team, "sk-en", 2, "Hello, my order still has not arrived, can you please help me?");

        await PassAsync();

        Assert.All(await AssigneesAsync(french), a => Assert.Equal(agents[0].UserId, a));
        Assert.All(await AssigneesAsync(english), a => Assert.Equal(agents[1].UserId, a));
    }

    [Fact]
    public async Task An_agent_away_gets_nothing_new_and_their_conversations_return_to_the_queue_after_the_team_s_time()
    {
        var (team, agents) = await TeamAsync("roundRobin", 2, awayReturnMinutes: 15);
        var held = await QueueAsync(team, "aw", 2);
        foreach (var conversation in held)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/assign", new { assigneeId = agents[0].UserId })).StatusCode);
        }

        app.Clock.Set(Start.AddMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await agents[0].Client.PostAsJsonAsync("/api/v1/me/availability", new { availability = "away" })).StatusCode);
        var fresh = await QueueAsync(team, "aw-new", 2);
        await PassAsync();
        Assert.All(await AssigneesAsync(fresh), a => Assert.Equal(agents[1].UserId, a));

        app.Clock.Set(Start.AddMinutes(24));
        await PassAsync();
        Assert.All(await AssigneesAsync(held), a => Assert.Equal(agents[0].UserId, a));

        app.Clock.Set(Start.AddMinutes(26));
        var (_, returned) = await PassAsync();
        Assert.Equal(2, returned);
        await PassAsync();
        Assert.All(await AssigneesAsync(held), a => Assert.Equal(agents[1].UserId, a));
    }

    [Fact]
    public async Task Routing_rules_send_a_new_conversation_to_the_first_team_whose_rules_it_meets()
    {
        var team = await app.CreateTeamAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PutAsJsonAsync($"/api/v1/teams/{team}/routing", new { routeLanguages = Spanish, autoAssignment = "off" })).StatusCode);
        var channel = await app.CreateFacebookChannelAsync();
        app.Clock.Set(Start);

        await app.SendAsync(
            ClockedApp.Customer(channel.Id, "ru-1", "ru-ana", Start, text: "Hola, mi pedido todavía no ha llegado, ¿pueden ayudarme por favor?"),
            ClockedApp.Customer(channel.Id, "ru-2", "ru-ben", Start, text: "Hello, my order still has not arrived, can you please help me?"));

        Assert.Equal(team, (await app.ConversationAsync(await app.ConversationOfAsync(channel.Id, "ru-ana"))).TeamId);
        Assert.NotEqual(team, (await app.ConversationAsync(await app.ConversationOfAsync(channel.Id, "ru-ben"))).TeamId);
    }

    [Fact]
    public async Task Bad_routing_is_refused_with_the_reason()
    {
        var team = await app.CreateTeamAsync();

        var response = await app.Api.PutAsJsonAsync($"/api/v1/teams/{team}/routing", new { autoAssignment = "off", agentCapacity = 0, calendarId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains("agentCapacity", detail);
        Assert.Contains("calendarId", detail);
    }

    private static readonly string[] Spanish = ["es"];

    /// <summary>A team with its mode and that many agents, all available.</summary>
    private async Task<(Guid Team, List<SocialDeskFactory.Member> Agents)> TeamAsync(string mode, int agents, int capacity = 10, int? awayReturnMinutes = null)
    {
        app.Clock.Set(Start);
        var team = await app.CreateTeamAsync();
        var members = new List<SocialDeskFactory.Member>();
        for (var i = 0; i < agents; i++)
        {
            var agent = await app.JoinAsync(Roles.Agent);
            Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PutAsync($"/api/v1/teams/{team}/members/{agent.UserId}", null)).StatusCode);
            members.Add(agent);
        }

        var routing = await app.Api.PutAsJsonAsync($"/api/v1/teams/{team}/routing", new { autoAssignment = mode, agentCapacity = capacity, awayReturnMinutes });
        Assert.Equal(HttpStatusCode.OK, routing.StatusCode);
        return (team, members);
    }

    private async Task SkillsAsync(Guid team, SocialDeskFactory.Member agent, string language)
    {
        var response = await app.Api.PutAsJsonAsync($"/api/v1/teams/{team}/members/{agent.UserId}/skills", new { languages = new[] { language } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>New conversations of as many customers, handed over to the team's queue unassigned.</summary>
    private async Task<List<Guid>> QueueAsync(Guid team, string prefix, int count, string? text = null)
    {
        var channel = await app.CreateFacebookChannelAsync();
        await app.SendAsync([.. Enumerable.Range(0, count).Select(i => ClockedApp.Customer(channel.Id, $"{prefix}-{i}", $"{prefix}-customer-{i}", Start.AddSeconds(i), text: text))]);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = await app.ConversationOfAsync(channel.Id, $"{prefix}-customer-{i}");
            Assert.Equal(HttpStatusCode.NoContent, (await app.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { assigneeId = (Guid?)null, teamId = team })).StatusCode);
            ids.Add(id);
        }

        return ids;
    }

    private async Task<List<Guid?>> AssigneesAsync(IEnumerable<Guid> conversations)
    {
        var assignees = new List<Guid?>();
        foreach (var id in conversations)
        {
            assignees.Add((await app.ConversationAsync(id)).AssigneeId);
        }

        return assignees;
    }

    private Task<(int Assigned, int Returned)> PassAsync() => app.Services.GetRequiredService<RoutingWorker>().RunPassAsync(CancellationToken.None);
}
