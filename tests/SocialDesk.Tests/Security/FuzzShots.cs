using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Tracker;
using SocialDesk.Tests.Tracker;

namespace SocialDesk.Tests.Security;

/// <summary>What a fuzzed request must get: stored (200), accepted (202), refused for its signature (401) or size (413), unknown (404), or anything but a server error.</summary>
public enum FuzzExpectation
{
    Stored,
    Accepted,
    BadSignature,
    TooLarge,
    Unknown,
    NoServerError,
}

/// <summary>One request of the fuzzer, made in advance from the seed.</summary>
public sealed record FuzzShot(HttpMethod Method, string Path, byte[] Body, string? ContentType, string? SignatureHeader, string? Signature, FuzzExpectation Expected, Guid? Channel)
{
    /// <summary>Holds valid messages, each of which must end up visible.</summary>
    public bool Valid { get; init; }

    public HttpRequestMessage Request(string? token)
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (SignatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Signature);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return request;
    }

    public override string ToString() =>
        $"{Method} {Path} ({ContentType ?? "no content type"}, {Body.Length} bytes, expected {Expected}): {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 200)))}";
}

/// <summary>A file for the tracker's upload, and the brands to measure in it.</summary>
public sealed record TrackerFile(string Format, byte[] Content, string[] Brands)
{
    public override string ToString() =>
        $"{Format} file of {Content.Length} bytes for brands [{string.Join(", ", Brands)}]: {Encoding.UTF8.GetString(Content.AsSpan(0, Math.Min(Content.Length, 300)))}";
}

/// <summary>
/// Makes the fuzzer's requests from one seeded <see cref="Random"/>: the recorded platform payloads mutated (truncated, bytes
/// flipped, types changed, huge strings, deep nesting, invalid UTF-8, wrong content types), signed well, badly or not at all,
/// random JSON for the API, the platforms' webhook checks and channel settings with hostile values, and files for the
/// tracker's upload. Valid deliveries, each with a message id of its own, are mixed in and listed.
/// </summary>
public sealed class FuzzShots(Random random, Guid xChannel, Guid metaChannel, Guid spareChannel, Uri platform)
{
    private const string XSecret = "x-consumer-secret";
    private const string MetaSecret = "meta-app-secret";
    private static readonly string[] XFixtures = ["x/tweet_create_mention.json", "x/direct_message.json", "x/favorite_events.json"];
    private static readonly string[] MetaFixtures = ["meta/feed_comment_add.json", "meta/messenger_message.json", "meta/messenger_delivery.json"];
    private static readonly string[] ContentTypes =
        ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "???", "application/xml"];

    // Stored only: the fuzz never replies through a channel it writes these to, so no request ever goes to them.
    private static readonly string[] HostileUrls =
    [
        "file:///etc/passwd", "javascript:alert(1)", "gopher://127.0.0.1:25/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/", "http://0.0.0.0/", "https://api.x.com@evil.example/", "https://api.x.com.evil.example/", "https://пример.испытание/",
        "https://xn--e1afmkfd.xn--80akhbyknj4f/", "https://graph.facebook.com/../../admin", "https://api.x.com/%2e%2e/", "https://api.x.com:99999/",
        "//api.x.com/", " https://api.x.com ", "HTTPS://API.X.COM", $"https://{new string('a', 70_000)}.example/",
    ];

    private static readonly string[] HostileIds = ["../", "..%2f", "%2e%2e/", "?", "#", " ", "a b", "1/../../2", "\\..\\", "%00", "\0", "1?x=2#y", new string('9', 50_000)];

    // Kestrel answers 400 to a NUL in a path before the app sees it, where the in-memory test host throws instead.
    private static readonly string[] HostilePathIds = [.. HostileIds.Where(id => !id.Contains("%00", StringComparison.Ordinal) && !id.Contains('\0', StringComparison.Ordinal))];

    private readonly DateTime now = DateTime.UtcNow;
    private int validCount;

    /// <summary>The platform message ids of the valid deliveries and messages made so far: each must end up visible.</summary>
    public List<string> ValidMessageIds { get; } = [];

    public FuzzShot ValidX()
    {
        var id = $"79{validCount++:D17}";
        ValidMessageIds.Add(id);
        var author = $"790{random.Next(3)}";
        var body = random.Next(2) == 0
            ? XPayloads.Tweet(id, author, $"@TwitterDev {Words()}", now.AddSeconds(validCount))
            : XPayloads.DirectMessage(id, author, FakePlatform.XAccountId, Words(), now.AddSeconds(validCount));
        // A byte order mark is not JSON's, but a reader may skip it (RFC 8259).
        byte[] bytes = random.Next(10) == 0 ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body)] : Encoding.UTF8.GetBytes(body);
        return Webhook(xChannel, "x", bytes, "application/json", signed: true) with { Valid = true };
    }

    public FuzzShot ValidMeta()
    {
        var id = $"777_{validCount++}";
        ValidMessageIds.Add(id);
        var body = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = FakePlatform.PageId,
                    changes = new[]
                    {
                        new
                        {
                            field = "feed",
                            value = new
                            {
                                from = new { id = $"780{random.Next(3)}", name = "Fuzzy" },
                                item = "comment",
                                verb = "add",
                                comment_id = id,
                                post_id = $"{FakePlatform.PageId}_777",
                                message = Words(),
                                created_time = new DateTimeOffset(now).ToUnixTimeSeconds() + validCount,
                            },
                        },
                    },
                },
            },
        });
        return Webhook(metaChannel, "meta", Encoding.UTF8.GetBytes(body), "application/json", signed: true) with { Valid = true };
    }

    /// <summary>A mutated or random delivery to a channel, or now and then to one that does not exist.</summary>
    public FuzzShot Delivery()
    {
        var isX = random.Next(2) == 0;
        var fixture = SocialDeskFactory.Fixture((isX ? XFixtures : MetaFixtures)[random.Next(3)]);
        var body = random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(fixture),
            < 5 => Encoding.UTF8.GetBytes(MutateJson(fixture)),
            < 9 => MutateBytes(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? fixture : MutateJson(fixture))),
            _ => RandomBytes(random.Next(2_000)),
        };
        var contentType = random.Next(10) < 7 ? "application/json" : random.Next(5) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)];
        if (random.Next(40) == 0)
        {
            // The size is checked before the channel is looked up.
            var shot = Webhook(random.Next(2) == 0 ? RandomGuid() : isX ? metaChannel : xChannel, isX ? "x" : "meta", body, contentType, signed: true);
            return shot.Expected == FuzzExpectation.TooLarge ? shot : shot with { Expected = FuzzExpectation.Unknown };
        }

        return Webhook(isX ? xChannel : metaChannel, isX ? "x" : "meta", body, contentType, signed: random.Next(100) < 55);
    }

    /// <summary>Random JSON, or a mutated good body, for one of the API's writing endpoints.</summary>
    public FuzzShot ApiCall(IReadOnlyList<Guid> conversations)
    {
        var (method, path, body) = random.Next(4) switch
        {
            0 => (HttpMethod.Post, "/api/v1/messages", new JsonObject { ["messages"] = new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => ApiMessage())]) }),
            1 => (HttpMethod.Post, "/api/v1/channels", ChannelRequest()),
            2 => (HttpMethod.Patch, $"/api/v1/channels/{(random.Next(8) == 0 ? RandomGuid() : spareChannel)}", ChannelRequest()),
            _ => (HttpMethod.Post, $"/api/v1/conversations/{(random.Next(6) == 0 || conversations.Count == 0 ? RandomGuid() : conversations[random.Next(conversations.Count)])}/replies",
                new JsonObject { ["text"] = RandomValue(depth: 2, text: Text()), ["private"] = RandomValue(depth: 0, text: null) }),
        };
        var json = body.ToJsonString();
        var bytes = random.Next(4) == 0 ? MutateBytes(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? json : MutateJson(json))) : Encoding.UTF8.GetBytes(json);
        var contentType = random.Next(10) < 8 ? "application/json" : ContentTypes[random.Next(ContentTypes.Length)];
        return new FuzzShot(method, path, bytes, contentType, null, null, FuzzExpectation.NoServerError, null);
    }

    /// <summary>A batch for the messages API holding valid messages, listed, beside broken ones: the valid ones must all be kept.</summary>
    public FuzzShot ApiBatchWithValidMessages()
    {
        var messages = new JsonArray();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var id = $"api-{validCount++}";
            ValidMessageIds.Add(id);
            messages.Add(new JsonObject
            {
                ["channelId"] = xChannel.ToString(),
                ["platformMessageId"] = id,
                ["author"] = new JsonObject { ["id"] = $"791{random.Next(3)}", ["handle"] = "fuzzy" },
                ["text"] = Words(),
                ["createdAt"] = now.AddSeconds(validCount).ToString("O", CultureInfo.InvariantCulture),
                ["direction"] = "inbound",
            });
            messages.Add(ApiMessage());
        }

        var body = Encoding.UTF8.GetBytes(new JsonObject { ["messages"] = messages }.ToJsonString());
        return new FuzzShot(HttpMethod.Post, "/api/v1/messages", body, "application/json", null, null, FuzzExpectation.Accepted, null) { Valid = true };
    }

    /// <summary>A platform's check of a webhook with hostile values: X's CRC (crc_token) or Meta's handshake (hub.mode, hub.verify_token, hub.challenge).</summary>
    public FuzzShot WebhookCheck()
    {
        var isX = random.Next(2) == 0;
        var channel = random.Next(12) switch
        {
            0 => HostilePathIds[random.Next(HostilePathIds.Length)],
            1 => RandomGuid().ToString(),
            2 => (isX ? metaChannel : xChannel).ToString(),
            _ => (isX ? xChannel : metaChannel).ToString(),
        };
        string[] query = isX
            ? [.. Enumerable.Range(0, random.Next(8) == 0 ? 2 : 1).Select(_ => $"crc_token={QueryValue()}")]
            : [$"hub.mode={(random.Next(3) == 0 ? QueryValue() : "subscribe")}", $"hub.verify_token={(random.Next(3) == 0 ? "meta-verify-token" : QueryValue())}", $"hub.challenge={QueryValue()}"];
        var sent = query.Where(_ => random.Next(8) > 0);
        return new FuzzShot(HttpMethod.Get, $"/webhooks/{(isX ? "x" : "meta")}/{channel}?{string.Join('&', sent)}", [], null, null, null, FuzzExpectation.NoServerError, null);
    }

    /// <summary>A channel created or changed with hostile settings: addresses no platform has, and ids that would move a platform URL's path.</summary>
    public FuzzShot HostileChannelWrite()
    {
        var isX = random.Next(2) == 0;
        string[] keys = isX ? ["accountId", "handle", "consumerSecret", "accessToken"] : ["pageId", "appSecret", "verifyToken", "pageAccessToken"];
        var settings = new JsonObject { ["apiBaseUrl"] = random.Next(6) == 0 ? platform.ToString() : HostileUrls[random.Next(HostileUrls.Length)] };
        foreach (var key in keys)
        {
            settings[key] = key is "accountId" or "pageId" or "handle" && random.Next(2) == 0 ? HostileIds[random.Next(HostileIds.Length)] : $"fz-{random.Next()}";
        }

        var (method, path) = random.Next(3) switch
        {
            0 => (HttpMethod.Post, "/api/v1/channels"),
            1 => (HttpMethod.Patch, $"/api/v1/channels/{spareChannel}"),
            _ => (HttpMethod.Patch, $"/api/v1/channels/{HostilePathIds[random.Next(HostilePathIds.Length)]}"),
        };
        var body = new JsonObject { ["kind"] = isX ? "x" : "facebook", ["name"] = Text(), ["settings"] = settings };
        return new FuzzShot(method, path, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", null, null, FuzzExpectation.NoServerError, null);
    }

    /// <summary>TWCS rows, some of them broken, as CSV or JSON Lines, then perhaps mutated; or random bytes.</summary>
    public TrackerFile TrackerFile()
    {
        var columns = TrackRun.TwcsHeader.Split(',');
        var rows = Enumerable.Range(1, random.Next(1, 60)).Select(TwcsRow).ToList();
        var format = random.Next(2) == 0 ? TrackerInput.Twcs : TrackerInput.Jsonl;
        var text = format == TrackerInput.Twcs
            ? string.Join('\n', rows.Select(row => string.Join(',', row.Select(field => random.Next(8) == 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""))).Prepend(TrackRun.TwcsHeader))
            : string.Join('\n', rows.Select(row => new JsonObject(columns.Zip(row, (name, value) => KeyValuePair.Create(name, (JsonNode?)value))).ToJsonString()).Select(line => random.Next(4) == 0 ? MutateJson(line) : line));
        // Cut at 64 KiB, sometimes mid-row: the reader's time grows with a file's size, not the paths it takes.
        var whole = Encoding.UTF8.GetBytes(text);
        var bytes = whole[..Math.Min(whole.Length, 64 * 1024)];
        string[][] brands = [[], ["AppleSupport"], ["amazonhelp", "AppleSupport"], [Text()]];
        return new TrackerFile(format, random.Next(6) switch { 0 => RandomBytes(random.Next(4_000)), < 3 => bytes, _ => MutateBytes(bytes) }, brands[random.Next(brands.Length)]);
    }

    private string[] TwcsRow(int id)
    {
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var number = id.ToString(CultureInfo.InvariantCulture);
        return
        [
            Pick(number, number, number, "", "-1", "99999999999999999999999", Text()),
            Pick("AppleSupport", "115712", "amazonhelp", "", Text()),
            Pick("True", "False", "true", "", Text()),
            Pick("Tue Oct 31 22:10:47 +0000 2017", "2017-10-31T22:10:47Z", "Feb 30 2017", "", Text()),
            Pick("@AppleSupport my phone died", "@115712 sorry to hear", Words(), Text()),
            Pick("", $"{id + 1}", $"{id + 1},{id + 2}", Text()),
            Pick("", $"{id - 1}", "1,2", "99999999999999999999999", Text()),
        ];
    }

    // A query value as sent: percent-encoded UTF-8, or escapes that are not UTF-8 or not escapes at all.
    private string QueryValue()
    {
        static string Encoded(string text) => string.Concat(Encoding.UTF8.GetBytes(text).Select(b => $"%{b:X2}"));
        string[] broken = ["%ED%A0%BD", "%FF", "%", "%zz", "%00", "+", "&", "="];
        return random.Next(8) switch
        {
            0 => "",
            1 => Encoded(new string('a', random.Next(10_000, 60_000))),
            2 => Encoded($"{{\"response_token\": \"sha256={Text()}\", \"crc_token\": [1, {{}}]}}"),
            3 => Encoded("😀 é € \u200f 日本語 \u0000"),
            4 => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => broken[random.Next(broken.Length)])),
            _ => Encoded(Text()),
        };
    }

    private FuzzShot Webhook(Guid channel, string segment, byte[] body, string? contentType, bool signed)
    {
        var secret = segment == "x" ? XSecret : MetaSecret;
        var header = segment == "x" ? "x-twitter-webhooks-signature" : "X-Hub-Signature-256";
        string Sign(byte[] payload, string key) => segment == "x" ? WebhookSignature.Base64(key, payload) : WebhookSignature.Hex(key, payload);
        var (present, signature) = signed
            ? (true, Sign(body, secret))
            : random.Next(5) switch
            {
                0 => (false, null),
                1 => (true, Sign(body, "not-the-secret")),
                2 => (true, Sign(body.Length > 0 ? body[..^1] : [1], secret)),
                3 => (true, "sha256=" + Text()),
                _ => (true, Text()),
            };
        var expected = body.Length > WebhookReception.MaxBodyBytes ? FuzzExpectation.TooLarge : signed ? FuzzExpectation.Stored : FuzzExpectation.BadSignature;
        return new FuzzShot(HttpMethod.Post, $"/webhooks/{segment}/{channel}", body, contentType, present ? header : null, signature, expected, channel);
    }

    private JsonNode ApiMessage() => random.Next(3) == 0
        ? RandomValue(depth: 3, text: Text())!
        : new JsonObject
        {
            ["channelId"] = random.Next(3) switch { 0 => xChannel.ToString(), 1 => RandomGuid().ToString(), _ => RandomValue(depth: 1, text: Text()) },
            ["platformMessageId"] = random.Next(4) == 0 ? RandomValue(depth: 1, text: Text()) : $"fz-{random.Next()}",
            ["replyToPlatformMessageId"] = RandomValue(depth: 1, text: Text()),
            ["author"] = random.Next(3) == 0 ? RandomValue(depth: 2, text: Text()) : new JsonObject { ["id"] = RandomValue(depth: 0, text: Text()), ["followers"] = RandomValue(depth: 0, text: null) },
            ["text"] = RandomValue(depth: 1, text: Text()),
            ["createdAt"] = random.Next(2) == 0 ? now.ToString("O", CultureInfo.InvariantCulture) : RandomValue(depth: 0, text: Text()),
            ["direction"] = random.Next(5) switch { 0 => "outbound", 1 => RandomValue(depth: 0, text: Text()), 2 => random.Next(-3, 9), _ => "inbound" },
            ["private"] = RandomValue(depth: 0, text: null),
        };

    // Only safe addresses: the fake platform, a closed local port, and strings that are not absolute URLs.
    private JsonObject ChannelRequest()
    {
        string[] keys = ["accountId", "handle", "consumerSecret", "accessToken", "pageId", "appSecret", "verifyToken", "pageAccessToken", "color"];
        string[] urls = [platform.ToString(), "http://127.0.0.1:9/", "not a url", "", "/relative"];
        var settings = new JsonObject();
        foreach (var key in keys.Where(_ => random.Next(3) > 0))
        {
            settings[key] = random.Next(5) == 0 ? RandomValue(depth: 1, text: Text()) : Text();
        }

        if (random.Next(4) > 0)
        {
            settings["apiBaseUrl"] = urls[random.Next(urls.Length)];
        }

        string?[] kinds = ["x", "facebook", "email", "X", "", null];
        return new JsonObject
        {
            ["kind"] = random.Next(6) == 0 ? RandomValue(depth: 1, text: Text()) : kinds[random.Next(kinds.Length)],
            ["name"] = random.Next(5) == 0 ? RandomValue(depth: 1, text: Text()) : Text(),
            ["settings"] = random.Next(6) == 0 ? RandomValue(depth: 2, text: Text()) : settings,
        };
    }

    private string MutateJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var nodes = Walk(root).ToList();
            var target = nodes[random.Next(nodes.Count)];
            switch (random.Next(5))
            {
                case 0:
                    Replace(ref root, target, RandomValue(depth: 2, text: Text()));
                    break;
                case 1:
                    Replace(ref root, target, target is JsonValue value && value.TryGetValue<string>(out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(target?.ToJsonString()));
                    break;
                case 2:
                    Replace(ref root, target, new JsonArray(target?.DeepClone()));
                    break;
                case 3:
                    if (target?.Parent is JsonObject parent)
                    {
                        parent.Remove(target.GetPropertyName());
                    }

                    break;
                default:
                    Replace(ref root, target, JsonValue.Create(new string("aé€😀\"\\\u0000"[random.Next(8)], random.Next(10) == 0 ? random.Next(200_000, 1_100_000) : random.Next(1, 5_000))));
                    break;
            }
        }

        var mutated = root?.ToJsonString() ?? "null";
        var strings = Enumerable.Range(0, mutated.Length - 2).Where(i => mutated[i] == '"' && mutated[i + 1] == ':' && mutated[i + 2] == '"').ToList();
        if (random.Next(6) == 0 && strings.Count > 0)
        {
            // Valid JSON syntax for a string that is not valid UTF-16 (a lone surrogate), or that holds a NUL.
            mutated = mutated.Insert(strings[random.Next(strings.Count)] + 3, random.Next(2) == 0 ? "\\ud83d" : "\\u0000");
        }

        if (random.Next(8) == 0)
        {
            // Deeper than any JSON reader allows by default.
            var depth = random.Next(60, 3_000);
            mutated = mutated.StartsWith('{') ? $"{{\"deep\": {new string('[', depth)}1{new string(']', depth)}, {mutated[1..]}" : new string('[', depth) + mutated + new string(']', depth);
        }

        return mutated;
    }

    private byte[] MutateBytes(byte[] body)
    {
        var bytes = body.ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    var cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] ^= (byte)random.Next(1, 256);
                    break;
                case 2:
                    // Never valid UTF-8: a lone continuation byte, an overlong form, a lone surrogate, bytes never used.
                    byte[][] invalid = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF, 0xFE], [0xC3]];
                    bytes.InsertRange(random.Next(bytes.Count + 1), invalid[random.Next(invalid.Length)]);
                    break;
                case 3:
                    bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                    break;
                default:
                    bytes.AddRange(RandomBytes(random.Next(1, 64)));
                    break;
            }
        }

        return [.. bytes];
    }

    private JsonNode? RandomValue(int depth, string? text) => random.Next(depth > 0 ? 8 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-10, 300))),
        4 or 5 => JsonValue.Create(text ?? Text()),
        6 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(depth - 1, Text()))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"k{i}{Text()}", RandomValue(depth - 1, Text())))),
    };

    private string Text()
    {
        const string Alphabet = "abcXYZ 019@#_-.:/\\\"'{}[]éèçà€😀\u200f\u0000\u001f\t\n";
        var length = random.Next(12) == 0 ? random.Next(300, 30_000) : random.Next(0, 40);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var at = random.Next(Alphabet.Length);
            text.Append(char.IsHighSurrogate(Alphabet[at]) ? Alphabet.Substring(at, 2) : char.IsLowSurrogate(Alphabet[at]) ? "\ud800" : Alphabet[at].ToString());
        }

        return text.ToString();
    }

    private string Words()
    {
        string[] words = ["still", "waiting", "for", "my", "refund", "merci", "panne", "depuis", "hier", "help", "please", "bill", "😡", "2 hours"];
        return string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[random.Next(words.Length)]));
    }

    private Guid RandomGuid() => new(RandomBytes(16));

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<JsonNode?> Walk(JsonNode? node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Replace(ref JsonNode? root, JsonNode? target, JsonNode? replacement)
    {
        switch (target?.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[target.GetElementIndex()] = replacement;
                break;
            default:
                root = replacement;
                break;
        }
    }
}
