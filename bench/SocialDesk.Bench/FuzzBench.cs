using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SocialDesk.Tests.Infrastructure;
using SocialDesk.Tests.Security;

namespace SocialDesk.Bench;

/// <summary>
/// The open-ended fuzz: rounds of the test suite's <see cref="FuzzRound"/> (the same shots and checks CI runs for its fixed
/// seeds) on one server, until the time is up. The first round's seed is the one printed first, drawn unless given; each
/// next round's seed is drawn from it. A round that fails prints its seed, for CI's list in FuzzTests, and what failed.
/// </summary>
public static class FuzzBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seed = BenchInputs.Option(args, "--seed") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        var minutes = double.Parse(BenchInputs.Option(args, "--minutes") ?? "10", CultureInfo.InvariantCulture);
        Console.WriteLine($"fuzz: seed {seed} (--seed {seed} sends the same rounds again), {minutes} min, {Environment.GetEnvironmentVariable("SOCIALDESK_TEST_DATABASE") ?? "Sqlite"}");
        var seeds = new Random(seed);

        // The test host finds the server's content root in the manifest beside these binaries, looked up in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var app = new QuietApp();
        await app.InitializeAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var rounds = 0;
            for (var round = seed; rounds == 0 || clock.Elapsed < TimeSpan.FromMinutes(minutes); round = seeds.Next())
            {
                try
                {
                    await new FuzzRound(app, round, line => Console.WriteLine($"  {line}")).RunAsync();
                }
                catch (Exception e)
                {
                    Console.WriteLine($"fuzz: FAILED at seed {round}; add it to the seeds of tests/SocialDesk.Tests/Security/FuzzTests.cs once fixed:");
                    Console.WriteLine(e);
                    return 1;
                }

                rounds++;
            }

            Console.WriteLine($"fuzz: {rounds} rounds in {clock.Elapsed.TotalMinutes:0.0} min, no failure");
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    // The fuzz makes the server log every refusal: the round's checks say what matters.
    private sealed class QuietApp : SocialDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
