namespace SocialDesk.Triage.Tests;

public class SentimentModelTests
{
    private static readonly LabelledText[] Examples =
    [
        new("great service, thank you", Sentiment.Positive),
        new("love it, perfect", Sentiment.Positive),
        new("terrible, nobody helps", Sentiment.Negative),
        new("worst company ever, cancelled again", Sentiment.Negative),
        new("what are your opening hours", Sentiment.Neutral),
        new("my order number is 1234", Sentiment.Neutral),
    ];

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_bytes()
    {
        var options = new SentimentTrainingOptions(HashBits: 12);
        Assert.Equal(Bytes(SentimentTrainer.Train(Examples, options)), Bytes(SentimentTrainer.Train(Examples, options)));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_predictions()
    {
        var model = SentimentTrainer.Train(Examples, new SentimentTrainingOptions(HashBits: 12, Epochs: 20));
        using var stream = new MemoryStream(Bytes(model));
        var loaded = SentimentModel.Load(stream);
        foreach (var example in Examples)
        {
            var original = new Triager(model).AnalyzeSentiment(example.Text);
            var reloaded = new Triager(loaded).AnalyzeSentiment(example.Text);
            Assert.Equal(original.Sentiment, reloaded.Sentiment);
            Assert.Equal(original.Score, reloaded.Score, 2);
        }
    }

    [Fact]
    public void A_trained_model_learns_its_training_examples()
    {
        var triager = new Triager(SentimentTrainer.Train(Examples, new SentimentTrainingOptions(HashBits: 12, Epochs: 30)));
        Assert.All(Examples, example => Assert.Equal(example.Sentiment, triager.AnalyzeSentiment(example.Text).Sentiment));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);
        Assert.ThrowsAny<Exception>(() => SentimentModel.Load(stream));
    }

    [SharedDataFact]
    public void A_model_trained_on_dev_airline_reaches_080_accuracy_on_a_dev_holdout()
    {
        var rows = SharedData.DevAirline();
        var training = rows.Where(row => row.TweetId % 5 != 0).Select(row => row.Example).ToList();
        var holdout = rows.Where(row => row.TweetId % 5 == 0).Select(row => row.Example).ToList();
        var scores = SentimentEvaluation.Score(new Triager(SentimentTrainer.Train(training, new SentimentTrainingOptions())), holdout);
        Assert.True(scores.Accuracy >= 0.80, $"accuracy {scores.Accuracy:0.000}");
        Assert.True(scores.MacroF1 >= 0.75, $"macro-F1 {scores.MacroF1:0.000}");
    }

    [SharedDataFact]
    public void A_model_trained_on_dev_french_tweets_reaches_060_macro_f1_on_dev_validation()
    {
        var model = SentimentTrainer.Train(SharedData.DevFrench("train"), new SentimentTrainingOptions());
        var scores = SentimentEvaluation.Score(new Triager(model), SharedData.DevFrench("val"));
        Assert.True(scores.MacroF1 >= 0.60, $"macro-F1 {scores.MacroF1:0.000}");
    }

    [SharedDataFact]
    public void The_default_model_beats_vader_on_dev_airline()
    {
        var scores = SentimentEvaluation.Score(Triager.Default, SharedData.DevAirline().Select(row => row.Example));
        Assert.True(scores.Accuracy > 0.55, $"accuracy {scores.Accuracy:0.000}");
        Assert.True(scores.MacroF1 > 0.52, $"macro-F1 {scores.MacroF1:0.000}");
    }

    private static byte[] Bytes(SentimentModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
