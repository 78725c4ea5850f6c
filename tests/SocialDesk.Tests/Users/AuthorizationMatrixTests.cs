using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Notifications;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Users;

/// <summary>
/// Every endpoint of the API, as every role and as another workspace's admin, answers as <see cref="Permissions.Matrix"/> says.
/// The endpoints are read from the running app, so a new endpoint without a rule fails here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    // Public on purpose: platforms' webhooks (they sign), signing in, accepting an invitation, health and the API description.
    private static readonly string[] Anonymous =
    [
        "GET /webhooks/x/{channelId:guid}", "POST /webhooks/x/{channelId:guid}", "GET /webhooks/meta/{channelId:guid}", "POST /webhooks/meta/{channelId:guid}",
        "POST /api/v1/auth/login", "POST /api/v1/invitations/accept", "GET /health", "GET /openapi/{documentName}.json",
    ];

    private sealed record Route(string Method, string Pattern, string Permission)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    [Fact]
    public void Every_endpoint_requires_one_permission_of_the_matrix_or_is_knowingly_public()
    {
        var problems = new List<string>();
        foreach (var (name, endpoint) in Endpoints())
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || (policies.Count == 0 && !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any());
            if (Anonymous.Contains(name))
            {
                if (!anonymous)
                {
                    problems.Add($"{name} is listed as public but asks for authorization.");
                }
            }
            else if (policies.Count != 1 || !Permissions.Matrix.ContainsKey(policies[0]))
            {
                problems.Add($"{name} has no single permission of the matrix (policies: {string.Join(", ", policies)}).");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_endpoint_but_health_and_the_API_description_is_rate_limited()
    {
        var unlimited = Endpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null && !e.Endpoint.Metadata.Contains(WebhookLimits.Applied))
            .Select(e => e.Name)
            .Except(["GET /health", "GET /openapi/{documentName}.json"])
            .ToList();

        Assert.Empty(unlimited);
    }

    [Fact]
    public async Task Each_role_is_let_through_or_refused_on_every_endpoint_as_the_matrix_says()
    {
        var members = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            members[role] = (await app.JoinAsync(role)).Client;
        }

        var problems = new List<string>();
        foreach (var route in Routes().OrderBy(r => r.Pattern.EndsWith("/logout", StringComparison.Ordinal)))
        {
            foreach (var (role, client) in members)
            {
                // Fresh ids: a permitted caller gets past authorization to a 404 or a 400, and nothing real is changed.
                using var response = await SendAsync(client, route, _ => Guid.NewGuid().ToString());
                var status = (int)response.StatusCode;
                var allowed = Permissions.Allows(role, route.Permission);
                if (allowed ? status is 401 or 403 : status != 403)
                {
                    problems.Add($"{route} as {role}: {status}, expected {(allowed ? "to pass" : "403")}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Another_workspace_admin_gets_404_for_every_id_of_this_workspace_and_none_of_its_data_in_lists()
    {
        var ids = await WorkspaceWithOneOfEverythingAsync();
        var stranger = (await app.OtherWorkspaceAdminAsync()).Client;

        var problems = new List<string>();
        foreach (var route in Routes().Where(r => !r.Pattern.EndsWith("/logout", StringComparison.Ordinal)))
        {
            var asked = new List<string>();
            using var response = await SendAsync(stranger, route, parameter =>
            {
                asked.Add(ids.TryGetValue(parameter, out var id) ? id : throw new InvalidOperationException($"Give this test a real id for '{parameter}' of {route}."));
                return id;
            });
            var body = await response.Content.ReadAsStringAsync();
            if (asked.Count > 0 && response.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"{route}: {(int)response.StatusCode} for an id of another workspace, expected 404");
            }

            // An answer may repeat the ids it was asked about ("there is no conversation ..."), never show others.
            var leaked = ids.Values.Where(id => Guid.TryParse(id, out _) && !asked.Contains(id) && body.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (leaked.Count > 0)
            {
                problems.Add($"{route} shows ids of another workspace: {string.Join(", ", leaked)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_README_table_of_roles_is_the_code_s()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot!, "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(MatrixTable(), readme, StringComparison.Ordinal);
    }

    /// <summary>The roles-by-permissions table, as the README shows it.</summary>
    public static string MatrixTable()
    {
        var table = new StringBuilder("| permission | " + string.Join(" | ", Roles.All) + " |\n|---|" + string.Concat(Roles.All.Select(_ => "---|")) + "\n");
        foreach (var (permission, roles) in Permissions.Matrix)
        {
            table.Append($"| `{permission}` | ").Append(string.Join(" | ", Roles.All.Select(r => roles.Contains(r) ? "✓" : " "))).Append(" |\n");
        }

        return table.ToString();
    }

    /// <summary>A notification for the bootstrap admin, as an SLA breach would leave.</summary>
    private async Task<Guid> NotificationAsync(Guid conversationId)
    {
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        var conversation = await db.Conversations.FindAsync(conversationId);
        var admin = await db.Users.SingleAsync(u => u.Email == SocialDeskFactory.AdminEmail);
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = conversation!.WorkspaceId,
            UserId = admin.Id,
            ConversationId = conversationId,
            Kind = "sla_breached",
            Text = "SLA breached.",
            CreatedAt = DateTime.UtcNow,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    private async Task<Dictionary<string, string>> WorkspaceWithOneOfEverythingAsync()
    {
        var channel = await app.CreateXChannelAsync();
        await app.ReceiveXAsync(channel.Id, XPayloads.Tweet($"m-{Guid.NewGuid():N}", "matrix-customer", "@brand hello", DateTime.UtcNow.AddMinutes(-1)));
        var conversation = (await app.WaitForConversationsAsync(1, $"?channel={channel.Id}")).Items[0];
        var agent = await app.JoinAsync(Roles.Agent);
        var team = await (await app.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Team {Guid.NewGuid():N}" })).Content.ReadFromJsonAsync<JsonElement>();
        var invitation = await (await app.Api.PostAsJsonAsync("/api/v1/invitations", new { email = "later@test.socialdesk.local", role = Roles.Agent })).Content.ReadFromJsonAsync<JsonElement>();
        var token = await (await app.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "matrix" })).Content.ReadFromJsonAsync<JsonElement>();
        var rawEvent = await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/raw-events?pageSize=1");
        var policy = await (await app.Api.PostAsJsonAsync("/api/v1/sla/policies", new { name = $"Policy {Guid.NewGuid():N}", firstResponseMinutes = 30 })).Content.ReadFromJsonAsync<JsonElement>();
        var calendar = await (await app.Api.PostAsJsonAsync("/api/v1/sla/calendars", new { name = $"Calendar {Guid.NewGuid():N}", definition = new { alwaysOpen = true } })).Content.ReadFromJsonAsync<JsonElement>();
        var canned = await (await app.Api.PostAsJsonAsync("/api/v1/canned-replies", new { name = $"canned-{Guid.NewGuid():N}", text = "Hello {{customer.name}}" })).Content.ReadFromJsonAsync<JsonElement>();
        return new Dictionary<string, string>
        {
            ["canned-replies.id"] = canned.GetProperty("id").GetString()!,
            ["conversations.messageId"] = (await app.ConversationAsync(conversation.Id)).Messages[0].Id.ToString(),
            ["sla.policyId"] = policy.GetProperty("id").GetString()!,
            ["sla.calendarId"] = calendar.GetProperty("id").GetString()!,
            ["notifications.id"] = (await NotificationAsync(conversation.Id)).ToString(),
            ["conversations.id"] = conversation.Id.ToString(),
            ["channels.id"] = channel.Id.ToString(),
            ["contacts.id"] = conversation.ContactId.ToString(),
            ["teams.id"] = team.GetProperty("id").GetString()!,
            ["members.userId"] = agent.UserId.ToString(),
            ["teams.userId"] = agent.UserId.ToString(),
            ["invitations.id"] = invitation.GetProperty("invitation").GetProperty("id").GetString()!,
            ["tokens.id"] = token.GetProperty("token").GetProperty("id").GetString()!,
            ["raw-events.id"] = rawEvent.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Sends a request to the route with each parameter given by <paramref name="id"/> (keyed <c>area.parameter</c>) and an empty JSON body.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route, Func<string, string> id)
    {
        var area = route.Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        var path = RouteParameter().Replace(route.Pattern, match => match.Groups["name"].Value switch
        {
            "dimension" => "channel",
            var name when match.Groups["type"].Value == "long" => id($"{area}.{name}") is var value && long.TryParse(value, out _) ? value : "987654321",
            var name => id($"{area}.{name}"),
        });
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PATCH" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return client.SendAsync(request);
    }

    private IEnumerable<Route> Routes() =>
        Endpoints()
            .Where(e => !Anonymous.Contains(e.Name))
            .Select(e => new Route(e.Name.Split(' ')[0], e.Name.Split(' ')[1], e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().First()));

    /// <summary>
    /// The API's endpoints: the web app's pages and assets name their permissions themselves (see the web app's tests),
    /// and the static files' fallback (the last endpoint, order int.MaxValue) serves files only.
    /// </summary>
    private IEnumerable<(string Name, RouteEndpoint Endpoint)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Web.WebAppEndpoint>() is null && e.Order != int.MaxValue)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => ($"{method} {Normalise(e.RoutePattern.RawText!)}", e)));

    private static string Normalise(string pattern) => "/" + pattern.Trim('/');

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<type>[a-z]+))?\}")]
    private static partial Regex RouteParameter();
}
