namespace ArchPlan.Generation.Naming;

/// <summary>Tolerant comparison of names people write for the same thing (<c>snapshot.py</c> and <c>leaderboard-snapshot</c>).</summary>
internal static class NameMatcher
{
    private static readonly string[] FileExtensions = [".py", ".js", ".mjs", ".cjs", ".ts", ".go", ".java", ".cs", ".rb", ".rs", ".sh", ".kt"];

    /// <summary>The stemmed words of a name, with a source-file extension removed first.</summary>
    public static IReadOnlyList<string> Stems(string? text)
    {
        var trimmed = (text ?? "").Trim();
        foreach (var extension in FileExtensions)
        {
            if (trimmed.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && trimmed.Length > extension.Length)
            {
                trimmed = trimmed[..^extension.Length];
                break;
            }
        }
        return [.. Words.Split(trimmed).Select(Words.Stem)];
    }

    /// <summary>
    /// True when <paramref name="reference"/> names <paramref name="name"/>: the same words ignoring case and separators,
    /// or every word of one found among the words of the other.
    /// </summary>
    public static bool Matches(string? reference, string? name) => Matches(Stems(reference), Stems(name));

    /// <summary><see cref="Matches(string?, string?)"/> on names already split into <see cref="Stems"/>.</summary>
    public static bool Matches(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }
        if (string.Concat(a) == string.Concat(b))
        {
            return true;
        }
        return a.All(b.Contains) || b.All(a.Contains);
    }

    /// <summary>How many of <paramref name="words"/> appear among the words of <paramref name="name"/>.</summary>
    public static int Overlap(IEnumerable<string> words, string? name) => Overlap(words, Stems(name));

    /// <summary><see cref="Overlap(IEnumerable{string}, string?)"/> with the name already split into <see cref="Stems"/>.</summary>
    public static int Overlap(IEnumerable<string> words, IReadOnlyList<string> stems) =>
        words.Distinct(StringComparer.Ordinal).Count(stems.Contains);
}
