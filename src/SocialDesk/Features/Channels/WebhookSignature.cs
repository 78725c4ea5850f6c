using System.Security.Cryptography;
using System.Text;

namespace SocialDesk.Features.Channels;

/// <summary>HMAC-SHA256 signatures as platforms send them: <c>sha256=</c> and the digest, base64 (X) or hex (Meta).</summary>
public static class WebhookSignature
{
    public static byte[] Compute(string secret, ReadOnlySpan<byte> payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);

    public static string Base64(string secret, ReadOnlySpan<byte> payload) => "sha256=" + Convert.ToBase64String(Compute(secret, payload));

    public static string Hex(string secret, ReadOnlySpan<byte> payload) => "sha256=" + Convert.ToHexStringLower(Compute(secret, payload));

    /// <summary>Compares in constant time, so the signature cannot be guessed byte by byte.</summary>
    public static bool Matches(string expected, string? received) =>
        received is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.Trim()));
}
