using System.Globalization;
using System.Text.Json;

namespace SocialDesk.Features.Channels;

/// <summary>
/// After a post that got no answer: looks through the account's posts on the platform, newest first and page after
/// page, for the reply, among those made since it was queued only: the same text sent to the same person yesterday
/// (a canned reply) is another post and must not pass for this one. Posts are compared from the second the reply was
/// queued, as platforms tell times to the second. Past <see cref="MaxPages"/> pages of newer posts, it cannot tell.
/// </summary>
public static class PostedReplySearch
{
    /// <summary>Pages of up to 100 posts looked through: a busy account's hour.</summary>
    public const int MaxPages = 10;

    public const int PageSize = 100;

    /// <summary>One page of the platform's listing: its posts, and the cursor of the next page (null: none).</summary>
    public sealed record Page(IReadOnlyList<JsonElement> Posts, string? Next);

    /// <summary>The second from which a post may be the reply: the time it was queued, to the second below.</summary>
    public static DateTime Since(OutgoingReply reply) => reply.QueuedAt.AddTicks(-(reply.QueuedAt.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>A platform time (ISO 8601) as UTC; null when the post carries none the desk can read.</summary>
    public static DateTime? Time(JsonElement post, string field) =>
        post.OptionalString(field, "$") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;

    /// <param name="pageAsync">Reads the page after the cursor (null: the first).</param>
    /// <param name="postedAt">When a post was made; a post without a readable time is not taken for the reply.</param>
    /// <param name="match">The confirmation when the post is the reply (its author, target and text), else null.</param>
    public static async Task<PostLookup> FindAsync(OutgoingReply reply, Func<string?, Task<Page>> pageAsync, Func<JsonElement, DateTime?> postedAt, Func<JsonElement, PlatformPost?> match)
    {
        var since = Since(reply);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var read = await pageAsync(cursor);
            var reachedOlder = false;
            foreach (var post in read.Posts)
            {
                if (postedAt(post) is not { } at || at < since)
                {
                    reachedOlder |= postedAt(post) is not null;
                    continue;
                }

                if (match(post) is { } found)
                {
                    return new PostLookup(PostLookupResult.Found, found);
                }
            }

            if (reachedOlder || read.Next is null)
            {
                return PostLookup.NotFound;
            }

            cursor = read.Next;
        }

        return PostLookup.CannotTell;
    }
}
