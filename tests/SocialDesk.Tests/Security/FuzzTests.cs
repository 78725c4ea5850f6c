using Xunit.Abstractions;

namespace SocialDesk.Tests.Security;

/// <summary>
/// The fuzz rounds of a fixed list of seeds, so that a landing never depends on a draw: every seed that ever found a bug
/// (first), then a few more. New seeds come from the bench's open-ended fuzz: <c>dotnet run -c Release --project bench/SocialDesk.Bench -- fuzz</c>.
/// </summary>
public sealed class FuzzTests(SocialDeskFactory app, ITestOutputHelper output) : IClassFixture<SocialDeskFactory>
{
    [Theory]
    [InlineData(1741837589)] // A message id cut inside an emoji made a raw event's error that PostgreSQL refused.
    [InlineData(1)]
    [InlineData(20261208)]
    public Task Fuzzed_requests_never_fail_with_5xx_and_lose_nothing_valid(int seed) =>
        new FuzzRound(app, seed, output.WriteLine).RunAsync();
}
