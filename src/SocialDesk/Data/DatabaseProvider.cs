using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialDesk.Data;

/// <summary>The one place that knows the database engines apart: <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static IServiceCollection AddSocialDeskDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        var connectionString = configuration.GetConnectionString("SocialDesk")
            ?? throw new InvalidOperationException("ConnectionStrings:SocialDesk is not set.");
        var migrations = LoadMigrationsAssembly(provider);
        services.AddDbContext<AppDbContext>(options =>
        {
            switch (provider)
            {
                case Sqlite:
                    options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                        .AddInterceptors(SqlitePragmas.Instance);
                    break;
                case Postgres:
                    options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use '{Sqlite}' or '{Postgres}'.");
            }
        });
        return services;
    }

    /// <summary>Creates or upgrades the schema; SQLite also switches to write-ahead logging so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    // The migrations projects reference this assembly, so they are loaded from beside it rather than referenced.
    private static Assembly LoadMigrationsAssembly(string provider) =>
        Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, $"SocialDesk.Migrations.{provider}.dll"));

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // SQLite's own busy handler waits in small steps; the driver's fallback sleeps far longer.
        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                using var command = sqlite.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
                command.ExecuteNonQuery();
            }
        }
    }
}
