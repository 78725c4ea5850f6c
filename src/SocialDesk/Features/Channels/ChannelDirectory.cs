using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialDesk.Data;

namespace SocialDesk.Features.Channels;

/// <summary>Channels as webhooks read them: from a short cache, since platforms deliver in bursts and channels change rarely.</summary>
public sealed class ChannelDirectory(AppDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(30);

    public async Task<Channel?> FindAsync(Guid channelId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key(channelId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheTime;
            return db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        });

    /// <summary>After a change, this process reads the channel afresh at once; other nodes within <see cref="CacheTime"/>.</summary>
    public void Forget(Guid channelId) => cache.Remove(Key(channelId));

    private static (string, Guid) Key(Guid channelId) => ("channel", channelId);
}
