using System.Collections.Frozen;

namespace SocialDesk.Triage;

/// <summary>Tells English, French, German and Spanish apart from function words, letters and endings: fast enough for every message.</summary>
internal static class LanguageDetector
{
    public const string English = "en";
    public const string French = "fr";
    public const string German = "de";
    public const string Spanish = "es";

    private static readonly string[] Languages = [English, French, German, Spanish];

    private static readonly FrozenDictionary<string, float[]> WordVotes = BuildWordVotes(new()
    {
        [English] = """
            the and is are was were my your you i it to of for with this that have has been not on in at be me we they what why
            how when can will would just still get got from there an do does did don't can't i'm it's i've please thanks thank
            hours again any since after before because but or if so our their them his her she he who which here about than
            then too very really never nothing anyone hi hello order account help yet already waiting
            """,
        [French] = """
            le la les un une des du de et est sont je j' tu il elle nous vous ils mon ma mes votre vos ce cette c' qu' que qui
            pour avec sur dans pas ne n' plus mais ou au aux depuis toujours encore merci bonjour rien tout tres suis ai avez
            fait d' l' m' s' chez quand comment pourquoi svp ca deja aussi moi toi sans jamais etait sera leur personne bien
            avoir etre faire aucun aucune colis commande heures jours attente en on semaine vacances demain hier soir matin
            """,
        [German] = """
            der die das den dem des ein eine einen einem einer und ist sind ich du er sie es wir ihr mein meine mit auf fur
            nicht kein keine noch schon seit bei von zu im am auch aber oder wie was warum wann bitte danke habe hat wird
            immer nach heute hallo nur jetzt mir mich uns euch ihr dass wenn weil wieder seit gibt kann konnen mal doch sehr
            stunden tage bahn zug niemand nichts
            """,
        [Spanish] = """
            el la los las un una unos unas y es son yo tu mi mis su sus con por para en de del al que no pero muy ya hace
            desde todavia aun gracias hola como cuando porque donde esta estoy tengo tiene me nos se le lo hay nada ni sin
            tambien este esto eso usted ustedes llevo nadie nunca siempre horas dias pedido cuenta sigo ningun ninguna
            """,
    });

    private static readonly (string Ending, string Language)[] Endings =
    [
        ("ing", English), ("ly", English), ("ght", English),
        ("eux", French), ("ais", French), ("ait", French), ("ez", French), ("ees", French),
        ("ung", German), ("keit", German), ("heit", German), ("lich", German), ("sch", German), ("chen", German),
        ("cion", Spanish), ("ado", Spanish), ("ada", Spanish), ("idos", Spanish), ("mos", Spanish),
    ];

    public static string Detect(string text, List<Token> tokens)
    {
        Span<float> votes = stackalloc float[Languages.Length];
        foreach (var token in tokens)
        {
            if (!token.IsWord)
            {
                continue;
            }
            if (WordVotes.TryGetValue(token.Text, out var wordVotes))
            {
                for (int l = 0; l < votes.Length; l++)
                {
                    votes[l] += wordVotes[l];
                }
            }
            else
            {
                foreach (var (ending, language) in Endings)
                {
                    if (token.Text.Length > ending.Length + 2 && token.Text.EndsWith(ending, StringComparison.Ordinal))
                    {
                        votes[Array.IndexOf(Languages, language)] += 0.3f;
                        break;
                    }
                }
            }
        }
        foreach (char c in text)
        {
            switch (c)
            {
                case 'ñ' or 'Ñ' or '¿' or '¡': votes[3] += 2f; break;
                case 'á' or 'í' or 'ó' or 'ú': votes[3] += 1f; break;
                case 'ß': votes[2] += 2f; break;
                case 'ä' or 'ö' or 'ü' or 'Ä' or 'Ö' or 'Ü': votes[2] += 1f; break;
                case 'ç' or 'œ' or 'è' or 'ê' or 'à' or 'ù' or 'â' or 'î' or 'ô' or 'û' or 'ë' or 'ï': votes[1] += 1f; break;
                case 'é' or 'É': votes[1] += 0.5f; votes[3] += 0.3f; break;
                default: break;
            }
        }
        int best = 0;
        for (int l = 1; l < votes.Length; l++)
        {
            if (votes[l] > votes[best])
            {
                best = l;
            }
        }
        return Languages[best];
    }

    private static FrozenDictionary<string, float[]> BuildWordVotes(Dictionary<string, string> wordsByLanguage)
    {
        var languagesOfWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (language, words) in wordsByLanguage)
        {
            foreach (string word in words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!languagesOfWord.TryGetValue(word, out var languages))
                {
                    languagesOfWord[word] = languages = [];
                }
                int index = Array.IndexOf(Languages, language);
                if (!languages.Contains(index))
                {
                    languages.Add(index);
                }
            }
        }
        // A word shared by several languages splits its vote among them.
        return languagesOfWord.ToFrozenDictionary(
            pair => pair.Key,
            pair =>
            {
                var votes = new float[Languages.Length];
                foreach (int language in pair.Value)
                {
                    votes[language] = 1f / pair.Value.Count;
                }
                return votes;
            },
            StringComparer.Ordinal);
    }
}
