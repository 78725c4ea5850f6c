using Microsoft.AspNetCore.Hosting;

namespace SocialDesk.Tests.Operations;

/// <summary>A server with Redis configured at an address where nothing answers.</summary>
public sealed class UnreachableRedisApp : SocialDeskFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=1000");
    }
}
