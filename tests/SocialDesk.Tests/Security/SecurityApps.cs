using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialDesk.Data;
using SocialDesk.Features.Security;
using SocialDesk.Features.Users;

namespace SocialDesk.Tests.Security;

/// <summary>The server with every log line it writes kept, at every level, to look for what must never be written.</summary>
public sealed class LoggedApp : SocialDeskFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }
}

/// <summary>A server with settings of the test's own (a key folder, a certificate), on the engine it names or as a second node on another server's database.</summary>
public sealed class SettingsApp : SocialDeskFactory
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public SettingsApp(string provider, IReadOnlyDictionary<string, string?> settings)
        : base(provider) => this.settings = settings;

    public SettingsApp(SocialDeskFactory sharing, IReadOnlyDictionary<string, string?> settings)
        : base(sharing) => this.settings = settings;

    /// <summary>A server on SQLite (PostgreSQL keeps its keys in the database) with its key ring in the folder given.</summary>
    public static SettingsApp WithKeys(string keysPath, string? certificate = null) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            [KeyRing.KeysPathKey] = keysPath,
            [KeyRing.CertificateKey] = certificate,
            [KeyRing.CertificatePasswordKey] = certificate is null ? null : TestCertificates.Password,
        });

    /// <summary>Starts the server expecting it to refuse: every message of the exception it failed with, outermost first.</summary>
    public async Task<string> RefusedStartAsync()
    {
        var refusal = await Assert.ThrowsAnyAsync<Exception>(InitializeAsync);
        var messages = new List<string>();
        for (var e = refusal; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>A server with one allowance set low, so that a test reaches it in a few requests.</summary>
public abstract class LimitedApp(string setting, int perMinute) : SocialDeskFactory
{
    public int PerMinute => perMinute;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(setting, perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class WebhookLimitApp() : LimitedApp("RateLimits:WebhooksPerMinute", 5);

public sealed class ApiLimitApp() : LimitedApp("RateLimits:ApiPerMinute", 10);

public sealed class UnsignedWebhookLimitApp() : LimitedApp("RateLimits:UnsignedWebhooksPerMinute", 5);

/// <summary>
/// A server whose every connection comes from the address <see cref="ProxyAddress"/> (as from a reverse proxy),
/// which is the one known proxy, with two sign-ins a minute per client.
/// </summary>
public sealed class ProxiedApp : SocialDeskFactory
{
    public const string ProxyAddress = "10.0.0.5";

    /// <summary>The address connections come from; a test sets another to be a proxy the server does not know.</summary>
    public System.Net.IPAddress ConnectionAddress { get; set; } = System.Net.IPAddress.Parse(ProxyAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", ProxyAddress);
        builder.UseSetting("RateLimits:LoginPerMinute", "2");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromAddress(this)));
    }

    private sealed class FromAddress(ProxiedApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => pipeline =>
        {
            pipeline.Use((HttpContext context, RequestDelegate then) =>
            {
                context.Connection.RemoteIpAddress = app.ConnectionAddress;
                return then(context);
            });
            next(pipeline);
        };
    }
}

/// <summary>A server whose password checks are counted, to see that an unknown email costs one as a wrong password does.</summary>
public sealed class CountedHashesApp : SocialDeskFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<User>>(Hasher));
    }

    public sealed class CountingHasher : PasswordHasher<User>
    {
        private int verified;

        public int Verified => Volatile.Read(ref verified);

        public override PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Keeps every message, structured value, scope and exception written, from every category.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> lines = new();
    private IExternalScopeProvider? scopes;

    public IReadOnlyCollection<(LogLevel Level, string Text)> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs.scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(' ').Append(key).Append('=').Append(value);
                }
            }

            logs.scopes?.ForEachScope((scope, text) => text.Append(" scope: ").Append(scope), line);
            logs.lines.Enqueue((logLevel, line.ToString()));
        }
    }
}
