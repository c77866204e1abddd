using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchPlan.Kinds;

/// <summary>Numbers, durations and words as plans write them ("2 min", "30-day", "15 s", "two tasks"), in canonical form.</summary>
internal static partial class PhraseValues
{
    /// <summary>A regex fragment for an amount with a time unit: groups <c>n</c> and <c>unit</c>.</summary>
    public const string Duration =
        @"(?<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty|sixty)\s*-?\s*(?<unit>ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|years?|yrs?)\b";

    /// <summary>A regex fragment for a count: group <c>n</c>, digits or a small number word.</summary>
    public const string Count = @"(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|sixty|hundred)";

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["fifty"] = 50,
        ["sixty"] = 60, ["hundred"] = 100,
    };

    /// <summary>The number a match's group <c>n</c> holds (digits or a number word).</summary>
    public static double Number(Match match, string group = "n")
    {
        var text = match.Groups[group].Value.ToLowerInvariant();
        return NumberWords.TryGetValue(text, out var word) ? word : double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>The whole number a match's group holds, as invariant text; null when it is not a whole number.</summary>
    public static string? Whole(Match match, string group = "n")
    {
        var value = Number(match, group);
        return value == Math.Floor(value) && value is >= 0 and <= int.MaxValue ? ((long)value).ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The duration of a <see cref="Duration"/> match in seconds (months are 30 days, years 365), as invariant text.</summary>
    public static string? Seconds(Match match)
    {
        var n = Number(match);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        double seconds = unit switch
        {
            _ when unit.StartsWith("ms", StringComparison.Ordinal) || unit.StartsWith("milli", StringComparison.Ordinal) => n / 1000,
            _ when unit.StartsWith("mo", StringComparison.Ordinal) => n * 30 * 86400,
            _ when unit.StartsWith('m') => n * 60,
            _ when unit.StartsWith('h') => n * 3600,
            _ when unit.StartsWith('d') => n * 86400,
            _ when unit.StartsWith('w') => n * 7 * 86400,
            _ when unit.StartsWith('y') => n * 365 * 86400,
            _ => n,
        };
        return seconds < 1 && seconds > 0 ? "1" : ((long)Math.Round(seconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The duration of a <see cref="Duration"/> match in whole days; null when it is not a whole number of days.</summary>
    public static string? Days(Match match)
    {
        var seconds = long.Parse(Seconds(match)!, CultureInfo.InvariantCulture);
        return seconds % 86400 == 0 && seconds > 0 ? (seconds / 86400).ToString(CultureInfo.InvariantCulture) : null;
    }

    public static double Number(PhraseMatch match, string group = "n") => Number(match.Match, group);

    public static string? Whole(PhraseMatch match, string group = "n") => Whole(match.Match, group);

    public static string? Seconds(PhraseMatch match) => Seconds(match.Match);

    public static string? Days(PhraseMatch match) => Days(match.Match);

    /// <summary>"true", or "false" when the words are negated.</summary>
    public static string Flag(PhraseMatch match) => match.Negated ? "false" : "true";

    /// <summary>Reads a canonical integer value back.</summary>
    public static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>True for canonical "true".</summary>
    public static bool IsTrue(string value) => value == "true";

    /// <summary>Negations just before a match ("no", "not", "without", "disabled"): the phrase states the opposite.</summary>
    public static bool Negated(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 16);
        return NegationBefore().IsMatch(text.AsSpan(start, match.Index - start))
            || NegationAfter().IsMatch(text.AsSpan(match.Index + match.Length, Math.Min(14, text.Length - match.Index - match.Length)));
    }

    [GeneratedRegex(@"\b(?:no|not|without|non|never|disable|disabled)\b[\s-]*(?:\w+[\s-]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"^[\s:=-]*(?:off|disabled|false|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationAfter();
}
