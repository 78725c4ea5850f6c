namespace SocialDesk.Features.Tracker;

/// <summary>The tracker's input formats, as <c>socialdesk track --format</c> and the web app's upload name them.</summary>
public static class TrackerInput
{
    public const string Twcs = "twcs";
    public const string Jsonl = "jsonl";

    public static readonly string[] Formats = [Twcs, Jsonl];

    /// <summary>Reads the messages of an input into the log; throws <see cref="TrackerInputException"/> when it cannot be read at all.</summary>
    public static void Read(Stream input, string format, PublicMessageLog log)
    {
        if (format == Jsonl)
        {
            TwcsJsonlReader.Read(input, log);
        }
        else
        {
            TwcsCsvReader.Read(input, log);
        }
    }
}
