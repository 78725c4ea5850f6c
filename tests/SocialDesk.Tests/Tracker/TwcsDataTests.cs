namespace SocialDesk.Tests.Tracker;

/// <summary>Runs on real TWCS data from ../shared/data; expected figures were computed apart, in Python and in DuckDB.</summary>
public class TwcsDataTests
{
    [SharedDataFact("fixtures/twcs-sample.csv")]
    public async Task The_publisher_s_sample_is_measured()
    {
        var run = await RunWithJsonAsync("fixtures/twcs-sample.csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("93 messages read, 0 bad rows skipped", run.Error);
        Assert.Equal(36, run.Mentions(null));
        Assert.Equal(29, run.Answered(null));
        Assert.Equal(1387, run.Time(null, "median"));
        Assert.Equal(24022, run.Time(null, "p90"));
        Assert.Equal(6947.5, run.Time(null, "trimmedMean95"));
        Assert.Equal(11, run.Mentions("AppleSupport"));
        Assert.Equal(7, run.Answered("AppleSupport"));
        Assert.Equal(21662, run.Time("AppleSupport", "median"));
    }

    [SharedDataFact("dev/twcs-head5000.csv")]
    public async Task The_first_5000_rows_are_measured()
    {
        var run = await RunWithJsonAsync("dev/twcs-head5000.csv");

        Assert.Contains("5,000 messages read, 0 bad rows skipped", run.Error);
        Assert.Equal(2177, run.Mentions(null));
        Assert.Equal(1613, run.Answered(null));
        Assert.Equal(688, run.Time(null, "median"));
        Assert.Equal(22371, run.Time(null, "p90"));
        Assert.Equal(3637.7775603392042, run.Time(null, "trimmedMean95"), 9);
        Assert.Equal(230, run.Mentions("ChipotleTweets"));
        Assert.Equal(207, run.Answered("ChipotleTweets"));
    }

    private static async Task<TrackRun> RunWithJsonAsync(string relativePath)
    {
        var json = Path.Combine(Path.GetTempPath(), $"socialdesk-track-{Guid.NewGuid():N}.json");
        try
        {
            return await TrackRun.FileAsync(SharedData.PathOf(relativePath), "twcs", ["--json", json], json);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
