namespace SocialDesk.Web.Sla;

/// <summary>
/// The beat of a page's SLA countdowns: the page's clock read and the page re-rendered each second, without reading the
/// database (the live feed brings changed due times).
/// </summary>
public sealed class SlaTicker : IDisposable
{
    public static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);
    private readonly ITimer timer;

    /// <param name="render">Re-renders the page; called on no particular thread, so it dispatches to the renderer itself.</param>
    public SlaTicker(TimeProvider time, Func<Task> render)
    {
        Now = time.GetUtcNow().UtcDateTime;
        timer = time.CreateTimer(_ =>
        {
            Now = time.GetUtcNow().UtcDateTime;
            _ = render();
        }, null, Beat, Beat);
    }

    public DateTime Now { get; private set; }

    public void Dispose() => timer.Dispose();
}
