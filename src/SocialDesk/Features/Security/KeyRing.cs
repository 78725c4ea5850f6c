using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using SocialDesk.Data;

namespace SocialDesk.Features.Security;

/// <summary>
/// The application's Data Protection key ring (channel secrets, sign-in cookies, antiforgery tokens), named
/// <c>SocialDesk</c>: keys in <c>DataProtection:KeysPath</c>, by default a <c>keys</c> folder beside the SQLite database
/// file, or beside the executable (the same folder for every verb of one installation). Nodes that share a database
/// must share this folder. With <c>DataProtection:Certificate</c> (a PFX file) and <c>DataProtection:CertificatePassword</c>,
/// the keys are encrypted with that certificate at rest.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "SocialDesk";
    public const string KeysPathKey = "DataProtection:KeysPath";
    public const string CertificateKey = "DataProtection:Certificate";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration[CertificateKey] is { Length: > 0 } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration[CertificatePasswordKey]));
        }

        // Resolved when the key ring is first used, once configuration is final.
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((options, configuration, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysPath(configuration)), logs));
        return services;
    }

    public static string KeysPath(IConfiguration configuration)
    {
        if (configuration[KeysPathKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var database = (configuration["Database:Provider"] ?? DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(configuration.GetConnectionString("SocialDesk") ?? DatabaseProvider.DefaultSqlite).DataSource
            : "";
        return database is "" or ":memory:"
            ? Path.Combine(AppContext.BaseDirectory, "keys")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "keys");
    }
}
