using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>Self-signed key-encryption certificates as PFX files, made once per test run in the temporary folder.</summary>
public static class TestCertificates
{
    public const string Password = "test-certificate-password";
    private static readonly Lazy<string> Default = new(() => Create("key-encryption"));

    /// <summary>The certificate every PostgreSQL server of the suite protects its keys with.</summary>
    public static string KeyEncryption => Default.Value;

    /// <summary>A new certificate of its own, as a PFX file protected with <see cref="Password"/>.</summary>
    public static string Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SocialDesk test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UnixEpoch.AddYears(50);
        using var certificate = request.CreateSelfSigned(now.AddYears(-30), now.AddYears(30));
        var path = Path.Combine(Path.GetTempPath(), $"socialdesk-{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
