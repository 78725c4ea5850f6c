using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace SocialDesk.Tests.Operations;

public sealed class TracingTests(SocialDeskFactory app) : IClassFixture<SocialDeskFactory>
{
    [Fact]
    public void Nothing_is_traced_without_an_otlp_endpoint() => Assert.Null(app.Services.GetService<TracerProvider>());

    [Fact]
    public async Task Requests_are_traced_to_the_otlp_endpoint_when_one_is_set()
    {
        using var collector = new HttpListener();
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        collector.Prefixes.Add(endpoint.ToString());
        collector.Start();
        var export = collector.GetContextAsync();
        var traced = new TracedApp(endpoint);
        try
        {
            await traced.InitializeAsync();

            await traced.Api.GetAsync("/api/v1/me");
            var received = await export.WaitAsync(TimeSpan.FromSeconds(20));
            received.Response.Close();

            Assert.Equal(("POST", "/v1/traces"), (received.Request.HttpMethod, received.Request.Url!.AbsolutePath));
        }
        finally
        {
            await traced.DisposeAsync();
        }
    }
}
