using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace SocialDesk.EndToEnd.Components;

/// <summary>A bUnit context with what the web app's components inject: MudBlazor and the texts, in the given language.</summary>
public abstract class ComponentContext : IAsyncLifetime
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    protected ComponentContext(string language = "en")
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        Bunit.Services.AddLocalization();
        Bunit.Services.AddMudServices();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Bunit { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are disposed asynchronously only.</summary>
    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await Bunit.DisposeAsync();
    }
}
