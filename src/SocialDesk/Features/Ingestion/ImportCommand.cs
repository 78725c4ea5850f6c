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

        var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
        while (await pipeline.ProcessPendingAsync(RawEventProcessor.BatchSize, cancellationToken) > 0)
        {
        }

        var conversations = await db.Conversations.CountAsync(c => c.ChannelId == channel.Id, cancellationToken);
        Console.WriteLine($"Imported {messages.Count} messages ({badRows.Count} bad rows skipped); channel {channel.Name} has {conversations} conversations.");
        return badRows.Count == 0 ? 0 : 3;
    }
}
