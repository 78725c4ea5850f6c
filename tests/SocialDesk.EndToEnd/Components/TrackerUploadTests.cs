using System.Text;
using SocialDesk.Features.Tracker;
using SocialDesk.Web.Reports;

namespace SocialDesk.EndToEnd.Components;

/// <summary>An upload is measured while it arrives, as <c>socialdesk track</c> measures a file.</summary>
public sealed class TrackerUploadTests
{
    [SharedDataFact("dev/twcs-head5000.csv")]
    public async Task An_upload_gives_the_command_s_figures()
    {
        var path = SharedData.PathOf("dev/twcs-head5000.csv");
        var log = new PublicMessageLog();
        await using (var file = File.OpenRead(path))
        {
            TrackerInput.Read(file, TrackerInput.Twcs, log);
        }

        // A stream that hands out a few bytes at a time, as an upload arrives.
        await using var upload = new BufferedStream(File.OpenRead(path), 1000);
        var run = await TrackerUpload.MeasureAsync(upload, TrackerInput.Twcs, [], CancellationToken.None);

        Assert.Equal(ResponseTracker.Measure(log, []).ToJson(), run.Report.ToJson());
        Assert.Equal(log.Count, run.Messages);
    }

    [Fact]
    public async Task A_file_without_the_twcs_columns_is_refused_at_once()
    {
        // Far more than the pipe holds, so that the upload must stop when the reader gives up.
        var notTwcs = Encoding.UTF8.GetBytes("name,age\n" + string.Concat(Enumerable.Repeat("someone,42\n", 100_000)));

        var refused = await Assert.ThrowsAsync<TrackerInputException>(() =>
            TrackerUpload.MeasureAsync(new MemoryStream(notTwcs), TrackerInput.Twcs, [], CancellationToken.None));

        Assert.Contains("tweet_id", refused.Message);
    }

    [Fact]
    public async Task A_failed_upload_stops_the_reader()
    {
        var refused = await Assert.ThrowsAsync<IOException>(() =>
            TrackerUpload.MeasureAsync(new FailingUpload(), TrackerInput.Jsonl, [], CancellationToken.None));

        Assert.Equal("the browser went away", refused.Message);
    }

    /// <summary>An upload whose connection breaks after its first line.</summary>
    private sealed class FailingUpload : MemoryStream
    {
        private bool sent;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (sent)
            {
                throw new IOException("the browser went away");
            }

            sent = true;
            var line = Encoding.UTF8.GetBytes("""{"tweet_id":1,"author_id":"a","inbound":true,"created_at":"2017-10-31T10:00:00Z","text":"@b hi"}""" + "\n");
            line.CopyTo(buffer);
            return ValueTask.FromResult(line.Length);
        }
    }
}
