using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialDesk.Data;

namespace SocialDesk.Features.Operations;

/// <summary>
/// Health for load balancers and orchestrators, anonymous: <c>/health/live</c> (the process answers), <c>/health/ready</c>
/// (the database answers, no migration is pending, and Redis answers where <c>ConnectionStrings:Redis</c> is set) and
/// <c>/health</c>, which answers as <c>/health/live</c>. An answer names the checks and their status, nothing else.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            checks.AddRedis(redis, "redis", tags: [Ready], timeout: RedisTimeout);
        }

        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false };
        app.MapHealthChecks("/health", live);
        app.MapHealthChecks(LivePath, live);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteStatusesAsync });
        return app;
    }

    // Exceptions and descriptions stay in the server's log: they can name hosts, users and paths.
    private static Task WriteStatusesAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new HealthAnswer(report.Status.ToString(), report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString())));

    public sealed record HealthAnswer(string Status, Dictionary<string, string> Checks);

    /// <summary>Ready only once the schema is the one this build expects: a server on an older schema would fail its queries.</summary>
    private sealed class MigrationsApplied(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? new HealthCheckResult(context.Registration.FailureStatus)
                : HealthCheckResult.Healthy();
    }
}
