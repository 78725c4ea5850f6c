using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Tracker;

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
        var builder = Host.CreateApplicationBuilder(configuration);
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

        var (messages, badRows) = ReadTwcs(file, channel.Id);
        foreach (var bad in badRows)
        {
            await Console.Error.WriteLineAsync(bad);
        }

        // Oldest first, so that every reply finds the message it answers.
        messages.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
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

    private static (List<IncomingMessage> Messages, List<string> BadRows) ReadTwcs(FileInfo file, Guid channelId)
    {
        var messages = new List<IncomingMessage>();
        var bad = new List<string>();
        using var input = file.OpenRead();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => bad.Add($"{file.Name}:{record.LineNumber}: skipped: malformed CSV ({record.Reason})."),
        };
        using var csv = CsvReader.Create(input, options, leaveOpen: true);
        int Column(string name) => csv.TryGetFieldIndex(name, out var index)
            ? index
            : throw new InvalidOperationException($"{file.Name} has no column '{name}': it is not a TWCS file.");
        var (tweetId, authorId, inbound, createdAt, text, inResponseTo) =
            (Column("tweet_id"), Column("author_id"), Column("inbound"), Column("created_at"), Column("text"), Column("in_response_to_tweet_id"));
        while (csv.Read())
        {
            var replyTo = csv.GetSpan(inResponseTo);
            if (!MessageIds.TryParseNumeric(csv.GetSpan(tweetId), out var id) || csv.IsEmpty(authorId)
                || !InputField.TryParseInbound(csv.GetSpan(inbound), out var isInbound)
                || !PostedAt.TryParse(csv.GetSpan(createdAt), out var postedAtMs)
                || (!replyTo.IsEmpty && !MessageIds.TryParseNumeric(replyTo, out _)))
            {
                bad.Add($"{file.Name}:{csv.LineNumber}: skipped: tweet_id, author_id, inbound (True/False), created_at and in_response_to_tweet_id must all be valid.");
                continue;
            }

            var author = csv.GetString(authorId);
            string? parent = MessageIds.TryParseNumeric(replyTo, out var parentId) ? parentId.ToString(CultureInfo.InvariantCulture) : null;
            messages.Add(new IncomingMessage(channelId, id.ToString(CultureInfo.InvariantCulture), parent, new IncomingAuthor(author, author), csv.GetString(text),
                DateTimeOffset.FromUnixTimeMilliseconds(postedAtMs), isInbound ? MessageDirection.Inbound : MessageDirection.Outbound));
        }

        return (messages, bad);
    }
}
