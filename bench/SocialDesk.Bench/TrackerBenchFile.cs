using System.Globalization;
using System.Text;

using CsvHelper;

using SocialDesk.Features.Tracker;

namespace SocialDesk.Bench;

/// <summary>
/// Writes the tracker's benchmark input: dev/twcs-head5000.csv repeated with fresh ids (tweets and customers)
/// and each copy shifted by one more day, so that reply chains, brands and texts stay real.
/// </summary>
public static class TrackerBenchFile
{
    private const string TwitterFormat = "ddd MMM dd HH:mm:ss +0000 yyyy";

    public static void Write(string source, string destination, int rows)
    {
        var records = ReadSource(source);
        var maxId = records.SelectMany(record => new[] { record[0], record[6] }.Concat(record[5].Split(',')))
            .Select(id => MessageIds.TryParseNumeric(Encoding.UTF8.GetBytes(id), out var value) ? value : 0)
            .Max();
        var maxCustomer = records.Where(IsCustomer).Select(record => long.Parse(record[1], CultureInfo.InvariantCulture)).Max();
        using var writer = CsvWriter.ToFile(destination, new CsvWriterOptions { NewLine = "\n" });
        writer.WriteHeader(["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"]);
        for (var written = 0; written < rows; written++)
        {
            var copy = written / records.Count;
            var record = records[written % records.Count];
            var idOffset = copy * (maxId + 1);
            if (!PostedAt.TryParse(Encoding.UTF8.GetBytes(record[3]), out var createdAtMs))
            {
                throw new InvalidDataException($"{source}: created_at '{record[3]}' is not a date");
            }
            writer.WriteRecord(
            [
                Shift(record[0], idOffset),
                IsCustomer(record) ? (long.Parse(record[1], CultureInfo.InvariantCulture) + (copy * (maxCustomer + 1))).ToString(CultureInfo.InvariantCulture) : record[1],
                record[2],
                DateTimeOffset.FromUnixTimeMilliseconds(createdAtMs).AddDays(copy).ToString(TwitterFormat, CultureInfo.InvariantCulture),
                record[4],
                Shift(record[5], idOffset),
                Shift(record[6], idOffset),
            ]);
        }
    }

    private static List<string[]> ReadSource(string source)
    {
        using var reader = CsvReader.FromFile(source);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }
        return records;
    }

    private static bool IsCustomer(string[] record) =>
        record[2] == "True" && record[1].All(char.IsAsciiDigit);

    /// <summary>Moves every id of a field (response_tweet_id holds several, comma separated) by the copy's offset.</summary>
    private static string Shift(string ids, long offset) =>
        ids.Length == 0
            ? ids
            : string.Join(',', ids.Split(',').Select(id => (long.Parse(id, NumberStyles.Float, CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture)));
}
