using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SocialDesk.Features.Replies;
using SocialDesk.Web.Conversations;
using SocialDesk.Web.Resources;

namespace SocialDesk.EndToEnd.Components;

public sealed class ReplyRefusalTextTests() : ComponentContext("fr")
{
    private IStringLocalizer<Ui> Texts => Bunit.Services.GetRequiredService<IStringLocalizer<Ui>>();

    [Fact]
    public void A_refused_reply_is_said_in_the_user_s_language_with_the_values_the_api_names()
    {
        var refusal = new ReplyRefusal(ReplyRefusalKind.BadPublicText, "x", 280);

        Assert.Equal("Une réponse publique sur X demande un texte de 280 caractères au plus.", Texts.Explain(refusal));
        Assert.Equal("A public x reply needs text, at most 280 characters, without NUL (U+0000).", refusal.English);
    }

    [Fact]
    public void Every_kind_of_refusal_has_its_text_in_english_and_in_french()
    {
        var french = Texts.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet();
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var english = Texts.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet();

        Assert.All(Enum.GetValues<ReplyRefusalKind>(), kind =>
        {
            Assert.Contains($"replyRefusal.{kind}", french);
            Assert.Contains($"replyRefusal.{kind}", english);
        });
    }
}
