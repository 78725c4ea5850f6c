using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Tracker;
using SocialDesk.Web.Reports;

namespace SocialDesk.Tests.Security;

/// <summary>
/// One round of the fuzz on a running server, all drawn from one seed: thousands of broken, random and hostile requests
/// with valid ones among them, then the checks (no answer of 500 or more, each answer the one expected, every signed
/// delivery stored once, no event failed without a reason a person can act on, every valid message visible). CI runs
/// a fixed list of seeds (<see cref="FuzzTests"/>); the bench's <c>fuzz</c> verb draws seeds until its time is up.
/// </summary>
public sealed class FuzzRound(SocialDeskFactory app, int seed, Action<string> log)
{
    private const int Requests = 1_000;
    private const int InFlight = 4;
    private const int TrackerFiles = 12;

    // Past it only the valid requests still go, so that a round on a busy machine stays short and still checks them all.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    /// <summary>Sends the round's requests and checks what became of them; throws <see cref="FuzzFailureException"/> at the first check that fails.</summary>
    public async Task RunAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = SocialDeskFactory.Database(scope);
        var before = await db.RawEvents.MaxAsync(e => (long?)e.Id) ?? 0;
        var x = await app.CreateXChannelAsync();
        var meta = await app.CreateFacebookChannelAsync();
        var spare = await app.CreateXChannelAsync();
        var shots = new FuzzShots(new Random(seed), x.Id, meta.Id, spare.Id, app.Platform.BaseUrl);
        var clock = Stopwatch.StartNew();

        // A few conversations first, for replies to aim at.
        var opening = new[] { shots.ValidX(), shots.ValidX(), shots.ValidMeta() };
        var openingAnswers = await SendAsync(opening);
        var conversations = new List<Guid>();
        foreach (var channel in new[] { x.Id, meta.Id })
        {
            conversations.AddRange((await app.WaitForConversationsAsync(1, $"?channel={channel}")).Items.Select(c => c.Id).Order());
        }

        var plan = Enumerable.Range(0, Requests).Select(i => (i % 20) switch
        {
            0 => shots.ValidX(),
            1 => shots.ValidMeta(),
            2 => shots.ApiBatchWithValidMessages(),
            < 7 => shots.ApiCall(conversations),
            _ => shots.Delivery(),
        }).ToList();

        // Kinds of shots added after a seed was listed draw from a generator of their own: a listed seed still sends what found its bug.
        var later = new FuzzShots(new Random(~seed), x.Id, meta.Id, spare.Id, app.Platform.BaseUrl);
        for (var i = 0; i < Requests / 5; i++)
        {
            plan.Insert(i * 6, i % 2 == 0 ? later.WebhookCheck() : later.HostileChannelWrite());
        }

        var answers = openingAnswers.Concat(await SendAsync(plan)).ToList();
        log($"seed {seed}: sent {answers.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}");
        foreach (var file in Enumerable.Range(0, TrackerFiles).Select(_ => later.TrackerFile()))
        {
            await MeasureAsync(file);
        }

        log($"seed {seed}: measured {TrackerFiles} tracker files by {clock.Elapsed.TotalSeconds:0.0} s");
        Check(answers.All(a => (int)a.Status < 500), () => $"server errors for {string.Join("\n", answers.Where(a => (int)a.Status >= 500))}");
        var unexpected = answers.Where(a => !Answers(a.Shot.Expected, a.Status)).ToList();
        Check(unexpected.Count == 0, () => $"unexpected answers for {string.Join("\n", unexpected.Take(10))}");

        await SocialDeskFactory.EventuallyAsync(() => db.RawEvents.CountAsync(e => e.Status == RawEventStatus.Pending), pending => pending == 0, TimeSpan.FromSeconds(90));
        log($"seed {seed}: all processed after {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var channel in new[] { x.Id, meta.Id })
        {
            var signed = answers.Where(a => a.Shot.Channel == channel && a.Status == HttpStatusCode.OK)
                .Select(a => new IncomingDelivery(Guid.Empty, channel, "", Encoding.UTF8.GetString(a.Shot.Body).Replace('\0', '\uFFFD')).BodyHash).ToHashSet();
            var stored = await db.RawEvents.Where(e => e.ChannelId == channel).Select(e => e.BodyHash).ToListAsync();
            Check(signed.SetEquals(stored), () => $"channel {channel} holds {stored.Count} raw events for {signed.Count} distinct signed deliveries");
        }

        var unclear = await db.RawEvents.Where(e => e.Id > before && e.Status == RawEventStatus.Failed && e.Error!.StartsWith("Processing failed")).Select(e => e.Error).ToListAsync();
        Check(unclear.Count == 0, () => $"bad input without a clear error: {string.Join("\n", unclear)}");
        var visible = await VisibleMessageIdsAsync(x.Id, meta.Id);
        var lost = shots.ValidMessageIds.Where(id => !visible.Contains(id)).ToList();
        Check(lost.Count == 0, () => $"valid messages not visible through the API: {string.Join(", ", lost)}");

        var last = await SendAsync([shots.ValidX(), shots.ValidMeta()]);
        Check(last.All(a => a.Status == HttpStatusCode.OK), () => $"valid deliveries after the round were refused: {string.Join("\n", last)}");
        await SocialDeskFactory.EventuallyAsync(() => VisibleMessageIdsAsync(x.Id, meta.Id), ids => shots.ValidMessageIds.TakeLast(2).All(ids.Contains));
    }

    /// <summary>The tracker's upload reads any file to its end or refuses it with a <see cref="TrackerInputException"/>, nothing else.</summary>
    private async Task MeasureAsync(TrackerFile file)
    {
        try
        {
            await TrackerUpload.MeasureAsync(new MemoryStream(file.Content), file.Format, file.Brands, CancellationToken.None);
        }
        catch (TrackerInputException)
        {
            // A file the tracker cannot read at all is refused with this error, which the page shows.
        }
        catch (Exception e)
        {
            throw new FuzzFailureException(seed, $"the tracker's upload threw {e.GetType().Name} ({e.Message}) for the {file}", e);
        }
    }

    private void Check(bool holds, Func<string> failure)
    {
        if (!holds)
        {
            throw new FuzzFailureException(seed, failure());
        }
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
    private async Task<List<(FuzzShot Shot, HttpStatusCode Status)>> SendAsync(IReadOnlyList<FuzzShot> plan)
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
                if (clock.Elapsed > Budget && !shot.Valid)
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
                    throw new FuzzFailureException(seed, $"the server broke off {shot}", e);
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

/// <summary>What a fuzz round found wrong, with the seed that sends the same requests again.</summary>
public sealed class FuzzFailureException(int seed, string failure, Exception? cause = null) : Exception($"seed {seed}: {failure}", cause);
