using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialDesk.Features.Tracker;

/// <summary>Response time statistics over answered mentions, in seconds.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Median">The middle value; the mean of the two middle values for an even count.</param>
/// <param name="P90">Nearest rank: the ceil(0.9 n)-th smallest.</param>
/// <param name="TrimmedMean95">The mean of the fastest ceil(0.95 n): the seeds' "slowest 5% excluded".</param>
public sealed record ResponseTimeSeconds(double Mean, double Median, double P90, double TrimmedMean95)
{
    /// <summary>The statistics of response times sorted in ascending order, in milliseconds; null when there are none.</summary>
    public static ResponseTimeSeconds? Of(ReadOnlySpan<long> sortedMs)
    {
        var n = sortedMs.Length;
        if (n == 0)
        {
            return null;
        }
        // ceil(0.9 n) and ceil(0.95 n) in integers, where 0.9 * n in floating point can land above a whole number.
        var p90Rank = ((9 * n) + 9) / 10;
        var trimmedCount = ((19 * n) + 19) / 20;
        var median = n % 2 == 1 ? sortedMs[n / 2] : (sortedMs[(n / 2) - 1] + sortedMs[n / 2]) / 2.0;
        return new ResponseTimeSeconds(
            Average(sortedMs) / 1000,
            median / 1000,
            sortedMs[p90Rank - 1] / 1000.0,
            Average(sortedMs[..trimmedCount]) / 1000);
    }

    private static double Average(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }
        return (double)sum / values.Length;
    }
}

/// <summary>The figures of one brand's public handle.</summary>
public sealed record BrandResponse(
    string Brand,
    int Mentions,
    int Answered,
    double? ResponseRate,
    ResponseTimeSeconds? ResponseTimeSeconds);

/// <summary>The figures of all brands together.</summary>
public sealed record OverallResponse(
    int Mentions,
    int Answered,
    double? ResponseRate,
    ResponseTimeSeconds? ResponseTimeSeconds);

/// <summary>How many answered mentions took how long, for the report's distribution chart.</summary>
public sealed record ResponseTimeBin(string Label, long UpToSeconds, int Count);

/// <summary>What <c>socialdesk track</c> measured: brands by mentions, most first, then by name.</summary>
public sealed record TrackerReport(IReadOnlyList<BrandResponse> Brands, OverallResponse Overall)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary>The distribution of all answered mentions' response times; not part of the JSON output.</summary>
    [JsonIgnore]
    public IReadOnlyList<ResponseTimeBin> Distribution { get; init; } = [];

    /// <summary>The JSON output: <c>{"brands":[...],"overall":{...}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
