using System.Collections.Frozen;
using System.Globalization;

namespace SocialDesk.Triage;

/// <summary>
/// Reads the waiting time a customer states ("on hold for 2 hours", "deux jours que j'attends", "seit 45 Minuten"):
/// a duration in a clause that also speaks of waiting. The longest such duration wins.
/// </summary>
internal static class WaitTimeReader
{
    private static readonly FrozenDictionary<string, double> AmountWords = new Dictionary<string, double>
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["couple"] = 2,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["fifteen"] = 15,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["forty-five"] = 45,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["ninety"] = 90,
        ["half"] = 0.5,
        ["un"] = 1,
        ["une"] = 1,
        ["deux"] = 2,
        ["trois"] = 3,
        ["quatre"] = 4,
        ["cinq"] = 5,
        ["sept"] = 7,
        ["huit"] = 8,
        ["neuf"] = 9,
        ["dix"] = 10,
        ["onze"] = 11,
        ["douze"] = 12,
        ["quinze"] = 15,
        ["vingt"] = 20,
        ["trente"] = 30,
        ["quarante"] = 40,
        ["quarante-cinq"] = 45,
        ["cinquante"] = 50,
        ["soixante"] = 60,
        ["ein"] = 1,
        ["eine"] = 1,
        ["einen"] = 1,
        ["einer"] = 1,
        ["einem"] = 1,
        ["zwei"] = 2,
        ["drei"] = 3,
        ["vier"] = 4,
        ["funf"] = 5,
        ["sechs"] = 6,
        ["sieben"] = 7,
        ["acht"] = 8,
        ["neun"] = 9,
        ["zehn"] = 10,
        ["elf"] = 11,
        ["zwolf"] = 12,
        ["funfzehn"] = 15,
        ["zwanzig"] = 20,
        ["dreissig"] = 30,
        ["vierzig"] = 40,
        ["funfundvierzig"] = 45,
        ["funfzig"] = 50,
        ["sechzig"] = 60,
        ["halbe"] = 0.5,
        ["halben"] = 0.5,
        ["anderthalb"] = 1.5,
        ["eineinhalb"] = 1.5,
        ["zweieinhalb"] = 2.5,
        ["uno"] = 1,
        ["una"] = 1,
        ["dos"] = 2,
        ["tres"] = 3,
        ["cuatro"] = 4,
        ["cinco"] = 5,
        ["seis"] = 6,
        ["siete"] = 7,
        ["ocho"] = 8,
        ["nueve"] = 9,
        ["diez"] = 10,
        ["once"] = 11,
        ["doce"] = 12,
        ["quince"] = 15,
        ["veinte"] = 20,
        ["treinta"] = 30,
        ["cuarenta"] = 40,
        ["cincuenta"] = 50,
        ["sesenta"] = 60,
        ["media"] = 0.5,
        ["medio"] = 0.5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> UnitMinutes = new Dictionary<string, double>
    {
        ["min"] = 1,
        ["mins"] = 1,
        ["minute"] = 1,
        ["minutes"] = 1,
        ["minuten"] = 1,
        ["minuto"] = 1,
        ["minutos"] = 1,
        ["mn"] = 1,
        ["h"] = 60,
        ["hr"] = 60,
        ["hrs"] = 60,
        ["hour"] = 60,
        ["hours"] = 60,
        ["heure"] = 60,
        ["heures"] = 60,
        ["stunde"] = 60,
        ["stunden"] = 60,
        ["std"] = 60,
        ["hora"] = 60,
        ["horas"] = 60,
        ["demi-heure"] = 30,
        ["demi-heures"] = 30,
        ["day"] = 1440,
        ["days"] = 1440,
        ["jour"] = 1440,
        ["jours"] = 1440,
        ["journee"] = 1440,
        ["journees"] = 1440,
        ["tag"] = 1440,
        ["tage"] = 1440,
        ["tagen"] = 1440,
        ["dia"] = 1440,
        ["dias"] = 1440,
        ["week"] = 10080,
        ["weeks"] = 10080,
        ["semaine"] = 10080,
        ["semaines"] = 10080,
        ["woche"] = 10080,
        ["wochen"] = 10080,
        ["semana"] = 10080,
        ["semanas"] = 10080,
        ["month"] = 43200,
        ["months"] = 43200,
        ["mois"] = 43200,
        ["monat"] = 43200,
        ["monate"] = 43200,
        ["monaten"] = 43200,
        ["mes"] = 43200,
        ["meses"] = 43200,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Small words that may sit between an amount and its unit: "a couple of hours", "half an hour", "una media hora".
    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(StringComparer.Ordinal, "of", "an", "a", "de", "bonne", "good", "full", "whole", "ganze", "ganzen");

    public static int? Read(List<Token> tokens, bool[] clauseSpeaksOfWaiting, int[] clauseOfToken)
    {
        double longest = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!clauseSpeaksOfWaiting[clauseOfToken[i]] || !TryReadAmount(tokens[i], out double amount))
            {
                continue;
            }
            int next = i + 1;
            while (next < tokens.Count && next <= i + 3)
            {
                var token = tokens[next];
                if (TryReadAmount(token, out double more) && token.Kind == TokenKind.Word)
                {
                    amount *= more;
                }
                else if (!Fillers.Contains(token.Text))
                {
                    break;
                }
                next++;
            }
            if (next >= tokens.Count || !UnitMinutes.TryGetValue(tokens[next].Text, out double unit))
            {
                continue;
            }
            double minutes = (amount * unit) + Remainder(tokens, next + 1, unit);
            longest = Math.Max(longest, minutes);
            i = next;
        }
        return longest > 0 ? (int)Math.Round(longest) : null;
    }

    private static bool TryReadAmount(in Token token, out double amount)
    {
        if (token.Kind == TokenKind.Number)
        {
            return double.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) && amount is > 0 and < 10000;
        }
        return AmountWords.TryGetValue(token.Text, out amount);
    }

    /// <summary>What follows a unit: "1h30", "an hour and a half", "une heure et demie", "una hora y media".</summary>
    private static double Remainder(List<Token> tokens, int at, double unit)
    {
        if (at < tokens.Count && unit == 60 && tokens[at].Kind == TokenKind.Number
            && int.TryParse(tokens[at].Text, CultureInfo.InvariantCulture, out int minutes) && minutes < 60)
        {
            return minutes;
        }
        bool Is(int offset, string text) => at + offset < tokens.Count && tokens[at + offset].Text == text;
        bool half = (Is(0, "and") && Is(1, "a") && Is(2, "half")) || (Is(0, "et") && Is(1, "demie")) || (Is(0, "y") && Is(1, "media"));
        return half ? unit / 2 : 0;
    }
}
