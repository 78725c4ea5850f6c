namespace SocialDesk;

/// <summary>Work that must not overlap other work behind the same gate.</summary>
internal static class Gates
{
    /// <summary>Runs <paramref name="work"/> once the gate is free, and frees it after, however the work ends.</summary>
    public static async Task<T> AloneAsync<T>(this SemaphoreSlim gate, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }
}
