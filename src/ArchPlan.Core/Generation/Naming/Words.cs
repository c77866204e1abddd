using System.Globalization;
using System.Text;

namespace ArchPlan.Generation.Naming;

/// <summary>Splits names written in any style (kebab, snake, camel, prose) into lower-case words.</summary>
internal static class Words
{
    /// <summary>The ASCII letter/digit words of <paramref name="text"/>, split at separators and camel-case humps, lower-cased.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var previous = text[i - 1];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                // Humps: "dbHost" -> db|Host, "HTTPApi" -> HTTP|Api; letters and digits stay together ("s3", "v2").
                var hump = char.IsAsciiLetterUpper(c)
                    && (char.IsAsciiLetterLower(previous) || (char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterLower(next)));
                if (hump)
                {
                    Flush();
                }
            }
            current.Append(c);
        }
        Flush();
        return words;
    }

    /// <summary>"leaderboard-snapshot" -> "LeaderboardSnapshot"; empty when the text has no ASCII letters or digits.</summary>
    public static string ToPascal(string? text) => ToPascal(Split(text));

    public static string ToPascal(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }
        return builder.ToString();
    }

    /// <summary>A lower-case kebab slug of the words ("Leaderboard Snapshot" -> "leaderboard-snapshot").</summary>
    public static string ToKebab(string? text) => string.Join('-', Split(text));

    /// <summary>The singular-ish stem used for tolerant comparison ("snapshots" -> "snapshot").</summary>
    public static string Stem(string word)
    {
        if (word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }
        if (word.Length > 3 && word.EndsWith('s') && !NotPlural(word))
        {
            return word[..^1];
        }
        return word;
    }

    private static bool NotPlural(string word) =>
        word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
        || word.EndsWith("is", StringComparison.Ordinal) || word is "postgres" or "aws" or "ecs" or "https";

    /// <summary>Lower-case letters and digits only: the key for case- and separator-insensitive comparison.</summary>
    public static string Squash(string? text) =>
        string.Concat(Split(text)).ToLower(CultureInfo.InvariantCulture);
}
