using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using SocialDesk.Data;
using SocialDesk.Features.Users;

namespace SocialDesk.Web;

/// <summary>
/// A circuit's identity kept true to the database (<c>Web:RevalidationInterval</c>, 30 s by default, and at once when a
/// page's work is refused): a member whose role changed gets their new role, so a page their role no longer opens leaves;
/// a removed member, or one whose password changed, is signed out. Without it, an open tab keeps the identity it
/// connected with for as long as it stays open.
/// </summary>
public sealed class CircuitMember : ServerAuthenticationStateProvider, IDisposable
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private int watching;

    private readonly ILogger<CircuitMember> logger;

    public CircuitMember(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<CircuitMember> logger)
    {
        this.scopes = scopes;
        this.time = time;
        this.logger = logger;
        interval = configuration.GetValue("Web:RevalidationInterval", TimeSpan.FromSeconds(30));
        AuthenticationStateChanged += Watch;
    }

    /// <summary>Reads the member afresh and, when the database says otherwise than the circuit, gives the circuit the database's answer.</summary>
    public async Task RevalidateAsync(CancellationToken cancellationToken)
    {
        var held = (await GetAuthenticationStateAsync()).User;
        if (held.Identity?.IsAuthenticated != true)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var current = await CurrentMember.ReloadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), held, cancellationToken);
        if (current is null)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        else if (current.Role() != held.Role())
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        }
    }

    /// <summary>Ends the watch; called twice when the scope also disposes it as its authentication state provider, and the token source is left undisposed for that.</summary>
    public void Dispose()
    {
        AuthenticationStateChanged -= Watch;
        stopping.Cancel();
    }

    // The circuit's first identity starts the watch; the identities it is given later are watched by the same loop.
    private void Watch(Task<AuthenticationState> state)
    {
        if (Interlocked.Exchange(ref watching, 1) == 0)
        {
            _ = WatchAsync(stopping.Token);
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await RevalidateAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Revalidating a circuit's member failed; the next pass tries again.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit ended.
        }
    }
}
