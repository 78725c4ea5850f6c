namespace SocialDesk.Features.Replies;

public sealed class ReplyOptions
{
    /// <summary>How long a platform may take to answer one call.</summary>
    public TimeSpan PlatformTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failed attempt; it doubles with each attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the sender looks for replies due again, besides being woken by new ones.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);
}
