namespace SocialDesk.Triage.Tests;

public class SentimentTests
{
    [Theory]
    [InlineData("the service was good")]
    [InlineData("le service était bien")]
    [InlineData("der Service war gut")]
    [InlineData("el servicio fue bueno")]
    public void Negation_turns_a_positive_word_negative(string positive)
    {
        string negated = positive
            .Replace("was good", "was not good", StringComparison.Ordinal)
            .Replace("était bien", "n'était pas bien", StringComparison.Ordinal)
            .Replace("war gut", "war nicht gut", StringComparison.Ordinal)
            .Replace("fue bueno", "no fue bueno", StringComparison.Ordinal);
        Assert.True(Polarity(positive) > 0);
        Assert.True(Polarity(negated) < 0);
    }

    [Fact]
    public void Pas_terrible_is_negative_in_French()
    {
        Assert.True(Polarity("ce n'est pas terrible") < 0);
    }

    [Theory]
    [InlineData("good", "very good")]
    [InlineData("bien", "vraiment bien")]
    [InlineData("gut", "sehr gut")]
    [InlineData("bueno", "muy bueno")]
    public void Intensifiers_strengthen_polarity(string plain, string intensified)
    {
        Assert.True(Polarity(intensified) > Polarity(plain));
    }

    [Fact]
    public void Elongation_and_shouting_strengthen_polarity()
    {
        Assert.True(Polarity("goooood") > Polarity("good"));
        Assert.True(Polarity("AWFUL") < Polarity("awful"));
    }

    [Fact]
    public void Emojis_carry_polarity()
    {
        Assert.True(Polarity("😡") < 0);
        Assert.True(Polarity("😍") > 0);
    }

    [Theory]
    [InlineData("@JetWay flight cancelled, stuck at the airport with no help. Worst airline ever", Sentiment.Negative)]
    [InlineData("@JetWay thank you so much, the crew was wonderful!", Sentiment.Positive)]
    [InlineData("@JetWay what time does boarding start for flight 12?", Sentiment.Neutral)]
    [InlineData("@BoxTel toujours pas de connexion, j'en ai marre", Sentiment.Negative)]
    [InlineData("@BoxTel merci beaucoup, tout fonctionne !", Sentiment.Positive)]
    [InlineData("@FernZug danke, super freundlich", Sentiment.Positive)]
    [InlineData("@RedMovil pésimo servicio, nadie responde", Sentiment.Negative)]
    public void Default_model_reads_clear_sentiment(string text, Sentiment expected)
    {
        Assert.Equal(expected, Triager.Default.Analyze(text).Sentiment);
    }

    [Fact]
    public void Sentiment_score_stays_between_minus_one_and_one_and_follows_the_label()
    {
        var negative = Triager.Default.Analyze("terrible, awful, the worst service ever 😡😡");
        var positive = Triager.Default.Analyze("wonderful, thank you so much, perfect service 😍");
        Assert.InRange(negative.SentimentScore, -1, -0.3);
        Assert.InRange(positive.SentimentScore, 0.3, 1);
    }

    private static float Polarity(string text) => MessageAnalysis.Of(text).Polarity.Sum();
}
