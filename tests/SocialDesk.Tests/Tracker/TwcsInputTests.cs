using static SocialDesk.Tests.Tracker.TrackRun;

namespace SocialDesk.Tests.Tracker;

public class TwcsInputTests
{
    [Fact]
    public async Task Quoted_text_with_commas_quotes_and_line_breaks_is_one_field()
    {
        var run = await TwcsAsync(
        [
            $"1,115712,True,{At(0)},\"so, \"\"helpful\"\"\nsecond line, @AmazonHelp\r\nthird @AppleSupport\",,",
            Row("2", "AppleSupport", false, 5, "@115712 hi, \"sorry\"\nbye", inResponseTo: "1"),
            Row("3", "AmazonHelp", false, 5, "@115712 hi"),
        ]);

        Assert.Equal(1, run.Mentions("AmazonHelp"));
        Assert.Equal(0, run.Mentions("AppleSupport"));
        Assert.Contains("3 messages read, 0 bad rows", run.Error);
    }

    [Fact]
    public async Task Several_reply_ids_in_response_tweet_id_are_read()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help", responses: "2,3,4"),
            Row("2", "AppleSupport", false, 2, "@115712 hi", inResponseTo: "1"),
            Row("3", "AppleSupport", false, 3, "@115712 again", inResponseTo: "1"),
        ]);

        Assert.Equal(1, run.Answered("AppleSupport"));
        Assert.Equal(120, run.Time("AppleSupport", "median"));
    }

    [Fact]
    public async Task Ids_written_with_a_decimal_point_match_the_same_ids_without()
    {
        var run = await TwcsAsync(
        [
            Row("3.0", "115712", true, 0, "@AppleSupport help"),
            Row("4", "AppleSupport", false, 2, "@115712 hi", inResponseTo: "3"),
            Row("5", "115713", true, 0, "@AppleSupport help"),
            Row("6.0", "AppleSupport", false, 4, "@115713 hi", inResponseTo: "5.00"),
        ]);

        Assert.Equal(2, run.Answered("AppleSupport"));
    }

    [Fact]
    public async Task Ids_that_are_not_numbers_still_link_replies()
    {
        var run = await TwcsAsync(
        [
            Row("abc-1", "115712", true, 0, "@AppleSupport help"),
            Row("abc-2", "AppleSupport", false, 2, "@115712 hi", inResponseTo: "abc-1"),
        ]);

        Assert.Equal(1, run.Answered("AppleSupport"));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_number_and_skipped()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport two\nlines"),
            $"2,115712,True,yesterday,@AppleSupport help,,",
            $"3,115712,maybe,{At(0)},@AppleSupport help,,",
            $",115712,True,{At(0)},@AppleSupport help,,",
            $"5,,True,{At(0)},@AppleSupport help,,",
            Row("6", "AppleSupport", false, 2, "@115712 hi", inResponseTo: "1"),
        ]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 messages read, 4 bad rows skipped", run.Error);
        Assert.Contains("line 4: created_at 'yesterday' is not a date", run.Error);
        Assert.Contains("line 5: inbound 'maybe' is neither True nor False", run.Error);
        Assert.Contains("line 6: tweet_id is empty", run.Error);
        Assert.Contains("line 7: author_id is empty", run.Error);
        Assert.Equal(1, run.Answered("AppleSupport"));
    }

    [Fact]
    public async Task A_row_with_another_number_of_fields_is_reported_and_skipped()
    {
        var run = await TwcsAsync(
        [
            $"1,115712,True,{At(0)},@AppleSupport help,,,extra",
            Row("2", "115713", true, 0, "@AppleSupport help"),
            Row("3", "AppleSupport", false, 2, "@115713 hi", inResponseTo: "2"),
        ]);

        Assert.Contains("line 2: not the header's number of fields", run.Error);
        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task Malformed_quoting_is_reported_with_its_line_number()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115713", true, 0, "@AppleSupport help"),
            $"2,115712,True,{At(0)},\"@AppleSupport said \"no\" again\",,",
            Row("3", "AppleSupport", false, 2, "@115713 hi", inResponseTo: "1"),
        ]);

        Assert.Contains("line 3: text after the closing quote of a field", run.Error);
        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task A_quote_left_open_is_reported_and_the_rows_before_it_are_kept()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115713", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 2, "@115713 hi", inResponseTo: "1"),
            $"3,115712,True,{At(0)},\"@AppleSupport never closed,,",
            $"4,115714,True,{At(0)},@AppleSupport help,,",
        ]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("line 4: a quoted field is never closed", run.Error);
        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task A_repeated_tweet_id_keeps_its_first_row()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("1", "115713", true, 5, "@AppleSupport me too"),
            Row("2", "AppleSupport", false, 9, "@115799 hi"),
        ]);

        Assert.Contains("line 3: tweet_id '1' appears again; its first row is kept", run.Error);
        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task A_reply_naming_several_parents_is_reported()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 1, "@115712 hi", inResponseTo: "\"1,5\""),
        ]);

        Assert.Contains("line 3: in_response_to_tweet_id '1,5' names several messages", run.Error);
    }

    [Fact]
    public async Task Timestamps_with_another_offset_are_read_in_utc()
    {
        var run = await TwcsAsync(
        [
            "1,115712,True,Tue Oct 31 22:00:00 +0000 2017,@AppleSupport help,,",
            "2,AppleSupport,False,Tue Oct 31 23:30:00 +0100 2017,@115712 hi,,1",
        ]);

        Assert.Equal(1800, run.Time("AppleSupport", "mean"));
    }

    [Fact]
    public async Task A_csv_without_the_twcs_columns_fails_with_a_message()
    {
        var run = await RunAsync("id,user,text\n1,a,b\n", "twcs");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no column 'tweet_id'", run.Error);
        Assert.Null(run.Json);
    }

    [Fact]
    public async Task A_missing_file_fails_with_a_message()
    {
        var run = await FileAsync(Path.Combine(Path.GetTempPath(), "socialdesk-no-such-file.csv"), "twcs", []);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot read socialdesk-no-such-file.csv", run.Error);
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var run = await FileAsync("input.xml", "xml", []);

        Assert.NotEqual(0, run.ExitCode);
    }
}
