using Microsoft.Extensions.Localization;

namespace SocialDesk.Web.Resources;

/// <summary>The web app's texts, in <c>Ui.resx</c> (English) and <c>Ui.fr.resx</c> (French).</summary>
public sealed class Ui;

/// <summary>Labels of open vocabularies (topics can be added per workspace): the translation where there is one, the name itself otherwise.</summary>
public static class UiLabels
{
    public static string Label(this IStringLocalizer<Ui> texts, string vocabulary, string name) =>
        texts[$"{vocabulary}.{name}"] is { ResourceNotFound: false } text ? text.Value : name;
}
