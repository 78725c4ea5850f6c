using static SocialDesk.Tests.Tracker.TrackRun;

namespace SocialDesk.Tests.Tracker;

public class MentionAttributionTests
{
    [Fact]
    public async Task A_reply_to_a_brand_message_is_a_mention_of_that_brand_whatever_its_text_names()
    {
        var run = await TwcsAsync(
        [
            Row("1", "AppleSupport", false, 0, "@115712 Hi"),
            Row("2", "115712", true, 5, "@AmazonHelp still broken", inResponseTo: "1"),
            Row("3", "AmazonHelp", false, 6, "@115712 hello"),
        ]);

        Assert.Equal(1, run.Mentions("AppleSupport"));
        Assert.Equal(0, run.Mentions("AmazonHelp"));
    }

    [Fact]
    public async Task A_message_replying_to_no_brand_message_goes_to_its_first_handle_that_is_a_brand()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "hey @friend_99 and @AmazonHelp, cc @AppleSupport"),
            Row("2", "AmazonHelp", false, 1, "@115712 hi"),
            Row("3", "AppleSupport", false, 1, "@115712 hi"),
        ]);

        Assert.Equal(1, run.Mentions("AmazonHelp"));
        Assert.Equal(0, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task Handles_match_brands_whatever_their_case()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@applesupport my phone"),
            Row("2", "AppleSupport", false, 1, "@115712 hi"),
        ]);

        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task A_reply_to_a_customer_message_falls_back_to_the_handle()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115713", true, 0, "@115712 same here"),
            Row("2", "115712", true, 1, "@115713 @AppleSupport me too", inResponseTo: "1"),
            Row("3", "AppleSupport", false, 2, "@115712 hi"),
        ]);

        Assert.Equal(1, run.Mentions("AppleSupport"));
    }

    [Fact]
    public async Task A_missing_parent_falls_back_to_the_handle()
    {
        var run = await TwcsAsync(
        [
            Row("2", "115712", true, 1, "@AppleSupport still nothing", inResponseTo: "999"),
            Row("3", "AppleSupport", false, 2, "@115712 hi", inResponseTo: "2"),
        ]);

        Assert.Equal(1, run.Mentions("AppleSupport"));
        Assert.Equal(1, run.Answered("AppleSupport"));
    }

    [Fact]
    public async Task A_message_naming_no_brand_is_no_mention()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "@115713 my phone is broken"),
            Row("2", "AppleSupport", false, 1, "@115799 hi"),
        ]);

        Assert.Equal(0, run.Mentions(null));
    }

    [Fact]
    public async Task An_at_sign_inside_a_word_is_not_a_handle()
    {
        var run = await TwcsAsync(
        [
            Row("1", "115712", true, 0, "mail me at me@AppleSupport or x@@AmazonHelp"),
            Row("2", "AppleSupport", false, 1, "@115712 hi"),
            Row("3", "AmazonHelp", false, 1, "@115712 hi"),
        ]);

        Assert.Equal(0, run.Mentions("AppleSupport"));
        Assert.Equal(1, run.Mentions("AmazonHelp"));
    }

    [Fact]
    public async Task Brands_given_with_the_option_replace_the_authors_of_brand_messages()
    {
        var run = await TwcsAsync(
            [
                Row("1", "115712", true, 0, "@AppleSupport @AmazonHelp help"),
                Row("2", "AppleSupport", false, 1, "@115712 hi", inResponseTo: "1"),
                Row("3", "115713", true, 0, "@amazonhelp help"),
            ],
            "--brand", "AmazonHelp");

        var brands = System.Text.Json.JsonDocument.Parse(run.Json!).RootElement.GetProperty("brands");
        Assert.Equal(["AmazonHelp"], brands.EnumerateArray().Select(row => row.GetProperty("brand").GetString()));
        Assert.Equal(2, run.Mentions("AmazonHelp"));
        Assert.Equal(0, run.Answered("AmazonHelp"));
    }

    [Fact]
    public async Task A_brand_given_in_another_case_is_named_as_its_messages_spell_it()
    {
        var run = await TwcsAsync(
            [
                Row("1", "115712", true, 0, "@applesupport help"),
                Row("2", "AppleSupport", false, 1, "@115712 hi", inResponseTo: "1"),
            ],
            "--brand", "APPLESUPPORT");

        Assert.Equal(1, run.Answered("AppleSupport"));
    }
}
