using SocialDesk.Features.Conversations;

namespace SocialDesk.Features.Channels;

/// <summary>One social network: how its deliveries read, how replies are posted to it. Adding a network means adding one implementation.</summary>
public interface IChannelConnector
{
    /// <summary>The channel kind this connector serves (<c>x</c>, <c>facebook</c>).</summary>
    string Kind { get; }

    /// <summary>The platform's segment of the webhook URL: <c>/webhooks/{segment}/{channelId}</c>.</summary>
    string WebhookSegment { get; }

    IReadOnlyList<ChannelSetting> Settings { get; }

    /// <summary>The platform's own API hosts: a channel's <c>apiBaseUrl</c> must be <c>https</c> on one of them.</summary>
    IReadOnlyList<string> ApiHosts { get; }

    /// <summary>The platform's check of the channel's webhook URL before it delivers there, with a fresh nonce.</summary>
    WebhookChallenge Challenge(Channel channel, string nonce);

    /// <summary>Turns a stored delivery into messages; throws <see cref="UnreadablePayloadException"/> when it cannot be understood.</summary>
    ParsedDelivery Parse(Channel channel, string body);

    /// <summary>The longest reply text the platform takes, in user-perceived characters.</summary>
    int MaxReplyLength(bool isPrivate);

    Task<PlatformPost> PostAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken);

    /// <summary>After an attempt that got no answer: did the platform post the reply anyway?</summary>
    Task<PostLookup> FindPostedAsync(Channel channel, OutgoingReply reply, CancellationToken cancellationToken);

    /// <summary>Why the platform does not allow this moderation of a customer's message, or null when it does.</summary>
    string? ModerationRefusal(Moderation action, bool isPrivate);

    /// <summary>Hides or deletes a customer's public message on the platform; doing it again is harmless.</summary>
    Task ModerateAsync(Channel channel, string platformMessageId, Moderation action, CancellationToken cancellationToken);
}

/// <summary>What a moderator does to a customer's public message: hide it from others, or delete it.</summary>
public enum Moderation
{
    Hide,
    Delete,
}

/// <summary>A platform's check of a webhook URL: the query of its GET, and why an answer's body fails it (null when it passes).</summary>
public sealed record WebhookChallenge(IReadOnlyDictionary<string, string?> Query, Func<string, string?> Refusal);

/// <summary>A key of a channel's settings; secrets are kept apart and never returned. <paramref name="Refusal"/> says why a value is not allowed (null when it is).</summary>
public sealed record ChannelSetting(string Key, bool Secret, Func<string, string?>? Refusal = null);

public sealed record NormalisedAuthor(string PlatformUserId, string? Handle, string? Name, int? Followers);

public enum MessageAction
{
    Create,
    Edit,
    Remove,
}

/// <summary>The one message shape every source is turned into before threading.</summary>
public sealed record NormalisedMessage(
    Guid ChannelId,
    string PlatformMessageId,
    string? ReplyToPlatformMessageId,
    NormalisedAuthor Author,
    MessageDirection Direction,
    bool IsPrivate,
    string Text,
    DateTime PlatformTime,
    MessageAction Action = MessageAction.Create,
    NormalisedAuthor? Recipient = null);

/// <summary>The messages a delivery holds; or, when it holds none the desk handles, why it was ignored.</summary>
public sealed record ParsedDelivery(IReadOnlyList<NormalisedMessage> Messages, string? IgnoredReason = null);

/// <summary>A reply to post: in answer to one inbound message, to its author.</summary>
public sealed record OutgoingReply(
    Guid MessageId,
    string Text,
    bool IsPrivate,
    string InReplyToPlatformMessageId,
    bool InReplyToIsPrivate,
    string RecipientPlatformUserId,
    DateTime QueuedAt);

/// <summary>The platform's confirmation of a post: its id and time.</summary>
public sealed record PlatformPost(string PlatformMessageId, DateTime PostedAt);

public enum PostLookupResult
{
    Found,
    NotFound,

    /// <summary>The platform offers no way to tell.</summary>
    CannotTell,
}

public sealed record PostLookup(PostLookupResult Result, PlatformPost? Post = null)
{
    public static readonly PostLookup NotFound = new(PostLookupResult.NotFound);
    public static readonly PostLookup CannotTell = new(PostLookupResult.CannotTell);
}

/// <summary>A signed delivery whose content cannot be understood.</summary>
public sealed class UnreadablePayloadException(string message) : Exception(message);

/// <summary>A platform refused or failed a call.</summary>
public sealed class PlatformException(string message, bool permanent, bool mayHavePosted, TimeSpan? retryAfter = null) : Exception(message)
{
    /// <summary>Trying again will not help (bad token, text refused).</summary>
    public bool Permanent { get; } = permanent;

    /// <summary>The request may have reached the platform and been carried out.</summary>
    public bool MayHavePosted { get; } = mayHavePosted;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
