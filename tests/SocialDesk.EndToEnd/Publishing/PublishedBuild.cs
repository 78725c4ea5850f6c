using System.Diagnostics;
using SocialDesk.EndToEnd.Infrastructure;

namespace SocialDesk.EndToEnd.Publishing;

/// <summary>The server published once for the test class (<c>dotnet publish src/SocialDesk -c Release</c>), and Debian's Chromium.</summary>
public sealed class PublishedBuild : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("socialdesk-published-");
    private IPlaywright? playwright;

    /// <summary>The published folder: everything the server needs, and nothing of the repository.</summary>
    public string Folder => Path.Combine(root.FullName, "socialdesk");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var repository = SharedData.RepositoryRoot ?? throw new InvalidOperationException("The tests do not run from inside the repository: SocialDesk.slnx is not above them.");
        var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", "src/SocialDesk", "-c", "Release", "-o", Folder, "-nologo" })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took more than {PublishTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await BrowserApp.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        root.Delete(recursive: true);
    }
}
