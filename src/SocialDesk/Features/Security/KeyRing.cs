using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Security;

/// <summary>
/// The application's Data Protection key ring (channel secrets, sign-in cookies, antiforgery tokens), named
/// <c>SocialDesk</c>. On PostgreSQL the keys live in the database, shared by every node, and a key-encryption
/// certificate (<c>DataProtection:Certificate</c>, a PFX file, and <c>DataProtection:CertificatePassword</c>) is required
/// to protect them at rest. On SQLite they live in <c>DataProtection:KeysPath</c>, by default a <c>keys</c> folder beside
/// the database file (the same folder for every verb of one installation), protected by the certificate when one is set.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "SocialDesk";
    public const string KeysPathKey = "DataProtection:KeysPath";
    public const string CertificateKey = "DataProtection:Certificate";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName);
        var inDatabase = DatabaseProvider.ProviderOf(configuration) == DatabaseProvider.Postgres;
        if (LoadCertificate(configuration) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        if (inDatabase)
        {
            services.AddDbContext<KeyRingDbContext>(options => options.UseNpgsql(DatabaseProvider.ConnectionString(configuration)));
            keys.PersistKeysToDbContext<KeyRingDbContext>();
        }
        else
        {
            // Readable by the server's user only. Without a certificate the keys are as safe as this folder: Data
            // Protection would say so at every new key; the README's Production section says it once.
            var folder = KeysPath(configuration);
            keys.PersistKeysToFileSystem(OperatingSystem.IsWindows() ? Directory.CreateDirectory(folder) : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            if (configuration[CertificateKey] is not { Length: > 0 })
            {
                services.AddLogging(logging => logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error));
            }
        }

        return services;
    }

    /// <summary>The folder of the SQLite installation's keys: the one configured, else <c>keys</c> beside the database file (or in the data folder for an in-memory database).</summary>
    public static string KeysPath(IConfiguration configuration)
    {
        if (configuration[KeysPathKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var database = new SqliteConnectionStringBuilder(DatabaseProvider.ConnectionString(configuration)).DataSource;
        return database is "" or ":memory:"
            ? Path.Combine(DatabaseProvider.DataDirectory(), "keys")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "keys");
    }

    /// <summary>
    /// Refuses to start, with what to do, when the keys cannot serve: keys in PostgreSQL without a key-encryption
    /// certificate, a key folder whose files git tracks (anyone who can read the repository can forge sessions and read
    /// secrets), keys that the key-encryption certificate cannot open
    /// (a wrong or lost certificate), or channel secrets that no key of the ring can read (keys lost): better at start than
    /// a 500 on every webhook.
    /// </summary>
    public static async Task CheckAsync(IServiceProvider services, AppDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (DatabaseProvider.ProviderOf(configuration) == DatabaseProvider.Postgres && configuration[CertificateKey] is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                $"With PostgreSQL the Data Protection keys are kept in the database, where they must be encrypted: set {CertificateKey} to a PFX file "
                + $"holding a certificate and its private key, and {CertificatePasswordKey} to its password (see the README's Production section).");
        }

        if (DatabaseProvider.ProviderOf(configuration) == DatabaseProvider.Sqlite && await TrackedFilesAsync(KeysPath(configuration), cancellationToken) is [var tracked, ..])
        {
            throw new InvalidOperationException(
                $"The key folder {KeysPath(configuration)} holds {tracked}, which git tracks: keys in a repository are public, so anyone can forge "
                + $"sessions and read channel secrets with them. Remove them from the repository (git rm --cached), make new ones, and keep the keys "
                + $"outside the source tree ({KeysPathKey}).");
        }

        foreach (var key in services.GetRequiredService<IKeyManager>().GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception e) when (e is CryptographicException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"The Data Protection key {key.KeyId} cannot be decrypted: the key-encryption certificate ({CertificateKey}) is not the one it was "
                    + $"encrypted with, or it was lost. Set the certificate the keys were written with. ({e.Message})", e);
            }
        }

        var channels = await db.Channels.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in channels)
        {
            try
            {
                await db.Channels.AsNoTracking().Where(c => c.Id == id).Select(c => c.Secrets).SingleAsync(cancellationToken);
            }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException(
                    $"The secrets of channel {id} cannot be decrypted with the Data Protection keys found: they were written with keys that are not here "
                    + $"(another {KeysPathKey}, a restored database without its keys, or a lost key folder). Restore the keys they were written with, "
                    + $"or set the channel's secrets again. ({e.Message})", e);
            }
        }
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        if (configuration[CertificateKey] is not { Length: > 0 } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificateKey} '{path}' could not be opened with {CertificatePasswordKey}: {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{CertificateKey} '{path}' holds no private key: the keys could be encrypted but never read back.");
    }

    /// <summary>The files of the folder that git tracks; none when the folder is in no repository or git is not installed.</summary>
    private static async Task<List<string>> TrackedFilesAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var git = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-C", folder, "ls-files", "-z", "--", "." })
        {
            git.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(git)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? [.. (await output).Split('\0', StringSplitOptions.RemoveEmptyEntries)] : [];
        }
        catch (Win32Exception)
        {
            return [];
        }
    }
}

/// <summary>
/// The keys table (made by the application's migrations) as the key ring reads and writes it: a context of its own, since
/// the key ring saves synchronously and the application's contexts refuse that.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
