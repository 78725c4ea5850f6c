using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Ingestion;

/// <summary><c>socialdesk import --format twcs FILE --channel ID</c>: loads a history through the ingestion pipeline, as if it had been delivered.</summary>
public static class ImportCommand
{
    private const int ChunkSize = 500;

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "The file's format: twcs (Customer Support on Twitter CSV).", Required = true };
        format.AcceptOnlyFromAmong("twcs");
        var channel = new Option<Guid>("--channel") { Description = "The channel the history belongs to: customers' rows arrive on it, brand rows are its replies.", Required = true };
        var file = new Argument<FileInfo>("FILE") { Description = "The file to import." };
        file.AcceptExistingOnly();
        var command = new Command("import", "Loads a message history into a channel through the ingestion pipeline. Configuration as for serve (appsettings, environment, --Key=value).")
        {
            format,
            channel,
            file,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(channel), [.. parse.UnmatchedTokens], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, Guid channelId, string[] configuration, CancellationToken cancellationToken)
    {
        // Settings files sit beside the executable, wherever the command is run from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configuration, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSocialDeskCore(builder.Configuration);
        using var host = builder.Build();
        await SocialDeskServices.InitialiseAsync(host.Services, demo: false, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            await Console.Error.WriteLineAsync($"There is no channel {channelId}.");
            return 1;
        }

        var (messages, badRows) = TwcsHistory.Read(file, channel.Id);
        foreach (var bad in badRows)
        {
            await Console.Error.WriteLineAsync(bad);
        }

        var store = scope.ServiceProvider.GetRequiredService<RawEventStore>();
        foreach (var chunk in messages.Chunk(ChunkSize))
        {
            await store.AppendAsync([new IncomingDelivery(channel.WorkspaceId, null, MessageBatch.Format, MessageBatch.Serialize(chunk))], cancellationToken);
        }

        // A running server may take some of the deliveries: the import ends once each is processed, by either.
        var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
        var pending = db.RawEvents.Where(e => e.WorkspaceId == channel.WorkspaceId && e.Format == MessageBatch.Format && e.Status == RawEventStatus.Pending);
        while (true)
        {
            if (await pipeline.ProcessPendingAsync(RawEventProcessor.BatchSize, cancellationToken) > 0)
            {
                continue;
            }

            if (!await pending.AnyAsync(cancellationToken))
            {
                break;
            }

            // The server holds the rest.
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        var conversations = await db.Conversations.CountAsync(c => c.ChannelId == channel.Id, cancellationToken);
        Console.WriteLine($"Imported {messages.Count} messages ({badRows.Count} bad rows skipped); channel {channel.Name} has {conversations} conversations.");
        return badRows.Count == 0 ? 0 : 3;
    }
}
