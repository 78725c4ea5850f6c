namespace SocialDesk.Triage;

/// <summary>Accuracy and macro-F1 of three-class sentiment, as the README publishes them.</summary>
public sealed record SentimentScores(int Count, double Accuracy, double MacroF1, IReadOnlyList<double> F1ByClass);

public static class SentimentEvaluation
{
    public static SentimentScores Score(Triager triager, IEnumerable<LabelledText> examples)
    {
        const int classes = SentimentModel.ClassCount;
        var confusion = new int[classes, classes];
        int count = 0;
        foreach (var example in examples)
        {
            var (predicted, _) = triager.AnalyzeSentiment(example.Text);
            confusion[(int)example.Sentiment, (int)predicted]++;
            count++;
        }
        ArgumentOutOfRangeException.ThrowIfZero(count);
        int correct = 0;
        var f1 = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            correct += confusion[k, k];
            int predictedAsK = 0;
            int actuallyK = 0;
            for (int j = 0; j < classes; j++)
            {
                predictedAsK += confusion[j, k];
                actuallyK += confusion[k, j];
            }
            f1[k] = predictedAsK + actuallyK == 0 ? 0 : 2.0 * confusion[k, k] / (predictedAsK + actuallyK);
        }
        return new SentimentScores(count, (double)correct / count, f1.Average(), f1);
    }
}
