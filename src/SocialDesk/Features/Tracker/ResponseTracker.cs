using System.Runtime.CompilerServices;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// Measures how brands answer their public mentions, by the definitions of issue 4 (see README.md here),
/// so that figures compare with any other tool that follows them.
/// </summary>
public static class ResponseTracker
{
    private static readonly (string Label, long UpToSeconds)[] Bins =
    [
        ("under 5 min", 5 * 60), ("5-15 min", 15 * 60), ("15-30 min", 30 * 60), ("30 min-1 h", 3600),
        ("1-2 h", 2 * 3600), ("2-4 h", 4 * 3600), ("4-8 h", 8 * 3600), ("8-24 h", 24 * 3600),
        ("1-3 days", 3 * 86_400), ("over 3 days", long.MaxValue),
    ];

    /// <param name="log">The messages.</param>
    /// <param name="brandHandles">The brands' handles; when empty, the authors of brands' (not inbound) messages.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TrackerReport Measure(PublicMessageLog log, IReadOnlyCollection<string> brandHandles)
    {
        var brands = BrandAccounts(log, brandHandles);
        var isBrand = new bool[log.AccountCount];
        foreach (var brand in brands)
        {
            isBrand[brand] = true;
        }
        var messages = log.Messages;
        var parents = new int[messages.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            parents[i] = log.IndexOf(messages[i].ReplyTo);
        }
        var mentionOf = AttributeMentions(log, isBrand, parents);
        var firstReplyMs = new long[messages.Length];
        Array.Fill(firstReplyMs, long.MaxValue);
        for (var i = 0; i < messages.Length; i++)
        {
            var parent = parents[i];
            if (parent >= 0 && mentionOf[parent] == messages[i].Author)
            {
                firstReplyMs[parent] = Math.Min(firstReplyMs[parent], messages[i].CreatedAtMs);
            }
        }
        var mentions = new int[log.AccountCount];
        var responseMs = new List<long>?[log.AccountCount];
        var allResponseMs = new List<long>();
        for (var i = 0; i < messages.Length; i++)
        {
            var brand = mentionOf[i];
            if (brand < 0)
            {
                continue;
            }
            mentions[brand]++;
            if (firstReplyMs[i] != long.MaxValue)
            {
                var ms = firstReplyMs[i] - messages[i].CreatedAtMs;
                (responseMs[brand] ??= []).Add(ms);
                allResponseMs.Add(ms);
            }
        }
        var rows = brands
            .Select(brand =>
            {
                var times = Sorted(responseMs[brand]);
                return new BrandResponse(
                    log.AccountName(brand), mentions[brand], times.Length, Rate(times.Length, mentions[brand]), ResponseTimeSeconds.Of(times));
            })
            .OrderByDescending(row => row.Mentions)
            .ThenBy(row => row.Brand, StringComparer.Ordinal)
            .ToList();
        var all = Sorted(allResponseMs);
        var totalMentions = rows.Sum(row => row.Mentions);
        return new TrackerReport(
            rows,
            new OverallResponse(totalMentions, all.Length, Rate(all.Length, totalMentions), ResponseTimeSeconds.Of(all)))
        {
            Distribution = Distribution(all),
        };
    }

    private static List<int> BrandAccounts(PublicMessageLog log, IReadOnlyCollection<string> brandHandles)
    {
        if (brandHandles.Count > 0)
        {
            return [.. brandHandles.Select(handle => log.BrandAccount(handle.Trim().TrimStart('@'))).Distinct()];
        }
        var brands = new HashSet<int>();
        foreach (ref readonly var message in log.Messages)
        {
            if (!message.Inbound)
            {
                brands.Add(message.Author);
            }
        }
        return [.. brands];
    }

    /// <summary>
    /// The brand each message mentions, or -1: an inbound message replying to a brand's message mentions that
    /// brand; otherwise the first @handle of its text that is a brand's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] AttributeMentions(PublicMessageLog log, bool[] isBrand, int[] parents)
    {
        var messages = log.Messages;
        var mentionOf = new int[messages.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            mentionOf[i] = -1;
            ref readonly var message = ref messages[i];
            if (!message.Inbound)
            {
                continue;
            }
            var parent = parents[i];
            if (parent >= 0 && isBrand[messages[parent].Author])
            {
                mentionOf[i] = messages[parent].Author;
                continue;
            }
            foreach (var handle in log.Handles(message))
            {
                if (isBrand[handle])
                {
                    mentionOf[i] = handle;
                    break;
                }
            }
        }
        return mentionOf;
    }

    private static long[] Sorted(List<long>? values)
    {
        var sorted = values?.ToArray() ?? [];
        Array.Sort(sorted);
        return sorted;
    }

    private static double? Rate(int answered, int mentions) => mentions == 0 ? null : (double)answered / mentions;

    private static List<ResponseTimeBin> Distribution(long[] sortedMs)
    {
        var bins = new List<ResponseTimeBin>(Bins.Length);
        var from = 0;
        foreach (var (label, upToSeconds) in Bins)
        {
            var to = from;
            while (to < sortedMs.Length && sortedMs[to] / 1000.0 < upToSeconds)
            {
                to++;
            }
            bins.Add(new ResponseTimeBin(label, upToSeconds, to - from));
            from = to;
        }
        return bins;
    }
}
