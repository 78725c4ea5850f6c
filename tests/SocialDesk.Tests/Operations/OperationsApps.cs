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

/// <summary>A server whose metrics are exported at /metrics, on the test's clock.</summary>
public sealed class MetricsApp : ClockedApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Metrics:Enabled", "true");
    }
}

/// <summary>A server that exports its traces over OTLP (HTTP) to the endpoint given, in batches sent every 100 ms.</summary>
public sealed class TracedApp(Uri endpoint) : SocialDeskFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.ToString());
        builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100");
    }
}

/// <summary>A server on the embedded SQLite database whatever engine the suite runs on, for what only SQLite has.</summary>
public sealed class SqliteApp() : SocialDeskFactory(SocialDesk.Data.DatabaseProvider.Sqlite);
