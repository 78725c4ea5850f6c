namespace SocialDesk.Triage;

/// <summary>A text with its sentiment label.</summary>
public sealed record LabelledText(string Text, Sentiment Sentiment);

/// <param name="HashBits">The feature space has 2^HashBits buckets.</param>
/// <param name="ClassBalance">0 keeps the classes as frequent as in the data; 1 weighs them equally, which favours macro-F1.</param>
/// <param name="Seed">Fixes the order of examples, so that the same data gives the same model byte for byte.</param>
public sealed record SentimentTrainingOptions(
    int HashBits = 20,
    int Epochs = 5,
    float LearningRate = 0.1f,
    float L2 = 1e-5f,
    float ClassBalance = 0.25f,
    int Seed = 20261123);

/// <summary>Trains a <see cref="SentimentModel"/> by AdaGrad on the softmax loss, single-threaded and deterministic.</summary>
public static class SentimentTrainer
{
    public static SentimentModel Train(IReadOnlyList<LabelledText> examples, SentimentTrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfZero(examples.Count);
        int buckets = 1 << options.HashBits;
        var encoded = examples.Select(example => Encode(example, buckets - 1)).ToArray();
        var classWeights = ClassWeights(examples, options.ClassBalance);
        int denseRow = buckets * SentimentModel.ClassCount;
        var weights = new float[(buckets + SentimentFeatures.DenseCount) * SentimentModel.ClassCount];
        var squaredGradients = new float[weights.Length];
        var order = Enumerable.Range(0, encoded.Length).ToArray();
        var random = new Random(options.Seed);
        Span<float> probabilities = stackalloc float[SentimentModel.ClassCount];
        Span<float> errors = stackalloc float[SentimentModel.ClassCount];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int e in order)
            {
                var example = encoded[e];
                float scale = example.Buckets.Length > 0 ? 1f / MathF.Sqrt(example.Buckets.Length) : 0f;
                probabilities.Clear();
                foreach (int bucket in example.Buckets)
                {
                    for (int k = 0; k < SentimentModel.ClassCount; k++)
                    {
                        probabilities[k] += weights[(bucket * SentimentModel.ClassCount) + k] * scale;
                    }
                }
                for (int d = 0; d < SentimentFeatures.DenseCount; d++)
                {
                    for (int k = 0; k < SentimentModel.ClassCount; k++)
                    {
                        probabilities[k] += weights[denseRow + (d * SentimentModel.ClassCount) + k] * example.Dense[d];
                    }
                }
                SentimentModel.Softmax(probabilities);
                float weight = classWeights[(int)example.Label];
                for (int k = 0; k < SentimentModel.ClassCount; k++)
                {
                    errors[k] = (probabilities[k] - (k == (int)example.Label ? 1f : 0f)) * weight;
                }
                foreach (int bucket in example.Buckets)
                {
                    Step(weights, squaredGradients, bucket * SentimentModel.ClassCount, errors, scale, options);
                }
                for (int d = 0; d < SentimentFeatures.DenseCount; d++)
                {
                    if (example.Dense[d] != 0f)
                    {
                        Step(weights, squaredGradients, denseRow + (d * SentimentModel.ClassCount), errors, example.Dense[d], options);
                    }
                }
            }
        }
        return new SentimentModel(options.HashBits, weights);
    }

    private static void Step(float[] weights, float[] squaredGradients, int row, ReadOnlySpan<float> errors, float value, SentimentTrainingOptions options)
    {
        for (int k = 0; k < errors.Length; k++)
        {
            int at = row + k;
            float gradient = (errors[k] * value) + (options.L2 * weights[at]);
            squaredGradients[at] += gradient * gradient;
            weights[at] -= options.LearningRate * gradient / (MathF.Sqrt(squaredGradients[at]) + 1e-6f);
        }
    }

    private static float[] ClassWeights(IReadOnlyList<LabelledText> examples, float balance)
    {
        var totals = new float[SentimentModel.ClassCount];
        foreach (var example in examples)
        {
            totals[(int)example.Sentiment]++;
        }
        float all = totals.Sum();
        return [.. totals.Select(total => total > 0f ? MathF.Pow(all / (SentimentModel.ClassCount * total), balance) : 1f)];
    }

    private static EncodedExample Encode(LabelledText example, int mask)
    {
        var message = MessageAnalysis.Of(example.Text);
        var sink = new CollectingSink(mask);
        SentimentFeatures.Sparse(message, ref sink);
        var dense = new float[SentimentFeatures.DenseCount];
        SentimentFeatures.Dense(message, dense);
        return new EncodedExample([.. sink.Buckets], dense, example.Sentiment);
    }

    private sealed record EncodedExample(int[] Buckets, float[] Dense, Sentiment Label);

    private readonly struct CollectingSink(int mask) : IFeatureSink
    {
        public List<int> Buckets { get; } = [];

        public void Add(uint hash) => Buckets.Add((int)(hash & (uint)mask));
    }
}
