namespace SocialDesk.Features.Tracker;

/// <summary>
/// One public message, reduced to what the tracker measures: a million of them fit in about 40 MB.
/// </summary>
/// <param name="Id">The message id (see <see cref="MessageIds"/>).</param>
/// <param name="ReplyTo">The id of the message it replies to, or <see cref="MessageIds.None"/>.</param>
/// <param name="CreatedAtMs">When it was posted, in milliseconds since the Unix epoch (UTC).</param>
/// <param name="Author">The author's account number in <see cref="PublicMessageLog.AccountName"/>.</param>
/// <param name="Inbound">True for a customer's message, false for a brand's.</param>
/// <param name="HandlesStart">Where the accounts its text addresses (its @handles, in order) start in the log.</param>
/// <param name="HandlesCount">How many @handles its text holds; only inbound messages keep theirs.</param>
public readonly record struct PublicMessage(
    long Id,
    long ReplyTo,
    long CreatedAtMs,
    int Author,
    bool Inbound,
    int HandlesStart,
    int HandlesCount);
