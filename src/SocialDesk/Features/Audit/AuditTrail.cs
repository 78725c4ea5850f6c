using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialDesk.Features.Users;

namespace SocialDesk.Features.Audit;

/// <summary>
/// Writes the audit log's automatic entries: in the same save, each change of an audited entity (<see cref="AuditedChanges"/>)
/// made during an HTTP request becomes an entry naming the caller and their address. Workers' own writes happen outside
/// requests and are not recorded; a save that brings its own entry (erasure, retention) is recorded by that entry alone.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>How values are written in <see cref="AuditEntry.Before"/> and <see cref="AuditEntry.After"/>: as the API writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null || http.HttpContext is not { } request)
        {
            return;
        }

        // Interceptors run before EF Core looks for changes itself.
        context.ChangeTracker.DetectChanges();
        var changes = context.ChangeTracker.Entries().ToList();
        if (changes.Any(c => c is { Entity: AuditEntry, State: EntityState.Added }))
        {
            return;
        }

        var actor = AuditActor.Of(request);
        var at = time.GetUtcNow().UtcDateTime;
        context.AddRange(changes.Select(change => AuditedChanges.Describe(change, actor, at)).OfType<AuditEntry>().ToList());
    }
}

/// <summary>Who made a change: the caller of a request (a user through a session or a token) from an address, or the system.</summary>
public sealed record AuditActor(Guid? UserId, Guid? TokenId, Guid? WorkspaceId, string? Address)
{
    /// <summary>The system's own changes: workers such as retention.</summary>
    public static readonly AuditActor System = new(null, null, null, null);

    /// <summary>The request's caller; an anonymous one (accepting an invitation) is known only by their address.</summary>
    public static AuditActor Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        return http.User.Identity?.IsAuthenticated == true
            ? new(http.User.UserId(), http.User.TokenId(), http.User.WorkspaceId(), address)
            : new(null, null, null, address);
    }

    /// <summary>An entry by this actor; <paramref name="before"/> and <paramref name="after"/> are written as JSON.</summary>
    public AuditEntry Entry(Guid workspaceId, DateTime at, string action, string entityType, string entityId, object? before, object? after) => new()
    {
        WorkspaceId = workspaceId,
        At = at,
        ActorUserId = UserId,
        ActorTokenId = TokenId,
        ActorAddress = Address,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Before = before is null ? null : JsonSerializer.Serialize(before, AuditTrail.Json),
        After = after is null ? null : JsonSerializer.Serialize(after, AuditTrail.Json),
    };
}

/// <summary>Registers the audit trail; <see cref="Data.DatabaseProvider"/> adds it to the database's interceptors.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
