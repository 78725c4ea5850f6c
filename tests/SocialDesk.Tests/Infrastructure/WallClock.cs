namespace SocialDesk.Tests.Infrastructure;

/// <summary>The server's wall clock: real time until a test sets it. Timers keep real time, so the workers keep polling.</summary>
public sealed class WallClock : TimeProvider
{
    private long pinnedTicks;

    public void Set(DateTime utc) => Interlocked.Exchange(ref pinnedTicks, utc.ToUniversalTime().Ticks);

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref pinnedTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : base.GetUtcNow();
}
