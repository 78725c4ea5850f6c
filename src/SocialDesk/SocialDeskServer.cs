using System.Text.Json;
using System.Text.Json.Serialization;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Live;
using SocialDesk.Features.Notifications;
using SocialDesk.Features.Operations;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Routing;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;
using SocialDesk.Web;

namespace SocialDesk;

/// <summary>The <c>serve</c> verb: the web app, the API, the webhooks and the workers in one process.</summary>
public static class SocialDeskServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        // Named for this assembly whoever hosts it (a bench, a test), so the web app's static assets are found; rooted
        // beside the executable, so that settings and assets are found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SocialDeskServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // First of the hosted services: the others (the key ring's among them) start on a migrated database.
        builder.Services.AddHostedService<Initialiser>();
        builder.Services.AddSocialDeskCore(builder.Configuration);
        builder.Services.AddSingleton<RawEventWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RawEventWriter>());
        builder.Services.AddHostedService<RawEventProcessor>();
        builder.Services.AddHostedService<ReplySender>();
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Retention")).Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be above zero.").ValidateOnStart();
        builder.Services.AddHostedService<RetentionWorker>();
        builder.Services.AddOptions<ReportRollupOptions>().Bind(builder.Configuration.GetSection("Reports")).Validate(o => o.RollupInterval > TimeSpan.Zero, "Reports:RollupInterval must be above zero.").ValidateOnStart();
        builder.Services.AddSingleton<ReportRollupWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReportRollupWorker>());
        builder.Services.Configure<SlaOptions>(builder.Configuration.GetSection("Sla"));
        builder.Services.AddSingleton<SlaWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SlaWorker>());
        builder.Services.Configure<RoutingOptions>(builder.Configuration.GetSection("Routing"));
        builder.Services.AddSingleton<RoutingWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RoutingWorker>());
        builder.Services.Configure<MessageSearchOptions>(builder.Configuration.GetSection("Search"));
        builder.Services.AddSingleton<MessageSearchIndexer>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<MessageSearchIndexer>());
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<Presence>();
        builder.Services.AddSingleton<PresenceLimits>();
        builder.Services.AddHostedService<HubForwarder>();
        builder.Services.AddScoped<WebhookReception>();
        builder.Services.AddScoped<ChannelDirectory>();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddMemoryCache();

        builder.Services.AddSignIn();
        builder.Services.AddSecurityHardening(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthEndpoints(builder.Configuration);
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddWebApp();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Converters.Add(new WellFormedStringConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHardening();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapTelemetry();
        app.MapXWebhooks();
        app.MapMetaWebhooks();
        app.MapChannelEndpoints();
        app.MapIngestionEndpoints();
        app.MapConversationEndpoints();
        app.MapReplyEndpoints();
        app.MapCannedReplyEndpoints();
        app.MapModerationEndpoints();
        app.MapReportEndpoints();
        app.MapAuthEndpoints();
        app.MapMemberEndpoints();
        app.MapTeamEndpoints();
        app.MapTokenEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapAuditEndpoints();
        app.MapContactEndpoints();
        app.MapSlaEndpoints();
        app.MapRoutingEndpoints();
        app.MapNotificationEndpoints();
        app.MapHub<WorkspaceHub>(WorkspaceHub.Path).RequireRateLimiting(RateLimits.Api);
        app.MapWebApp();
        return app;
    }

    /// <summary>Runs before the server listens: the schema, the bootstrap workspace and, in Development or with Demo:Enabled, the demo.</summary>
    private sealed class Initialiser(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, PublicAddress publicAddress) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // A wrong address is said at start, not when an admin first looks at a webhook.
            _ = publicAddress.BaseUrl;
            return SocialDeskServices.InitialiseAsync(services, configuration.GetValue("Demo:Enabled", environment.IsDevelopment()), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
