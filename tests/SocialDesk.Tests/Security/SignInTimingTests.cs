namespace SocialDesk.Tests.Security;

/// <summary>Signing in with an unknown email costs what a wrong password costs: a password hash is checked either way.</summary>
public sealed class SignInTimingTests(CountedHashesApp app) : IClassFixture<CountedHashesApp>
{
    [Fact]
    public async Task An_unknown_email_checks_a_password_hash_as_a_wrong_password_does()
    {
        var member = await app.JoinAsync(Features.Workspaces.Roles.Agent);
        using var client = app.CreateClient();

        var before = app.Hasher.Verified;
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = "not-the-password" });
        var forWrongPassword = app.Hasher.Verified - before;
        before = app.Hasher.Verified;
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody-here@test.socialdesk.local", password = "not-the-password" });
        var forUnknownEmail = app.Hasher.Verified - before;

        Assert.Equal(1, forWrongPassword);
        Assert.Equal(forWrongPassword, forUnknownEmail);
    }
}
