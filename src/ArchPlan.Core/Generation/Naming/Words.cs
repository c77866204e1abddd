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
                // Humps: "dbHost" -> db|Host, "HTTPApi" -> HTTP|Api, "V2Task" -> V2|Task; letters and digits stay
                // together ("s3", "v2", "E2E"), so an identifier made of words splits into the same words again.
                var hump = char.IsAsciiLetterUpper(c)
                    && (char.IsAsciiLetterLower(previous)
                        || ((char.IsAsciiLetterUpper(previous) || char.IsAsciiDigit(previous)) && char.IsAsciiLetterLower(next)));
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

/// <summary>
/// Finds a plan name standing as a whole word in plan text, the generator's way: only ASCII letters, digits, '_' and '-'
/// continue a name, and case is ignored for ASCII only. (The reader's <c>TextSearch</c> also treats other letters as name
/// characters; the generator's decisions must depend on the ASCII words alone, as its naming does.)
/// </summary>
internal static class PlanText
{
    /// <summary>Each index where <paramref name="name"/> stands in <paramref name="text"/> as a whole name.</summary>
    public static IEnumerable<int> WholeName(string text, string name)
    {
        // A name with no ASCII letter or digit names nothing the generator can tell apart.
        if (!name.Any(char.IsAsciiLetterOrDigit))
        {
            yield break;
        }
        for (var at = IndexOf(text, name, 0); at >= 0; at = IndexOf(text, name, at + 1))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end >= text.Length || !IsNameChar(text[end])))
            {
                yield return at;
            }
        }
    }

    public static bool ContainsName(string text, string name) => WholeName(text, name).Any();

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>
    /// The names (by index) that may stand in a text as whole names, found from the text's words rather than by searching
    /// the text once per name: a name made only of name characters can only stand as one whole run of them; any other
    /// name is always a candidate. A superset of what <see cref="WholeName"/> finds, in ascending order.
    /// </summary>
    public sealed class Index
    {
        private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<int> _always = [];

        public Index(IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i].Length > 0 && names[i].All(IsNameChar))
                {
                    if (!_byWord.TryGetValue(names[i], out var list))
                    {
                        _byWord[names[i]] = list = [];
                    }
                    list.Add(i);
                }
                else
                {
                    _always.Add(i);
                }
            }
        }

        public SortedSet<int> Candidates(string text)
        {
            var found = new SortedSet<int>(_always);
            var lookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var start = 0; start < text.Length;)
            {
                if (!IsNameChar(text[start]))
                {
                    start++;
                    continue;
                }
                var end = start;
                while (end < text.Length && IsNameChar(text[end]))
                {
                    end++;
                }
                if (lookup.TryGetValue(text.AsSpan(start, end - start), out var named))
                {
                    found.UnionWith(named);
                }
                start = end;
            }
            return found;
        }
    }

    // Ordinal, folding ASCII letters only.
    private static int IndexOf(string text, string name, int from)
    {
        for (var i = from; i + name.Length <= text.Length; i++)
        {
            var match = true;
            for (var k = 0; k < name.Length && match; k++)
            {
                var a = text[i + k];
                var b = name[k];
                match = a == b || (char.IsAsciiLetter(a) && char.IsAsciiLetter(b) && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }
}
