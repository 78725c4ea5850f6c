namespace SocialDesk.Data;

/// <summary>Saving a workspace's entity made or changed from a request, after its area's checks: one way for the API and the web app.</summary>
public static class EntityEdits
{
    /// <summary>
    /// Checks the request and copies it onto the entity (<paramref name="apply"/> returns the errors, a sentence each, or
    /// null), adds it when new, and saves. Returns the entity, or the errors and no change; neither when there is no
    /// entity (the workspace has none of the id asked).
    /// </summary>
    public static async Task<(T? Entity, string? Errors)> SaveEditAsync<T>(this AppDbContext db, T? entity, bool isNew, Func<T, Task<string?>> apply, CancellationToken cancellationToken)
        where T : class
    {
        if (entity is null)
        {
            return (null, null);
        }

        if (await apply(entity) is { } errors)
        {
            return (null, errors);
        }

        if (isNew)
        {
            db.Add(entity);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (entity, null);
    }

    /// <summary>Deletes the entity and saves; false when there is none (the workspace has none of the id asked).</summary>
    public static async Task<bool> DeleteEditAsync<T>(this AppDbContext db, T? entity, CancellationToken cancellationToken)
        where T : class
    {
        if (entity is null)
        {
            return false;
        }

        db.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
