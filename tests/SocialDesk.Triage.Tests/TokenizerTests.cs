namespace SocialDesk.Triage.Tests;

public class TokenizerTests
{
    private static List<string> Texts(string message) => [.. MessageTokenizer.Tokenize(message).Select(token => token.Text)];

    [Fact]
    public void Handles_urls_and_emails_become_placeholders()
    {
        Assert.Equal(["<user>", "see", "<url>", "or", "<email>"], Texts("@AcmeHelp see https://t.co/x1 or jo@example.com"));
    }

    [Fact]
    public void Hashtags_keep_their_word_and_are_marked()
    {
        var token = Assert.Single(MessageTokenizer.Tokenize("#Panne"));
        Assert.Equal("panne", token.Text);
        Assert.True(token.Hashtag);
    }

    [Fact]
    public void Elongated_words_are_cut_to_two_letters_and_keep_a_squeezed_form()
    {
        var token = Assert.Single(MessageTokenizer.Tokenize("soooo"));
        Assert.Equal("soo", token.Text);
        Assert.Equal("so", token.Squeezed);
        Assert.True(token.Elongated);
    }

    [Fact]
    public void French_elisions_are_split_off_and_accents_removed()
    {
        Assert.Equal(["deux", "jours", "que", "j'", "attends", "l'", "electricien"], Texts("deux jours que j’attends l'électricien"));
    }

    [Fact]
    public void English_contractions_stay_whole()
    {
        Assert.Equal(["i", "don't", "know"], Texts("I don't know"));
    }

    [Fact]
    public void Emoji_with_skin_tone_is_one_token()
    {
        var token = Assert.Single(MessageTokenizer.Tokenize("👍🏽"));
        Assert.Equal(TokenKind.Emoji, token.Kind);
        Assert.Equal("👍", token.Text);
    }

    [Fact]
    public void Emoticons_are_tokens_but_not_inside_words()
    {
        Assert.Equal(["thanks", ":)"], Texts("thanks :)"));
        Assert.Equal(TokenKind.Emoticon, MessageTokenizer.Tokenize("great :-(")[1].Kind);
        Assert.Equal(":d", MessageTokenizer.Tokenize("fun :D")[1].Text);
    }

    [Fact]
    public void Digits_and_units_written_together_are_separated()
    {
        Assert.Equal(["1", "h", "30", "d'", "attente"], Texts("1h30 d'attente"));
    }

    [Fact]
    public void Shouted_words_are_marked()
    {
        Assert.True(MessageTokenizer.Tokenize("this is UNACCEPTABLE")[2].Shouted);
    }
}
