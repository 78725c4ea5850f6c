using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using SocialDesk.Features.Users;
using SocialDesk.Web;
using SocialDesk.Web.Account;

namespace SocialDesk.EndToEnd.Components;

/// <summary>The web app's side of the permission matrix: every page names one permission, but the sign-in page.</summary>
public sealed class PagePermissionTests
{
    [Fact]
    public void Every_page_but_sign_in_requires_one_permission_of_the_matrix()
    {
        var pages = typeof(WebApp).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).ToList();

        Assert.Contains(typeof(Login), pages);
        Assert.All(pages.Where(p => p != typeof(Login)), page =>
            Assert.Contains(Assert.Single(page.GetCustomAttributes<AuthorizeAttribute>()).Policy!, Permissions.Matrix.Keys));
        Assert.NotNull(typeof(Login).GetCustomAttribute<AllowAnonymousAttribute>());
    }
}
