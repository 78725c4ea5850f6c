using System.CommandLine;
using Microsoft.Data.Sqlite;
using SocialDesk.Features.Operations;

namespace SocialDesk.Tests.Operations;

public sealed class BackupCommandTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("socialdesk-backup-");

    [Fact]
    public async Task A_backup_taken_while_the_server_writes_is_a_database_holding_what_was_committed_before()
    {
        var channel = await app.CreateXChannelAsync();
        var committed = Enumerable.Range(1, 20).Select(i => $"82000000000000{i:00000}").ToList();
        await DeliverAsync(channel.Id, committed);
        await app.WaitForConversationsAsync(committed.Count);
        using var stop = new CancellationTokenSource();
        var writing = WriteUntilStoppedAsync(channel.Id, stop.Token);
        var file = Path.Combine(folder.FullName, "socialdesk-backup.db");

        var exit = await BackupAsync("--out", file);
        await stop.CancelAsync();
        var written = await writing;

        Assert.Equal(0, exit);
        Assert.True(written > 0, "The server wrote nothing while the backup was taken.");
        await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(copy, "PRAGMA integrity_check"));
        Assert.Equal(0, await ScalarAsync<long>(copy, "SELECT count(*) FROM pragma_foreign_key_check"));
        Assert.Equal(committed.Count, await ScalarAsync<long>(copy, $"SELECT count(*) FROM \"Messages\" WHERE \"PlatformMessageId\" IN ({string.Join(',', committed.Select(id => $"'{id}'"))})"));
    }

    [Fact]
    public async Task A_backup_never_replaces_a_file_unless_asked()
    {
        var file = Path.Combine(folder.FullName, "kept.db");
        await File.WriteAllTextAsync(file, "yesterday's backup");

        var refused = await BackupAsync("--out", file);
        var replaced = await BackupAsync("--out", file, "--overwrite");

        Assert.Equal((2, 0), (refused, replaced));
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 16));
    }

    [Fact]
    public async Task A_postgresql_database_is_refused_with_a_pointer_to_pg_dump()
    {
        var error = new StringWriter();
        var exit = await new RootCommand { BackupCommand.Create() }
            .Parse(["backup", "--out", Path.Combine(folder.FullName, "pg.db"), "--Database:Provider=Postgres", "--ConnectionStrings:SocialDesk=Host=127.0.0.1;Database=nowhere"])
            .InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exit);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "pg.db")));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private Task<int> BackupAsync(params string[] args) =>
        new RootCommand { BackupCommand.Create() }.Parse(["backup", .. args, $"--ConnectionStrings:SocialDesk={app.ConnectionString}"]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null });

    private async Task DeliverAsync(Guid channelId, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            (await app.ReceiveXAsync(channelId, XPayloads.Tweet(id, id[^5..], $"@TwitterDev message {id}", DateTime.UtcNow.AddMinutes(-1)))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Delivers mentions one after the other until stopped; returns how many were answered.</summary>
    private async Task<int> WriteUntilStoppedAsync(Guid channelId, CancellationToken stop)
    {
        var written = 0;
        while (!stop.IsCancellationRequested)
        {
            await DeliverAsync(channelId, [$"83{++written:D17}"]);
        }

        return written;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
