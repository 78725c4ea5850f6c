using System.Text.Json;
using System.Text.Json.Serialization;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Channels.Facebook;
using SocialDesk.Features.Channels.X;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Users;

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
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSocialDeskCore(builder.Configuration);
        builder.Services.AddSingleton<RawEventWriter>();
        builder.Services.AddHostedService<Initialiser>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RawEventWriter>());
        builder.Services.AddHostedService<RawEventProcessor>();
        builder.Services.AddHostedService<ReplySender>();
        builder.Services.AddScoped<WebhookReception>();
        builder.Services.AddScoped<ChannelDirectory>();
        builder.Services.AddMemoryCache();

        // No default scheme: a token is looked up only where an endpoint asks for authorization, never on webhooks.
        builder.Services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build());
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapXWebhooks();
        app.MapMetaWebhooks();
        app.MapChannelEndpoints();
        app.MapIngestionEndpoints();
        app.MapConversationEndpoints();
        app.MapReplyEndpoints();
        app.MapReportEndpoints();
        return app;
    }

    /// <summary>Runs before the server listens: the schema, the bootstrap workspace and, in Development or with Demo:Enabled, the demo.</summary>
    private sealed class Initialiser(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            SocialDeskServices.InitialiseAsync(services, configuration.GetValue("Demo:Enabled", environment.IsDevelopment()), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
