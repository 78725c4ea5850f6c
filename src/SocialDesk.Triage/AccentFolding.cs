using System.Text;

namespace SocialDesk.Triage;

/// <summary>Removes accents so that "énervé", "enerve" and "ENERVÉ" meet the same lexicon entry.</summary>
internal static class AccentFolding
{
    public static void Append(StringBuilder into, char lower)
    {
        switch (lower)
        {
            case 'à' or 'á' or 'â' or 'ä' or 'ã' or 'å': into.Append('a'); break;
            case 'ç': into.Append('c'); break;
            case 'è' or 'é' or 'ê' or 'ë': into.Append('e'); break;
            case 'ì' or 'í' or 'î' or 'ï': into.Append('i'); break;
            case 'ñ': into.Append('n'); break;
            case 'ò' or 'ó' or 'ô' or 'ö' or 'õ': into.Append('o'); break;
            case 'ù' or 'ú' or 'û' or 'ü': into.Append('u'); break;
            case 'ý' or 'ÿ': into.Append('y'); break;
            case 'ß': into.Append("ss"); break;
            case 'œ': into.Append("oe"); break;
            case 'æ': into.Append("ae"); break;
            default: into.Append(lower); break;
        }
    }

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            Append(folded, char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
