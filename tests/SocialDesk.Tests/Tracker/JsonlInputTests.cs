using static SocialDesk.Tests.Tracker.TrackRun;

namespace SocialDesk.Tests.Tracker;

public class JsonlInputTests
{
    [Fact]
    public async Task Jsonl_gives_the_figures_the_same_messages_give_in_csv()
    {
        var csv = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@AppleSupport help"),
            Row("2", "AppleSupport", false, 4, "@115712 hi", inResponseTo: "1"),
            Row("3", "115713", true, 1, "@AppleSupport \"quoted\"\nhelp"),
        ]);
        var jsonl = await RunAsync(
            $$"""
            {"tweet_id": 1, "author_id": 115712, "inbound": true, "created_at": "{{At(0)}}", "text": "@AppleSupport help", "response_tweet_id": "2", "in_response_to_tweet_id": null}
            {"tweet_id": "2", "author_id": "AppleSupport", "inbound": "False", "created_at": "2017-10-31T22:04:00Z", "text": "@115712 hi", "in_response_to_tweet_id": "1.0"}
            {"tweet_id": "3", "author_id": "115713", "inbound": true, "created_at": "{{At(1)}}", "text": "@AppleSupport \"quoted\"\nhelp", "extra": {"kept": [1, 2]} }
            """,
            "jsonl");

        Assert.Equal(csv.Json, jsonl.Json);
        Assert.Contains("3 messages read, 0 bad rows", jsonl.Error);
    }

    [Fact]
    public async Task Escaped_text_is_read_unescaped()
    {
        var run = await RunAsync(
            $$"""
            {"tweet_id": "1", "author_id": "115712", "inbound": true, "created_at": "{{At(0)}}", "text": "\u0040AppleSupport help"}
            {"tweet_id": "2", "author_id": "AppleSupport", "inbound": false, "created_at": "{{At(1)}}", "text": "hi"}
            """,
            "jsonl");

        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task Text_holding_an_escaped_lone_surrogate_is_read_with_a_replacement_character()
    {
        var run = await RunAsync(
            $$"""
            {"tweet_id": "1", "author_id": "115712\ud83d", "inbound": true, "created_at": "{{At(0)}}", "text": "@AppleSupport help \ud83d"}
            {"tweet_id": "2", "author_id": "AppleSupport", "inbound": false, "created_at": "{{At(1)}}", "text": "hi", "in_response_to_tweet_id": "1"}
            """,
            "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Mentions("AppleSupport"));
        Assert.Contains("2 messages read, 0 bad rows", run.Error);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_line_number_and_skipped()
    {
        var run = await RunAsync(
            $$"""
            {"tweet_id": "1", "author_id": "115712", "inbound": true, "created_at": "{{At(0)}}", "text": "@AppleSupport help"}
            {"tweet_id": "2", "author_id": "AppleSupport",

            [1, 2, 3]
            {"tweet_id": "4", "author_id": "115712", "created_at": "{{At(0)}}", "text": "@AppleSupport help"}
            {"tweet_id": "5", "author_id": "115712", "inbound": true, "created_at": "soon", "text": "@AppleSupport help"}
            {"tweet_id": "6", "author_id": "AppleSupport", "inbound": false, "created_at": "{{At(3)}}", "text": "hi", "in_response_to_tweet_id": 1}
            """,
            "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 messages read, 4 bad rows skipped", run.Error);
        Assert.Contains("line 2: not valid JSON", run.Error);
        Assert.Contains("line 4: not a JSON object", run.Error);
        Assert.Contains("line 5: inbound '' is neither true nor false", run.Error);
        Assert.Contains("line 6: created_at 'soon' is not a date", run.Error);
        Assert.Equal(1, run.Answered("AppleSupport"));
    }
}
