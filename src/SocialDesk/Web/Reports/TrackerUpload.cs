using System.IO.Pipelines;
using SocialDesk.Features.Tracker;

namespace SocialDesk.Web.Reports;

/// <summary>What the tracker measured in an uploaded file: the report, and the rows it read and skipped.</summary>
public sealed record TrackerRun(TrackerReport Report, int Messages, IReadOnlyList<BadRow> BadRows, long BadRowCount);

/// <summary>
/// An uploaded file measured by the public response tracker as <c>socialdesk track</c> measures a file: read while it
/// arrives, never held whole in memory or on disk, one upload at a time on a node (each holds its messages in memory).
/// </summary>
public static class TrackerUpload
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Throws <see cref="TrackerInputException"/> for an input the tracker cannot read at all, and the upload's own errors.</summary>
    public static Task<TrackerRun> MeasureAsync(Stream upload, string format, IReadOnlyCollection<string> brands, CancellationToken cancellationToken) =>
        OneAtATime.AloneAsync(() => MeasureAloneAsync(upload, format, brands, cancellationToken), cancellationToken);

    private static async Task<TrackerRun> MeasureAloneAsync(Stream upload, string format, IReadOnlyCollection<string> brands, CancellationToken cancellationToken)
    {
        // The readers read synchronously and the upload arrives asynchronously: a pipe joins them, a few pages at a time.
        var pipe = new Pipe();
        var log = new PublicMessageLog();
        var reading = Task.Run(() =>
        {
            // Closing the pipe's end also stops the upload's copy, should the reader give up early.
            using var input = pipe.Reader.AsStream();
            TrackerInput.Read(input, format, log);
        }, CancellationToken.None);
        try
        {
            await upload.CopyToAsync(pipe.Writer, cancellationToken);
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            // The reader sees the upload's failure instead of waiting for more.
            await pipe.Writer.CompleteAsync(e);
            throw;
        }
        finally
        {
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reading;
        return new TrackerRun(ResponseTracker.Measure(log, brands), log.Count, log.BadRows, log.BadRowCount);
    }
}
