using System.Runtime.CompilerServices;

using CsvHelper;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// Reads a CSV in the columns of Kaggle's "Customer Support on Twitter" (TWCS): tweet_id, author_id, inbound,
/// created_at, text, response_tweet_id, in_response_to_tweet_id, in any order. Fields are read as UTF-8 spans
/// and only the text of customers' messages is looked into, so a million rows take well under a second.
/// </summary>
public static class TwcsCsvReader
{
    private const int MaxRecordBytes = 1 << 20;

    private static readonly string[] RequiredColumns = ["tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(Stream input, PublicMessageLog log)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            // A quote left open swallows the rest of the file into one record: bound it rather than memory.
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => log.Skip(record.LineNumber, Describe(record.Reason)),
        };
        using var reader = CsvReader.Create(input, options, leaveOpen: true);
        var columns = new int[RequiredColumns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (!reader.TryGetFieldIndex(RequiredColumns[i], out columns[i]))
            {
                throw new TrackerInputException(
                    $"The CSV header has no column '{RequiredColumns[i]}'; TWCS files have {string.Join(',', RequiredColumns)}.");
            }
        }
        var (tweetId, authorId, inbound, createdAt, text, inResponseTo) =
            (columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]);
        try
        {
            while (reader.Read())
            {
                var line = reader.LineNumber;
                if (!InputField.TryParseInbound(reader.GetSpan(inbound), out var isInbound))
                {
                    log.Skip(line, $"inbound {InputField.Quote(reader.GetSpan(inbound))} is neither True nor False");
                    continue;
                }
                if (!PostedAt.TryParse(reader.GetSpan(createdAt), out var createdAtMs))
                {
                    log.Skip(line, $"created_at {InputField.Quote(reader.GetSpan(createdAt))} is not a date");
                    continue;
                }
                log.Add(
                    line,
                    reader.GetSpan(tweetId),
                    reader.GetSpan(authorId),
                    isInbound,
                    createdAtMs,
                    isInbound ? reader.GetSpan(text) : default,
                    reader.GetSpan(inResponseTo));
            }
        }
        catch (CsvFormatException e)
        {
            log.Skip(e.LineNumber, $"{e.Message}; the rest of the file was not read");
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; the rest of the file is in it",
        CsvMalformedReason.FieldCountMismatch => "not the header's number of fields",
        _ => $"malformed CSV ({reason})",
    };
}
