using System.Text.Json;

namespace SocialDesk.Triage.Tests;

/// <summary>
/// Real-sounding messages to utilities, telecoms, banks, airlines and retailers in four languages, written for these
/// tests and never trained on: Cases/*.jsonl.
/// </summary>
public class CustomerServiceCaseTests
{
    private static readonly JsonSerializerOptions CaseJson = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (string line in File.ReadLines(file))
            {
                data.Add(line);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Triage_matches_the_expected_reading(string line)
    {
        var expected = JsonSerializer.Deserialize<ExpectedTriage>(line, CaseJson)!;
        var result = Triager.Default.Analyze(expected.Text);
        Assert.Equal(expected.Language, result.Language);
        Assert.Equal(expected.Intent, result.Intent.ToName());
        Assert.Equal(expected.Topics, result.Topics);
        Assert.Equal(expected.WaitMinutes, result.WaitMinutes);
        Assert.Equal(expected.Channels, result.Channels);
    }

    private sealed record ExpectedTriage(string Text, string Language, string Intent, string[] Topics, int? WaitMinutes, string[] Channels);
}
