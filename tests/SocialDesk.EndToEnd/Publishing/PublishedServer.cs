using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace SocialDesk.EndToEnd.Publishing;

/// <summary>
/// The published <c>socialdesk</c> executable started as an operator starts it: from a working directory of its own, in
/// Production, on a free port of 127.0.0.1, with the settings given; every line it writes is kept.
/// </summary>
public sealed class PublishedServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private bool ended;

    private PublishedServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server wrote to its standard output and error, as it wrote it.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Starts the server and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<PublishedServer> StartAsync(string folder, string workingDirectory, IEnumerable<string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo(Path.Combine(folder, "socialdesk"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var argument in new[] { "serve", "--urls", address.ToString().TrimEnd('/') }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var server = new PublishedServer(Process.Start(start)!, address);
        server.process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        server.process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Ends the process this test started, by its id, and waits for the last of its output.</summary>
    public void Dispose()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server stopped with {process.ExitCode} before it was ready:\n{string.Join('\n', lines)}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/health/ready did not answer 200 within {StartTimeout}:\n{string.Join('\n', lines)}");
    }
}
