using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;
using SocialDesk.Web;

namespace SocialDesk.Tests.Users;

/// <summary>A session is only as good as the database says now: a new password ends the others, and a page's work is checked against the member's current role.</summary>
public sealed class SessionTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public async Task A_new_password_ends_the_users_other_sessions_and_keeps_the_one_that_changed_it()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var other = await app.SignInAsync(member.Email, SocialDeskFactory.MemberPassword);

        var changed = await member.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = SocialDeskFactory.MemberPassword, newPassword = "another-long-password" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Turning_the_second_factor_on_ends_the_other_sessions_and_keeps_this_one()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var other = await app.SignInAsync(member.Email, SocialDeskFactory.MemberPassword);
        var setup = await (await member.Client.PostAsync("/api/v1/me/two-factor", null)).Content.ReadFromJsonAsync<AuthEndpoints.TwoFactorSetup>(SocialDeskFactory.Json);

        var enabled = await member.Client.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = new Totp(Base32Encoding.ToBytes(setup!.SharedKey)).ComputeTotp() });

        Assert.Equal(HttpStatusCode.NoContent, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_when_turning_the_second_factor_on_lock_the_account_as_at_sign_in()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var setup = await (await member.Client.PostAsync("/api/v1/me/two-factor", null)).Content.ReadFromJsonAsync<AuthEndpoints.TwoFactorSetup>(SocialDeskFactory.Json);
        var right = new Totp(Base32Encoding.ToBytes(setup!.SharedKey)).ComputeTotp();
        var wrong = right == "000000" ? "111111" : "000000";

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < UserAccounts.MaxFailedSignIns; attempt++)
        {
            answers.Add((await member.Client.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = wrong })).StatusCode);
        }

        var withTheRightCode = await member.Client.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = right });
        var signIn = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = SocialDeskFactory.MemberPassword });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, UserAccounts.MaxFailedSignIns - 1), HttpStatusCode.Locked], answers);
        Assert.Equal(HttpStatusCode.Locked, withTheRightCode.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, signIn.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_when_joining_with_an_existing_account_lock_it_as_at_sign_in()
    {
        var member = await app.JoinAsync(Roles.Agent);
        var other = await app.OtherWorkspaceAdminAsync();
        var invited = await other.Client.PostAsJsonAsync("/api/v1/invitations", new { email = member.Email, role = Roles.Agent });
        var token = (await invited.Content.ReadFromJsonAsync<MemberEndpoints.InvitationCreated>(SocialDeskFactory.Json))!.Token;
        using var anonymous = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < UserAccounts.MaxFailedSignIns; attempt++)
        {
            answers.Add((await anonymous.PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = "not-the-password" })).StatusCode);
        }

        var withTheRightPassword = await anonymous.PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = SocialDeskFactory.MemberPassword });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, UserAccounts.MaxFailedSignIns - 1), HttpStatusCode.Locked], answers);
        Assert.Equal(HttpStatusCode.Locked, withTheRightPassword.StatusCode);
    }

    [Fact]
    public async Task A_page_s_work_is_refused_once_the_member_no_longer_holds_its_permission_though_the_circuit_still_says_so()
    {
        var admin = await app.JoinAsync(Roles.Admin);
        using var scope = app.Services.CreateScope();
        var circuit = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var stamp = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().Users.Where(u => u.Id == admin.UserId).Select(u => u.SecurityStamp).SingleAsync();
        var workspaceId = (await admin.Client.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/me", SocialDeskFactory.Json))!.WorkspaceId;
        var connected = new ClaimsPrincipal(CallerClaims.Identity(admin.UserId, workspaceId, UserAccounts.SessionScheme,
            [new Claim(CallerClaims.Stamp, stamp!), new Claim(ClaimTypes.Role, Roles.Admin)]));
        ((IHostEnvironmentAuthenticationStateProvider)circuit).SetAuthenticationState(Task.FromResult(new AuthenticationState(connected)));
        var page = scope.ServiceProvider.GetRequiredService<SignedInUser>();
        var allowed = await page.RunAsync(Permissions.TokensManage, (_, caller, _) => Task.FromResult(caller.Role()));

        (await app.Api.PatchAsJsonAsync($"/api/v1/members/{admin.UserId}", new { role = Roles.Agent })).EnsureSuccessStatusCode();
        var ran = false;
        var refused = await Assert.ThrowsAsync<AccessRevokedException>(() => page.RunAsync(Permissions.TokensManage, (_, _, _) => Task.FromResult(ran = true)));
        var now = (await circuit.GetAuthenticationStateAsync()).User;

        Assert.Equal(Roles.Admin, allowed);
        Assert.False(ran);
        Assert.Contains(Permissions.TokensManage, refused.Message, StringComparison.Ordinal);
        Assert.Equal(Roles.Agent, now.Role());
    }
}
