using System.Globalization;
using CsvHelper;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Features.Ingestion;

/// <summary>A "Customer Support on Twitter" (TWCS) CSV read as a message history: customers' rows inbound, brands' rows outbound.</summary>
public static class TwcsHistory
{
    /// <summary>The rows as messages of the channel, oldest first so that every reply comes after what it answers; bad rows are described with their line.</summary>
    public static (List<IncomingMessage> Messages, List<string> BadRows) Read(FileInfo file, Guid channelId)
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

        messages.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return (messages, bad);
    }
}
