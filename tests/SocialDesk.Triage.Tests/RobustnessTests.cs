namespace SocialDesk.Triage.Tests;

public class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@Acme")]
    [InlineData("http://example.com")]
    [InlineData("!!!???")]
    public void Text_without_words_is_neutral_chatter(string text)
    {
        var result = Triager.Default.Analyze(text);
        Assert.Equal(Intent.Chatter, result.Intent);
        Assert.Empty(result.Topics);
        Assert.Null(result.WaitMinutes);
    }

    [Fact]
    public void Random_characters_never_break_triage()
    {
        var random = new Random(7);
        char[] alphabet = ['a', 'é', 'ß', 'ñ', ' ', '\n', '@', '#', ':', ')', '(', '\'', '’', '-', '1', '9', '.', ',', '!', '?', '*',
            '\uD83D', '\uDE0D', '\uD83C', '\uDFFD', '\uFE0F', '\u200D', '\u2764', 'h', 't', 'p', '/', 'w'];
        for (int sample = 0; sample < 2000; sample++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var result = Triager.Default.Analyze(text);
            Assert.InRange(result.Urgency, 0, 100);
            Assert.InRange(result.SentimentScore, -1, 1);
        }
    }

    [Fact]
    public void A_long_text_is_triaged()
    {
        string text = string.Concat(Enumerable.Repeat("on hold for 2 hours, no answer, unacceptable. ", 2000));
        var result = Triager.Default.Analyze(text);
        Assert.Equal(Intent.Complaint, result.Intent);
        Assert.Equal(120, result.WaitMinutes);
    }
}
