using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SocialDesk.Data;
using SocialDesk.Features.Ingestion;

namespace SocialDesk.Features.Operations;

/// <summary>
/// OpenTelemetry, each part only where asked for: with <c>Metrics:Enabled</c>, the app's meter, ASP.NET Core's HTTP server
/// metrics and the backlog gauges at <c>/metrics</c> in Prometheus's text format; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// set, traces of requests and platform calls over OTLP (the other standard <c>OTEL_*</c> variables apply too).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "socialdesk";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metrics = MetricsEnabled(configuration);
        var traces = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!metrics && !traces)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (metrics)
        {
            services.AddSingleton<BacklogGauges>();
            telemetry.WithMetrics(meters => meters
                .AddMeter(SocialDeskMetrics.MeterName)
                .AddInstrumentation(provider => provider.GetRequiredService<BacklogGauges>())
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        }

        if (traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (MetricsEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }

    private static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", false);

    // Probes and scrapes come every few seconds and tell nothing a trace would.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    /// <summary>Backlogs read from the database at each scrape, one indexed query each.</summary>
    private sealed class BacklogGauges
    {
        public BacklogGauges(SocialDeskMetrics metrics, IServiceScopeFactory scopes, TimeProvider time, ILogger<BacklogGauges> logger)
        {
            metrics.Meter.CreateObservableGauge(
                "socialdesk.raw_events.oldest_pending_age",
                () => Read(scopes, logger, db => db.RawEvents.Where(e => e.Status == RawEventStatus.Pending).OrderBy(e => e.Id).Select(e => (DateTime?)e.ReceivedAt).FirstOrDefault() is { } oldest
                    ? Math.Max(0, (time.GetUtcNow().UtcDateTime - oldest).TotalSeconds)
                    : 0),
                "s",
                "How long the oldest delivery not yet processed has waited; 0 when none waits.");
            metrics.Meter.CreateObservableGauge(
                "socialdesk.outbox.depth",
                () => Read(scopes, logger, db => db.Outbox.Count(o => o.CompletedAt == null)),
                "{reply}",
                "Replies waiting to be sent, retries included.");
        }

        // A database that does not answer leaves the gauge out of this scrape; /health/ready tells why.
        private static IEnumerable<Measurement<double>> Read(IServiceScopeFactory scopes, ILogger logger, Func<AppDbContext, double> query)
        {
            try
            {
                using var scope = scopes.CreateScope();
                return [new Measurement<double>(query(scope.ServiceProvider.GetRequiredService<AppDbContext>()))];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "A backlog gauge could not be read from the database.");
                return [];
            }
        }
    }
}
