using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SocialDesk.Features.Tracker;

/// <summary>
/// The messages of one input, held compactly: accounts are numbered (case-insensitively, as handles are),
/// ids are longs, and the @handles of customers' texts are kept as account numbers for attribution.
/// </summary>
public sealed class PublicMessageLog
{
    private readonly Dictionary<string, int> accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> accountsBySpan;
    private readonly List<string> accountNames = [];
    private readonly List<bool> namedByAuthor = [];
    private readonly Dictionary<long, int> indexById = [];
    private readonly List<int> handles = [];
    private readonly List<BadRow> badRows = [];
    private readonly MessageIds ids = new();
    private PublicMessage[] messages = new PublicMessage[1024];
    private char[] accountChars = new char[256];

    public PublicMessageLog() => accountsBySpan = accounts.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count { get; private set; }

    public ReadOnlySpan<PublicMessage> Messages => messages.AsSpan(0, Count);

    /// <summary>The most bad rows kept to be listed: a file of bad rows only would otherwise hold them all in memory.</summary>
    public const int MaxBadRowsKept = 1_000;

    /// <summary>The first <see cref="MaxBadRowsKept"/> rows skipped, in the order they were found.</summary>
    public IReadOnlyList<BadRow> BadRows => badRows;

    /// <summary>How many rows were skipped, those kept in <see cref="BadRows"/> and the others.</summary>
    public long BadRowCount { get; private set; }

    public int AccountCount => accountNames.Count;

    public string AccountName(int account) => accountNames[account];

    /// <summary>The accounts a message's text addresses, in the order of the text.</summary>
    public ReadOnlySpan<int> Handles(in PublicMessage message) =>
        CollectionsMarshal.AsSpan(handles).Slice(message.HandlesStart, message.HandlesCount);

    /// <summary>The position of the message with this id, or -1 when the input does not hold it.</summary>
    public int IndexOf(long id) => id != MessageIds.None && indexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>The account of a brand given by hand: named as its own messages spell it, else as given.</summary>
    public int BrandAccount(string handle)
    {
        var account = Account(handle);
        if (!namedByAuthor[account])
        {
            accountNames[account] = handle;
        }
        return account;
    }

    public void Skip(long line, string reason)
    {
        if (++BadRowCount <= MaxBadRowsKept)
        {
            badRows.Add(new BadRow(line, reason));
        }
    }

    /// <summary>
    /// Adds one message from the UTF-8 fields of a row, or records the row as a bad one.
    /// <paramref name="inbound"/> and <paramref name="createdAtMs"/> are parsed by the caller, whose formats differ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(
        long line,
        ReadOnlySpan<byte> tweetId,
        ReadOnlySpan<byte> authorId,
        bool inbound,
        long createdAtMs,
        ReadOnlySpan<byte> text,
        ReadOnlySpan<byte> inResponseToTweetId)
    {
        tweetId = tweetId.Trim((byte)' ');
        authorId = authorId.Trim((byte)' ');
        inResponseToTweetId = inResponseToTweetId.Trim((byte)' ');
        if (tweetId.IsEmpty)
        {
            Skip(line, "tweet_id is empty");
            return;
        }
        if (authorId.IsEmpty)
        {
            Skip(line, "author_id is empty");
            return;
        }
        if (inResponseToTweetId.Contains((byte)','))
        {
            Skip(line, $"in_response_to_tweet_id {InputField.Quote(inResponseToTweetId)} names several messages");
            return;
        }
        var id = ids.Resolve(tweetId);
        if (!indexById.TryAdd(id, Count))
        {
            Skip(line, $"tweet_id {InputField.Quote(tweetId)} appears again; its first row is kept");
            return;
        }
        var replyTo = inResponseToTweetId.IsEmpty ? MessageIds.None : ids.Resolve(inResponseToTweetId);
        var handlesStart = handles.Count;
        if (inbound)
        {
            AddHandles(text);
        }
        if (Count == messages.Length)
        {
            Array.Resize(ref messages, messages.Length * 2);
        }
        messages[Count++] = new PublicMessage(
            id, replyTo, createdAtMs, Author(authorId), inbound, handlesStart, handles.Count - handlesStart);
    }

    /// <summary>The number of an account, adding it when it is new, named as first spelt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Account(ReadOnlySpan<char> handle)
    {
        if (!accountsBySpan.TryGetValue(handle, out var account))
        {
            account = accountNames.Count;
            var name = handle.ToString();
            accounts[name] = account;
            accountNames.Add(name);
            namedByAuthor.Add(false);
        }
        return account;
    }

    /// <summary>The number of a message's author, whose spelling names the account over the texts' @handles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Author(ReadOnlySpan<byte> utf8)
    {
        var chars = Chars(utf8);
        var account = Account(chars);
        if (!namedByAuthor[account])
        {
            namedByAuthor[account] = true;
            if (!chars.SequenceEqual(accountNames[account]))
            {
                accountNames[account] = chars.ToString();
            }
        }
        return account;
    }

    private ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8)
    {
        if (accountChars.Length < utf8.Length)
        {
            accountChars = new char[utf8.Length];
        }
        return accountChars.AsSpan(0, Encoding.UTF8.GetChars(utf8, accountChars));
    }

    /// <summary>
    /// Every <c>@handle</c> of the text: an @ not preceded by a handle character, then handle characters
    /// (ASCII letters, digits, underscore), as the regular expression <c>(^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddHandles(ReadOnlySpan<byte> text)
    {
        var from = 0;
        int at;
        while ((at = text[from..].IndexOf((byte)'@')) >= 0)
        {
            at += from;
            var end = at + 1;
            if (at == 0 || !IsHandleByte(text[at - 1]))
            {
                while (end < text.Length && IsHandleByte(text[end]))
                {
                    end++;
                }
                if (end > at + 1)
                {
                    handles.Add(Account(Chars(text[(at + 1)..end])));
                }
            }
            from = end;
        }
    }

    private static bool IsHandleByte(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_';
}
