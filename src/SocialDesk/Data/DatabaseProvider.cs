using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Live;
using SocialDesk.Features.Sla;

namespace SocialDesk.Data;

/// <summary>The one place that knows the database engines apart: <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static IServiceCollection AddSocialDeskDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderOf(configuration);
        var connectionString = ConnectionString(configuration);
        var migrations = LoadMigrationsAssembly(provider);
        services.AddSingleton<SqliteWriteGate>();
        services.AddDbContextPool<AppDbContext>((provided, options) =>
        {
            switch (provider)
            {
                case Sqlite:
                    options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                        .AddInterceptors(SqlitePragmas.Instance, provided.GetRequiredService<AuditTrail>(), provided.GetRequiredService<SqliteWriteGate>(), provided.GetRequiredService<ConversationChangeFeed>(), provided.GetRequiredService<WorkspaceRulesReload>());
                    break;
                case Postgres:
                    options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations))
                        .AddInterceptors(provided.GetRequiredService<AuditTrail>(), provided.GetRequiredService<ConversationChangeFeed>(), provided.GetRequiredService<WorkspaceRulesReload>());
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use '{Sqlite}' or '{Postgres}'.");
            }
        });
        return services;
    }

    public static string ProviderOf(IConfiguration configuration) => configuration["Database:Provider"] ?? Sqlite;

    /// <summary>
    /// <c>ConnectionStrings:SocialDesk</c>; embedded by default: <c>socialdesk.db</c> in the <see cref="DataDirectory"/>, so that
    /// every verb finds the same database and no database or key lands in a source tree or beside the executable.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("SocialDesk")
        ?? (ProviderOf(configuration) == Sqlite
            ? $"Data Source={Path.Combine(DataDirectory(), "socialdesk.db")}"
            : throw new InvalidOperationException("ConnectionStrings:SocialDesk is not set."));

    /// <summary>The user's data folder for SocialDesk (<c>$XDG_DATA_HOME/socialdesk</c>, else <c>~/.local/share/socialdesk</c>), made if missing.</summary>
    public static string DataDirectory()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (data.Length == 0)
        {
            throw new InvalidOperationException("This user has no data folder (HOME is not set): set ConnectionStrings:SocialDesk and DataProtection:KeysPath.");
        }

        return Directory.CreateDirectory(Path.Combine(data, "socialdesk")).FullName;
    }

    /// <summary>Creates or upgrades the schema; SQLite also switches to write-ahead logging so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Npgsql's migrator reads the applied migrations before EF creates their table, and a new database logs that read as an error.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Begins a transaction whose reads all see the database as it was at the first of them: SQLite's deferred
    /// transaction (a read in write-ahead logging, never taking the write lock), PostgreSQL's repeatable read.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        return new SqliteSnapshot(db, await db.Database.UseTransactionAsync(transaction, cancellationToken), transaction);
    }

    /// <summary>Ends a SQLite read snapshot: the context lets go of the transaction, which ends, and of the connection.</summary>
    private sealed class SqliteSnapshot(AppDbContext db, IDbContextTransaction? used, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (used is not null)
            {
                await used.DisposeAsync();
            }

            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    // The migrations projects reference this assembly, so they are loaded from beside it rather than referenced.
    private static Assembly LoadMigrationsAssembly(string provider) =>
        Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, $"SocialDesk.Migrations.{provider}.dll"));

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const long OptimizeEveryMilliseconds = 10_000;
        private static long nextOptimize;

        // A function given to a connection before it opens is given again at each of its opens.
        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            if (result is SqliteConnection sqlite)
            {
                MessageSearch.AddFunctions(sqlite);
            }

            return result;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // SQLite's own busy handler waits in small steps; the driver's fallback sleeps far longer. synchronous=FULL: in
        // write-ahead logging, NORMAL may lose the last commits to a power loss, and a webhook's 200 or a reply's "may have
        // posted" mark promises they are on disk. The pooled connections
        // live long, so an open refreshes the planner's statistics where a table has grown or shrunk tenfold (a no-op
        // otherwise), at most once in a while: without them, a search's few conversations are looked for among all the
        // workspace's; on every open, the check costs ingestion a tenth of its speed.
        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                using var command = sqlite.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;" + (OptimizeDue() ? " PRAGMA optimize=0x10002;" : "");
                command.ExecuteNonQuery();
            }
        }

        private static bool OptimizeDue()
        {
            var now = Environment.TickCount64;
            var due = Interlocked.Read(ref nextOptimize);
            return now >= due && Interlocked.CompareExchange(ref nextOptimize, now + OptimizeEveryMilliseconds, due) == due;
        }
    }

    /// <summary>
    /// SQLite has one writer at a time, and a writer that finds the lock taken polls for it with growing sleeps.
    /// Writers of this process queue here instead, and each takes the lock the moment the previous one is done:
    /// SaveChanges on its own, a write in SQL of its own through <see cref="WriteAsync{T}"/>.
    /// </summary>
    public sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);

        /// <summary>Runs a write that does not go through SaveChanges in the writers' queue.</summary>
        public Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) => gate.AloneAsync(write, cancellationToken);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return result;
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            gate.Wait();
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            gate.Release();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            gate.Release();
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => gate.Release();

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            gate.Release();
            return Task.CompletedTask;
        }

        public override void SaveChangesCanceled(DbContextEventData eventData) => gate.Release();

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            gate.Release();
            return Task.CompletedTask;
        }

        public void Dispose() => gate.Dispose();
    }
}
