using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Ingestion;
using Xunit.Abstractions;

namespace SocialDesk.Tests.Security;

/// <summary>
/// Thousands of broken, random and hostile requests, with valid ones among them. The seed is printed: set
/// SOCIALDESK_FUZZ_SEED to it to send the same requests again.
/// </summary>
public sealed class FuzzTests(SocialDeskFactory app, ITestOutputHelper output) : IClassFixture<SocialDeskFactory>
{
    private const int Deliveries = 1_600;
    private const int ApiCalls = 500;
    private const int Valid = 120;
    private const int InFlight = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Fuzzed_webhook_and_api_payloads_never_fail_with_5xx_and_lose_nothing_valid()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SOCIALDESK_FUZZ_SEED"), out var chosen) ? chosen : Random.Shared.Next();
        output.WriteLine($"fuzz seed {seed} (SOCIALDESK_FUZZ_SEED={seed} replays it)");
        var x = await app.CreateXChannelAsync();
        var meta = await app.CreateFacebookChannelAsync();
        var spare = await app.CreateXChannelAsync();
        var shots = new FuzzShots(new Random(seed), x.Id, meta.Id, spare.Id, app.Platform.BaseUrl);
        var clock = Stopwatch.StartNew();

        // A few conversations first, for replies to aim at.
        var opening = new[] { shots.ValidX(), shots.ValidX(), shots.ValidMeta() };
        var openingAnswers = await SendAsync(opening, Budget, seed);
        var conversations = (await app.WaitForConversationsAsync(2)).Items.Select(c => c.Id).Order().ToList();
        var plan = Enumerable.Range(0, Deliveries + ApiCalls + Valid).Select(i => (i % 20) switch
        {
            0 => shots.ValidX(),
            1 => shots.ValidMeta(),
            2 => shots.ApiBatchWithValidMessages(),
            < 7 => shots.ApiCall(conversations),
            _ => shots.Delivery(),
        }).ToList();
        var answers = openingAnswers.Concat(await SendAsync(plan, Budget, seed)).ToList();

        output.WriteLine($"sent {answers.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.True(answers.All(a => (int)a.Status < 500), $"seed {seed}: server errors for {string.Join("\n", answers.Where(a => (int)a.Status >= 500))}");
        var unexpected = answers.Where(a => !Answers(a.Shot.Expected, a.Status)).ToList();
        Assert.True(unexpected.Count == 0, $"seed {seed}: unexpected answers for {string.Join("\n", unexpected.Take(10))}");

        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        await SocialDeskFactory.EventuallyAsync(() => db.RawEvents.CountAsync(e => e.Status == RawEventStatus.Pending), pending => pending == 0, TimeSpan.FromSeconds(90));
        output.WriteLine($"all processed after {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var channel in new[] { x.Id, meta.Id })
        {
            var signed = answers.Where(a => a.Shot.Channel == channel && a.Status == HttpStatusCode.OK)
                .Select(a => new IncomingDelivery(Guid.Empty, channel, "", Encoding.UTF8.GetString(a.Shot.Body).Replace('\0', '\uFFFD')).BodyHash).ToHashSet();
            var stored = await db.RawEvents.Where(e => e.ChannelId == channel).Select(e => e.BodyHash).ToListAsync();
            Assert.True(signed.SetEquals(stored), $"seed {seed}: channel {channel} holds {stored.Count} raw events for {signed.Count} distinct signed deliveries");
        }

        var unclear = await db.RawEvents.Where(e => e.Status == RawEventStatus.Failed && e.Error!.StartsWith("Processing failed")).Select(e => e.Error).ToListAsync();
        Assert.True(unclear.Count == 0, $"seed {seed}: bad input without a clear error: {string.Join("\n", unclear)}");
        var visible = await VisibleMessageIdsAsync(x.Id, meta.Id);
        var lost = shots.ValidMessageIds.Where(id => !visible.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"seed {seed}: valid messages not visible through the API: {string.Join(", ", lost)}");

        var last = (await SendAsync([shots.ValidX(), shots.ValidMeta()], Budget, seed)).Select(a => a.Status);
        Assert.All(last, status => Assert.Equal(HttpStatusCode.OK, status));
        await SocialDeskFactory.EventuallyAsync(() => VisibleMessageIdsAsync(x.Id, meta.Id), ids => shots.ValidMessageIds.TakeLast(2).All(ids.Contains));
    }

    private static bool Answers(FuzzExpectation expected, HttpStatusCode status) => expected switch
    {
        FuzzExpectation.Stored => status == HttpStatusCode.OK,
        FuzzExpectation.Accepted => status == HttpStatusCode.Accepted,
        FuzzExpectation.BadSignature => status == HttpStatusCode.Unauthorized,
        FuzzExpectation.TooLarge => status == HttpStatusCode.RequestEntityTooLarge,
        FuzzExpectation.Unknown => status == HttpStatusCode.NotFound,
        _ => (int)status < 500,
    };

    /// <summary>Sends the requests, a few at a time; past the budget only the valid ones still go.</summary>
    private async Task<List<(FuzzShot Shot, HttpStatusCode Status)>> SendAsync(IReadOnlyList<FuzzShot> plan, TimeSpan budget, int seed)
    {
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<(FuzzShot, HttpStatusCode)>();
        var next = -1;
        using var client = app.CreateClient();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < plan.Count)
            {
                var shot = plan[i];
                if (clock.Elapsed > budget && !shot.Valid)
                {
                    continue;
                }

                using var request = shot.Request(shot.Path.StartsWith("/api/", StringComparison.Ordinal) ? SocialDeskFactory.Token : null);
                try
                {
                    using var response = await client.SendAsync(request);
                    answers.Add((shot, response.StatusCode));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"seed {seed}: the server broke off {shot}", e);
                }
            }
        }));
        return [.. answers];
    }

    private async Task<HashSet<string>> VisibleMessageIdsAsync(params Guid[] channels)
    {
        var ids = new HashSet<string>();
        foreach (var channel in channels)
        {
            for (var page = 1; ; page++)
            {
                var conversations = await app.ConversationsAsync($"?channel={channel}&pageSize=200&page={page}");
                foreach (var conversation in conversations.Items)
                {
                    ids.UnionWith((await app.ConversationAsync(conversation.Id)).Messages.Select(m => m.PlatformMessageId).OfType<string>());
                }

                if (conversations.Items.Count < 200)
                {
                    break;
                }
            }
        }

        return ids;
    }
}
