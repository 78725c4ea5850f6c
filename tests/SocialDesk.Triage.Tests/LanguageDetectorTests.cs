namespace SocialDesk.Triage.Tests;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("@Acme my internet has been down since this morning", "en")]
    [InlineData("why is nobody answering the phone", "en")]
    [InlineData("@Acme plus de connexion depuis ce matin, c'est pénible", "fr")]
    [InlineData("toujours pas reçu mon colis", "fr")]
    [InlineData("@Acme seit heute Morgen kein Internet, bitte helfen", "de")]
    [InlineData("Zug fällt schon wieder aus", "de")]
    [InlineData("@Acme no tengo internet desde esta mañana", "es")]
    [InlineData("¿cuándo llega mi pedido?", "es")]
    public void Detects_the_language_of_short_messages(string text, string language)
    {
        Assert.Equal(language, Triager.Default.Analyze(text).Language);
    }
}
