using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SocialDesk.Data;

namespace SocialDesk.Features.Operations;

/// <summary>
/// <c>socialdesk backup --out FILE [--overwrite]</c>: a consistent copy of the embedded SQLite database, taken with SQLite's
/// online backup API while the server keeps serving (write-ahead logging lets it write meanwhile). PostgreSQL has pg_dump.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "The file to write the copy to.", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists (it is replaced only once the copy is complete and checked)." };
        var command = new Command("backup", "Copies the embedded SQLite database while the server runs. Configuration as for serve (appsettings, environment, --Key=value).")
        {
            output,
            overwrite,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(output)!, parse.GetValue(overwrite), [.. parse.UnmatchedTokens], parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo output, bool overwrite, string[] configurationArgs, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        // The server's configuration, found the way the server finds it.
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory }).Configuration;
        if (DatabaseProvider.ProviderOf(configuration) != DatabaseProvider.Sqlite)
        {
            await console.Error.WriteLineAsync("The database is PostgreSQL: back it up with pg_dump (for example pg_dump --format=custom --file=socialdesk.dump DATABASE); socialdesk backup copies the embedded SQLite database.");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(DatabaseProvider.ConnectionString(configuration));
        if (source.DataSource is "" or ":memory:" || !File.Exists(source.DataSource))
        {
            await console.Error.WriteLineAsync($"There is no SQLite database at '{Path.GetFullPath(source.DataSource)}': check ConnectionStrings:SocialDesk.");
            return 2;
        }

        if (output.Directory is not { Exists: true })
        {
            await console.Error.WriteLineAsync($"The folder {output.DirectoryName} does not exist.");
            return 2;
        }

        if (output.Exists && !overwrite)
        {
            await console.Error.WriteLineAsync($"{output.FullName} exists: pass --overwrite to replace it.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var partial = Path.Combine(output.DirectoryName!, $".{output.Name}.{Guid.NewGuid():N}.partial");
        try
        {
            var problem = await CopyAsync(source, partial, cancellationToken);
            if (problem is not null)
            {
                await console.Error.WriteLineAsync($"The copy failed its integrity check ({problem}); {output.FullName} was not written.");
                return 1;
            }

            File.Move(partial, output.FullName, overwrite);
        }
        finally
        {
            File.Delete(partial);
        }

        await console.Output.WriteLineAsync($"Backed up {Path.GetFullPath(source.DataSource)} to {output.FullName} ({new FileInfo(output.FullName).Length:N0} bytes) in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Copies every page in one step, so under one read snapshot; returns what the copy's integrity check found wrong, if anything.</summary>
    private static async Task<string?> CopyAsync(SqliteConnectionStringBuilder source, string destination, CancellationToken cancellationToken)
    {
        // Never creates a database where there was none, and waits as the server's connections do when a checkpoint holds the file.
        source.Mode = SqliteOpenMode.ReadWrite;
        source.Pooling = false;
        await using var from = new SqliteConnection(source.ToString());
        await from.OpenAsync(cancellationToken);
        await using (var wait = from.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=10000;";
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        await using var check = to.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
        return result == "ok" ? null : result;
    }
}
