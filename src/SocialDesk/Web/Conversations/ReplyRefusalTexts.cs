using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialDesk.Features.Replies;
using SocialDesk.Web.Resources;

namespace SocialDesk.Web.Conversations;

/// <summary>A refused reply as the web app says it: in the user's language, naming the same values as the API's English.</summary>
public static class ReplyRefusalTexts
{
    public static string Explain(this IStringLocalizer<Ui> texts, ReplyRefusal refusal) =>
        string.Format(CultureInfo.CurrentCulture, texts[$"replyRefusal.{refusal.Kind}"], texts.Label("channel", refusal.ChannelKind ?? ""), refusal.MaxLength);
}
