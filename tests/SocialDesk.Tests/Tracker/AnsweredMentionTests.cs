using static SocialDesk.Tests.Tracker.TrackRun;

namespace SocialDesk.Tests.Tracker;

public class AnsweredMentionTests
{
    [Fact]
    public async Task Response_time_runs_to_the_brand_s_earliest_reply()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("3", "AppleSupport", false, 30, "@115712 later", inResponseTo: "1"),
            Row("2", "AppleSupport", false, 10, "@115712 first", inResponseTo: "1"),
        ]);

        Assert.Equal(1, run.Answered("AppleSupport"));
        Assert.Equal(600, run.Time("AppleSupport", "mean"));
    }

    [Fact]
    public async Task A_reply_from_another_brand_does_not_answer_the_mention()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AmazonHelp", false, 10, "@115712 not us", inResponseTo: "1"),
            Row("3", "AppleSupport", false, 20, "@115799 hi"),
        ]);

        Assert.Equal(0, run.Answered("AppleSupport"));
        Assert.Equal(0.0, run.Figures("AppleSupport").GetProperty("responseRate").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Figures("AppleSupport").GetProperty("responseTimeSeconds").ValueKind);
    }

    [Fact]
    public async Task A_customer_reply_does_not_answer_the_mention()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "115713", true, 3, "@115712 same", inResponseTo: "1"),
            Row("3", "AppleSupport", false, 9, "@115799 hi"),
        ]);

        Assert.Equal(0, run.Answered("AppleSupport"));
    }

    [Fact]
    public async Task Response_rate_is_answered_over_mentions()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 1, "@115712 hi", inResponseTo: "1"),
            Row("3", "115713", true, 0, "@AppleSupport help"),
            Row("4", "115714", true, 0, "@AppleSupport help"),
            Row("5", "115715", true, 0, "@AppleSupport help"),
        ]);

        Assert.Equal(0.25, run.Figures("AppleSupport").GetProperty("responseRate").GetDouble());
    }

    [Fact]
    public async Task Rows_out_of_time_and_file_order_give_the_same_figures()
    {
        string[] rows =
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 4, "@115712 hi", inResponseTo: "1"),
            Row("3", "115712", true, 6, "@AppleSupport thanks", inResponseTo: "2"),
            Row("4", "AppleSupport", false, 20, "@115712 welcome", inResponseTo: "3"),
        ];

        var inOrder = await TwcsAsync(rows);
        var reversed = await TwcsAsync(rows.Reverse());

        Assert.Equal(inOrder.Json, reversed.Json);
        Assert.Equal(2, reversed.Answered("AppleSupport"));
        Assert.Equal(540, reversed.Time("AppleSupport", "mean"));
    }

    [Fact]
    public async Task Overall_figures_pool_every_brand_s_mentions()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 1, "@115712 hi", inResponseTo: "1"),
            Row("3", "115713", true, 0, "@AmazonHelp help"),
            Row("4", "AmazonHelp", false, 3, "@115713 hi", inResponseTo: "3"),
            Row("5", "115714", true, 0, "@AmazonHelp help"),
        ]);

        Assert.Equal(3, run.Mentions(null));
        Assert.Equal(2, run.Answered(null));
        Assert.Equal(120, run.Time(null, "median"));
    }
}
