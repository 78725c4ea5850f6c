using System.Net.Http.Headers;
using System.Text.Json;
using OtpNet;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Tests.Users;

public sealed class AccountTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string? code = null) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, code });

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var client = app.CreateClient();

        for (var attempt = 1; attempt < UserAccounts.MaxFailedSignIns; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(client, member.Email, "not-the-password")).StatusCode);
        }

        var last = await LogInAsync(client, member.Email, "not-the-password");
        var right = await LogInAsync(client, member.Email, SocialDeskFactory.MemberPassword);

        Assert.Equal(HttpStatusCode.Locked, last.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("locked until", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var client = app.CreateClient();

        var wrong = await (await LogInAsync(client, member.Email, "not-the-password")).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await (await LogInAsync(client, "nobody@test.socialdesk.local", "not-the-password")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task With_a_second_factor_on_sign_in_needs_the_authenticator_code()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var setup = await (await member.Client.PostAsync("/api/v1/me/two-factor", null)).Content.ReadFromJsonAsync<AuthEndpoints.TwoFactorSetup>(SocialDeskFactory.Json);
        var totp = new Totp(Base32Encoding.ToBytes(setup!.SharedKey));
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = totp.ComputeTotp() })).StatusCode);
        var client = app.CreateClient();

        var withoutCode = await LogInAsync(client, member.Email, SocialDeskFactory.MemberPassword);
        var wrongCode = await LogInAsync(client, member.Email, SocialDeskFactory.MemberPassword, "000000" == totp.ComputeTotp() ? "111111" : "000000");
        var rightCode = await LogInAsync(client, member.Email, SocialDeskFactory.MemberPassword, totp.ComputeTotp());

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.True((await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_the_rule()
    {
        var invitation = await (await app.Api.PostAsJsonAsync("/api/v1/invitations", new { email = $"short-{Guid.NewGuid():N}@test.socialdesk.local", role = Roles.Agent }))
            .Content.ReadFromJsonAsync<MemberEndpoints.InvitationCreated>(SocialDeskFactory.Json);

        var accepted = await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invitation!.Token, displayName = "Short", password = "short1" });

        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        Assert.Contains("at least 12 characters", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_is_used_once()
    {
        var email = $"once-{Guid.NewGuid():N}@test.socialdesk.local";
        var invitation = await (await app.Api.PostAsJsonAsync("/api/v1/invitations", new { email, role = Roles.Analyst }))
            .Content.ReadFromJsonAsync<MemberEndpoints.InvitationCreated>(SocialDeskFactory.Json);
        var body = new { token = invitation!.Token, displayName = "Once", password = SocialDeskFactory.MemberPassword };

        var first = await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", body);
        var second = await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task A_user_belongs_to_several_workspaces_with_a_role_in_each_and_switches_between_them()
    {
        var analyst = await app.JoinAsync(Roles.Analyst);
        var other = await app.OtherWorkspaceAdminAsync();
        var invitation = await (await other.Client.PostAsJsonAsync("/api/v1/invitations", new { email = analyst.Email, role = Roles.Supervisor }))
            .Content.ReadFromJsonAsync<MemberEndpoints.InvitationCreated>(SocialDeskFactory.Json);
        (await app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invitation!.Token, password = SocialDeskFactory.MemberPassword })).EnsureSuccessStatusCode();
        var me = (await analyst.Client.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!;
        var otherWorkspace = me.Workspaces.Single(w => w.Id != me.WorkspaceId);

        var before = await analyst.Client.GetAsync("/api/v1/conversations");
        (await analyst.Client.PostAsJsonAsync("/api/v1/me/workspace", new { workspaceId = otherWorkspace.Id })).EnsureSuccessStatusCode();
        var after = await analyst.Client.GetAsync("/api/v1/conversations");

        Assert.Equal(Roles.Supervisor, otherWorkspace.Role);
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once_and_a_token_records_its_last_use()
    {
        var created = await (await app.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "ci" })).Content.ReadFromJsonAsync<TokenEndpoints.TokenCreated>(SocialDeskFactory.Json);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Secret);

        var used = await client.GetAsync("/api/v1/conversations");
        var listed = (await app.Api.GetFromJsonAsync<List<TokenEndpoints.TokenView>>("/api/v1/tokens", SocialDeskFactory.Json))!.Single(t => t.Id == created.Token.Id);
        await app.Api.DeleteAsync($"/api/v1/tokens/{created.Token.Id}");
        var revoked = await client.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.DoesNotContain(created.Secret, await (await app.Api.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_with_scopes_can_do_only_those()
    {
        var created = await (await app.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "reports only", scopes = new[] { Permissions.ReportsRead } }))
            .Content.ReadFromJsonAsync<TokenEndpoints.TokenCreated>(SocialDeskFactory.Json);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/channels")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request()
    {
        var member = await app.JoinAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/api/v1/conversations")).StatusCode);

        (await app.Api.PatchAsJsonAsync($"/api/v1/members/{member.UserId}", new { role = Roles.Supervisor })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_removed()
    {
        var other = await app.OtherWorkspaceAdminAsync();
        var me = (await other.Client.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!;
        var founder = await app.SignInAsync(SocialDeskFactory.AdminEmail, SocialDeskFactory.AdminPassword, me.WorkspaceId);
        (await other.Client.DeleteAsync($"/api/v1/members/{(await founder.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!.Id}")).EnsureSuccessStatusCode();

        var demoted = await other.Client.PatchAsJsonAsync($"/api/v1/members/{other.UserId}", new { role = Roles.Agent });
        var removed = await other.Client.DeleteAsync($"/api/v1/members/{other.UserId}");

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
    }
}
