using System.Globalization;
using System.Text.Json;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Audit;

/// <summary>Reading the audit log: filters, pages, downloads, and who may read it.</summary>
public sealed class AuditLogTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    /// <summary>Makes a team through the client and returns its creation entry.</summary>
    private async Task<AuditEndpoints.AuditEntryView> CreateTeamAsync(HttpClient? client = null)
    {
        var response = await (client ?? app.Api).PostAsJsonAsync("/api/v1/teams", new { name = $"Team {Guid.NewGuid():N}" });
        var team = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return Assert.Single((await app.AuditAsync($"?entityId={team}")).Items);
    }

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_log_is_filtered_by_actor()
    {
        var other = await app.JoinAsync(Roles.Admin);
        var theirs = await CreateTeamAsync(other.Client);
        var mine = await CreateTeamAsync();

        var entries = (await app.AuditAsync($"?actor={other.UserId}&action=team.create")).Items;

        Assert.Equal([theirs.Id], entries.Select(e => e.Id));
        Assert.Equal(other.UserId, theirs.ActorUserId);
        Assert.NotEqual(other.UserId, mine.ActorUserId);
    }

    [Fact]
    public async Task The_log_is_filtered_by_entity_type_entity_and_action()
    {
        var team = await CreateTeamAsync();

        var byEntity = await app.AuditAsync($"?entityType=team&entityId={team.EntityId}&action=team.create");
        var wrongType = await app.AuditAsync($"?entityType=channel&entityId={team.EntityId}");
        var wrongAction = await app.AuditAsync($"?entityId={team.EntityId}&action=team.delete");

        Assert.Equal([team.Id], byEntity.Items.Select(e => e.Id));
        Assert.Empty(wrongType.Items);
        Assert.Empty(wrongAction.Items);
    }

    [Fact]
    public async Task The_log_is_filtered_by_time_from_included_to_excluded()
    {
        var first = await CreateTeamAsync();
        var second = await CreateTeamAsync();

        var fromSecond = await app.AuditAsync($"?action=team.create&from={Time(second.At)}");
        var toSecond = await app.AuditAsync($"?action=team.create&to={Time(second.At)}");

        Assert.Contains(second.Id, fromSecond.Items.Select(e => e.Id));
        Assert.DoesNotContain(first.Id, fromSecond.Items.Select(e => e.Id));
        Assert.Contains(first.Id, toSecond.Items.Select(e => e.Id));
        Assert.DoesNotContain(second.Id, toSecond.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task The_log_lists_the_newest_first_page_by_page()
    {
        var older = await CreateTeamAsync();
        var newer = await CreateTeamAsync();

        var first = await app.AuditAsync("?action=team.create&pageSize=1");
        var second = await app.AuditAsync("?action=team.create&pageSize=1&page=2");

        Assert.Equal([newer.Id], first.Items.Select(e => e.Id));
        Assert.Equal([older.Id], second.Items.Select(e => e.Id));
        Assert.True(first.Total >= 2);
    }

    [Fact]
    public async Task The_log_is_a_csv_download_when_asked_by_format_or_accept_header()
    {
        var team = await CreateTeamAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/audit?entityId={team.EntityId}");
        request.Headers.Accept.ParseAdd("text/csv");

        var byHeader = await app.Api.SendAsync(request);
        var byFormat = await app.Api.GetAsync($"/api/v1/audit?entityId={team.EntityId}&format=csv");

        Assert.Equal("text/csv", byFormat.Content.Headers.ContentType!.MediaType);
        Assert.Equal("audit.csv", byFormat.Content.Headers.ContentDisposition!.FileNameStar ?? byFormat.Content.Headers.ContentDisposition.FileName);
        var lines = (await byFormat.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actorUserId,actorTokenId,actorAddress,action,entityType,entityId,before,after", lines[0]);
        Assert.StartsWith($"{team.Id},{Time(team.At)[..19]}Z,{team.ActorUserId},{team.ActorTokenId},", Assert.Single(lines[1..]), StringComparison.Ordinal);
        Assert.Contains(",team.create,team,", lines[1], StringComparison.Ordinal);
        Assert.Equal(await byFormat.Content.ReadAsStringAsync(), await byHeader.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_log_is_a_json_download_with_format_json()
    {
        var team = await CreateTeamAsync();

        var response = await app.Api.GetAsync($"/api/v1/audit?entityId={team.EntityId}&format=json");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition);
        var entries = await response.Content.ReadFromJsonAsync<List<AuditEndpoints.AuditEntryView>>(SocialDeskFactory.Json);
        Assert.Equal([team.Id], entries!.Select(e => e.Id));
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_may_not_read_the_log()
    {
        var supervisor = await app.JoinAsync(Roles.Supervisor);

        var response = await supervisor.Client.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_log_of_another_workspace_is_not_shown()
    {
        var other = await app.OtherWorkspaceAdminAsync();
        var theirs = await (await other.Client.PostAsJsonAsync("/api/v1/teams", new { name = "Their team" })).Content.ReadFromJsonAsync<JsonElement>();
        var teamId = theirs.GetProperty("id").GetGuid();

        var mine = await app.AuditAsync($"?entityId={teamId}");
        var their = await other.Client.GetFromJsonAsync<AuditEndpoints.AuditPage>($"/api/v1/audit?entityId={teamId}", SocialDeskFactory.Json);

        Assert.Empty(mine.Items);
        Assert.Equal(["team.create"], their!.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("?from=yesterday", "ISO 8601")]
    [InlineData("?format=xml", "json or csv")]
    public async Task A_bad_period_or_format_is_explained(string query, string explanation)
    {
        var response = await app.Api.GetAsync($"/api/v1/audit{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
