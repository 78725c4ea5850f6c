using Microsoft.Extensions.Options;
using SocialDesk.Data;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Live;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Security;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;
using SocialDesk.Triage;

namespace SocialDesk;

/// <summary>The services every verb needs: the database, the pipeline and the connectors. The server adds the web and the workers.</summary>
public static class SocialDeskServices
{
    public static IServiceCollection AddSocialDeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<SocialDeskMetrics>();
        services.AddSocialDeskDatabase(configuration);
        services.AddAuditTrail();
        services.AddSingleton<ConversationChanges>();
        services.AddSingleton<ConversationChangeFeed>();
        services.AddSingleton<WorkspaceRulesCache>();
        services.AddSingleton<WorkspaceRulesReload>();
        services.AddScoped<SlaClock>();
        services.AddChannelSecretProtection(configuration);
        services.AddUserAccounts();
        services.Configure<ThreadingOptions>(configuration.GetSection("Threading"));
        services.Configure<ReplyOptions>(configuration.GetSection("Replies"));
        services.Configure<BootstrapOptions>(configuration.GetSection("Bootstrap"));

        services.Configure<ChannelOptions>(configuration.GetSection("Channels"));
        services.AddHttpClient<PlatformHttp>((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<ReplyOptions>>().Value.PlatformTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider => PlatformHttp.Handler(provider.GetRequiredService<IOptions<ChannelOptions>>()));
        services.AddScoped<IChannelConnector, XConnector>();
        services.AddScoped<IChannelConnector, FacebookConnector>();
        services.AddScoped<ChannelConnectors>();
        services.AddHttpClient<WebhookCheck>(client => client.Timeout = WebhookCheck.Timeout);

        services.AddSingleton<IngestionSignal>();
        services.AddSingleton<ReplySignal>();
        services.AddScoped<RawEventStore>();
        services.AddScoped<IngestionPipeline>();
        services.AddScoped<ConversationLifecycle>();
        services.AddScoped<ConversationThreader>();
        services.AddSingleton(_ => Triager.Default);
        services.AddScoped<ReplyDelivery>();
        services.AddScoped<WorkspaceBootstrap>();
        services.AddScoped<DemoWorkspace>();
        return services;
    }

    /// <summary>
    /// Brings the database up to date and makes sure the bootstrap workspace exists; seeds the demo where asked: into the
    /// bootstrap workspace in Development, into a workspace of its own otherwise. Loads triage's models now rather than on
    /// the first message.
    /// </summary>
    public static async Task InitialiseAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        services.GetRequiredService<Triager>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseProvider.MigrateAsync(db, cancellationToken);
        await KeyRing.CheckAsync(scope.ServiceProvider, db, services.GetRequiredService<IConfiguration>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<WorkspaceRulesCache>().LoadAllAsync(db, cancellationToken);
        var bootstrap = scope.ServiceProvider.GetRequiredService<WorkspaceBootstrap>();
        var workspace = await bootstrap.EnsureAsync(cancellationToken);
        if (demo)
        {
            var development = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
            await scope.ServiceProvider.GetRequiredService<DemoWorkspace>().SeedAsync(development ? workspace : await bootstrap.EnsureDemoAsync(workspace, cancellationToken), cancellationToken);
        }
    }
}
