using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialDesk.Data;
using SocialDesk.Features.Security;

namespace SocialDesk.Features.Channels;

/// <summary>
/// Channel secrets at rest: the column holds the JSON of <see cref="Channel.Secrets"/> protected with the application's
/// Data Protection key ring; rows written before encryption (plain JSON) are still read, and written encrypted when their
/// secrets are next saved. The protector is the application's, so the EF model that carries it is built once per key
/// ring: pooled contexts share their application's model, and several servers in one process each keep their own keys.
/// </summary>
public static class ChannelSecretProtection
{
    public const string Purpose = "SocialDesk.Channels.Secrets";

    /// <summary>
    /// Two reads are equal when they hold the same secrets in the same form: a row still in plain JSON reads as
    /// <see cref="PlaintextSecrets"/>, so secrets set again, even to the same values, are written encrypted.
    /// </summary>
    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.GetType() == b!.GetType() && a.Count == b.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
        v => v is PlaintextSecrets ? new PlaintextSecrets(v) : new Dictionary<string, string>(v));

    /// <summary>Every verb that reads channels needs this: the key ring, and the model built with its protector.</summary>
    public static IServiceCollection AddChannelSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKeyRing(configuration);
        // Singleton, as the options of pooled contexts are.
        services.ConfigureDbContext<AppDbContext>(
            options => options
                .ReplaceService<IModelCustomizer, KeyRingModelCustomizer>()
                .ReplaceService<IModelCacheKeyFactory, KeyRingModelCacheKeyFactory>(),
            ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>Protects on the way to the column; reads ciphertext, or the plain JSON of a row written before encryption.</summary>
    public sealed class Converter(IDataProtector protector) : ValueConverter<Dictionary<string, string>, string>(
        secrets => Protect(protector, secrets),
        stored => Unprotect(protector, stored));

    /// <summary>Secrets read from a row written before encryption.</summary>
    public sealed class PlaintextSecrets(IDictionary<string, string> secrets) : Dictionary<string, string>(secrets);

    internal static string Protect(IDataProtector protector, Dictionary<string, string> secrets) =>
        protector.Protect(DictionaryAsJson.Write(secrets));

    // Ciphertext is base64url, so a column that starts as a JSON object is a row written before encryption.
    internal static Dictionary<string, string> Unprotect(IDataProtector protector, string stored) =>
        stored.TrimStart().StartsWith('{') ? new PlaintextSecrets(DictionaryAsJson.Read(stored)) : DictionaryAsJson.Read(protector.Unprotect(stored));

    // The context's services fall back to the application's, where the key ring is.
    private static IDataProtectionProvider KeyRingOf(DbContext context) => context.GetService<IDataProtectionProvider>();

    /// <summary>Builds the context's own model, then maps channels with the application's protector.</summary>
    private sealed class KeyRingModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            ChannelConfiguration.Configure(modelBuilder.Entity<Channel>(), KeyRingOf(context).CreateProtector(Purpose));
        }
    }

    /// <summary>One model per key ring, since the model holds its protector.</summary>
    private sealed class KeyRingModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), designTime, KeyRingOf(context));
    }
}
