using SocialDesk.Features.Replies;

namespace SocialDesk.Web.Admin;

/// <summary>The canned reply form's fields, and its preview with example values in place of the variables.</summary>
public sealed class CannedRepliesForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string? Language { get; set; }
    public string? Text { get; set; }

    public static CannedRepliesForm Of(CannedReply canned) => new() { Id = canned.Id, Name = canned.Name, Language = canned.Language, Text = canned.Text };

    /// <summary>The request the API would get; no language means any.</summary>
    public CannedReplyEndpoints.CannedReplyRequest ToRequest() => new(Name, Text, string.IsNullOrWhiteSpace(Language) ? null : Language);

    /// <summary>Adds the variable at the end of the text, as the API writes it.</summary>
    public void Insert(string variable) => Text = $"{Text}{{{{{variable}}}}}";

    /// <summary>The text as a conversation would fill it, with these values for <see cref="CannedReply.Variables"/>.</summary>
    public string Preview(IReadOnlyDictionary<string, string?> values) => new CannedReply { Name = "", Text = Text ?? "" }.Render(values);
}
