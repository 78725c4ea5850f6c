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

    [Fact]
    public async Task A_jsonl_line_over_a_mebibyte_is_a_bad_row_and_the_lines_after_it_are_read()
    {
        var line = """{"tweet_id":1,"author_id":"a","inbound":true,"created_at":"2017-10-31T10:00:00Z","text":"@b hi"}""";
        var huge = $$"""{"tweet_id":2,"author_id":"a","inbound":true,"created_at":"2017-10-31T10:00:00Z","text":"{{new string('x', 3 * TwcsJsonlReader.MaxLineBytes)}}"}""";
        var file = Encoding.UTF8.GetBytes(string.Join('\n', line, huge, line.Replace("\"tweet_id\":1", "\"tweet_id\":3", StringComparison.Ordinal)));

        var run = await TrackerUpload.MeasureAsync(new BufferedStream(new MemoryStream(file), 4096), TrackerInput.Jsonl, [], CancellationToken.None);

        Assert.Equal(2, run.Messages);
        Assert.Equal([new BadRow(2, "the line is longer than 1024 KiB")], run.BadRows);
    }

    [Fact]
    public async Task Only_the_first_thousand_bad_rows_are_kept_and_every_one_is_counted()
    {
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("not json\n", 1_500)));

        var run = await TrackerUpload.MeasureAsync(new MemoryStream(file), TrackerInput.Jsonl, [], CancellationToken.None);

        Assert.Equal(PublicMessageLog.MaxBadRowsKept, run.BadRows.Count);
        Assert.Equal(1_500, run.BadRowCount);
    }

    [Fact]
    public async Task A_second_upload_waits_for_the_first_to_be_measured()
    {
        var first = new System.IO.Pipelines.Pipe();
        var measuring = TrackerUpload.MeasureAsync(first.Reader.AsStream(), TrackerInput.Jsonl, [], CancellationToken.None);
        var second = new WatchedUpload();

        var waiting = TrackerUpload.MeasureAsync(second, TrackerInput.Jsonl, [], CancellationToken.None);
        var readWhileTheFirstRan = second.WasRead;
        await first.Writer.CompleteAsync();
        await measuring;
        await waiting;

        Assert.False(readWhileTheFirstRan);
        Assert.True(second.WasRead);
    }

    /// <summary>An empty upload that tells whether it was read.</summary>
    private sealed class WatchedUpload : MemoryStream
    {
        public bool WasRead { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            return ValueTask.FromResult(0);
        }
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
