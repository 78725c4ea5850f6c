using System.IO.Compression;

namespace SocialDesk.Triage;

/// <summary>A multinomial logistic regression over hashed sentiment features: negative, neutral, positive.</summary>
public sealed class SentimentModel
{
    internal const int ClassCount = 3;

    // "SDSM" in little-endian bytes, then a format version, so that a wrong file fails loudly.
    private const int Magic = 0x4D534453;
    private const int FormatVersion = 1;

    internal SentimentModel(int hashBits, float[] weights)
    {
        HashBits = hashBits;
        Weights = weights;
    }

    public int HashBits { get; }

    internal int Buckets => 1 << HashBits;

    /// <summary>Rows of <see cref="ClassCount"/> weights: one per hash bucket, then one per dense feature.</summary>
    internal float[] Weights { get; }

    public static SentimentModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("This is not a SocialDesk sentiment model of a version this build reads.");
        }
        int hashBits = reader.ReadInt32();
        if (hashBits is < 8 or > 26)
        {
            throw new InvalidDataException($"A sentiment model cannot have {hashBits} hash bits.");
        }
        var weights = new float[((1 << hashBits) + SentimentFeatures.DenseCount) * ClassCount];
        int rows = reader.ReadInt32();
        int row = -1;
        for (int r = 0; r < rows; r++)
        {
            row += reader.ReadInt32();
            for (int k = 0; k < ClassCount; k++)
            {
                weights[(row * ClassCount) + k] = (float)reader.ReadHalf();
            }
        }
        return new SentimentModel(hashBits, weights);
    }

    /// <summary>Writes the non-zero rows only, as half-precision floats, gzipped: the default model stays small.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(HashBits);
        int rowCount = Weights.Length / ClassCount;
        var rows = Enumerable.Range(0, rowCount)
            .Where(row => Enumerable.Range(0, ClassCount).Any(k => (Half)Weights[(row * ClassCount) + k] != Half.Zero))
            .ToList();
        writer.Write(rows.Count);
        int previous = -1;
        foreach (int row in rows)
        {
            writer.Write(row - previous);
            previous = row;
            for (int k = 0; k < ClassCount; k++)
            {
                writer.Write((Half)Weights[(row * ClassCount) + k]);
            }
        }
    }

    /// <summary>Class probabilities, in the order negative, neutral, positive.</summary>
    internal void Predict(MessageAnalysis message, Span<float> probabilities)
    {
        var sink = new ScoringSink(Weights, Buckets - 1);
        SentimentFeatures.Sparse(message, ref sink);
        Span<float> dense = stackalloc float[SentimentFeatures.DenseCount];
        SentimentFeatures.Dense(message, dense);
        float scale = sink.Count > 0 ? 1f / MathF.Sqrt(sink.Count) : 0f;
        probabilities[0] = sink.Negative * scale;
        probabilities[1] = sink.Neutral * scale;
        probabilities[2] = sink.Positive * scale;
        int denseRow = Buckets * ClassCount;
        for (int d = 0; d < dense.Length; d++)
        {
            for (int k = 0; k < ClassCount; k++)
            {
                probabilities[k] += Weights[denseRow + (d * ClassCount) + k] * dense[d];
            }
        }
        Softmax(probabilities);
    }

    internal static void Softmax(Span<float> scores)
    {
        float max = Math.Max(scores[0], Math.Max(scores[1], scores[2]));
        float sum = 0f;
        for (int k = 0; k < scores.Length; k++)
        {
            scores[k] = MathF.Exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.Length; k++)
        {
            scores[k] /= sum;
        }
    }

    private struct ScoringSink(float[] weights, int mask) : IFeatureSink
    {
        public float Negative;
        public float Neutral;
        public float Positive;
        public int Count;

        public void Add(uint hash)
        {
            int row = (int)(hash & (uint)mask) * ClassCount;
            Negative += weights[row];
            Neutral += weights[row + 1];
            Positive += weights[row + 2];
            Count++;
        }
    }
}
