using System.Globalization;

namespace ArchPlan.Tests.Fidelity;

/// <summary>How many things a fixture (or the corpus) has, how many were read, and how many of those are right.</summary>
/// <param name="Expected">What a correct reader finds.</param>
/// <param name="Found">What was read (or reported).</param>
/// <param name="Matched">What was read and expected.</param>
internal readonly record struct Score(int Expected, int Found, int Matched)
{
    /// <summary>Matched / expected; 1 when nothing is expected.</summary>
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    /// <summary>Matched / found; 1 when nothing was found.</summary>
    public double Precision => Found == 0 ? 1 : (double)Matched / Found;

    public static Score operator +(Score a, Score b) => new(a.Expected + b.Expected, a.Found + b.Found, a.Matched + b.Matched);

    public string RecallText => Percent(Recall);

    public string PrecisionText => Percent(Precision);

    public override string ToString() =>
        $"recall {RecallText} ({Matched}/{Expected}), precision {PrecisionText} ({Matched}/{Found})";

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>The pairs an expected list and a found list make, by key, and what is left on either side.</summary>
internal sealed record Matching<TExpected, TFound>(
    IReadOnlyList<(TExpected Expected, TFound Found)> Pairs,
    IReadOnlyList<TExpected> Missed,
    IReadOnlyList<TFound> Extra)
{
    public Score Score => new(Pairs.Count + Missed.Count, Pairs.Count + Extra.Count, Pairs.Count);

    /// <summary>For resources: how many of the pairs agree on the name too (the others agree on kind and line).</summary>
    public int NamedPairs { get; init; } = Pairs.Count;
}

internal static class Matcher
{
    /// <summary>
    /// Pairs items with equal keys; among several with one key (a variable in two tables), the found item on the
    /// expected line is taken first, then the nearest.
    /// </summary>
    public static Matching<TExpected, TFound> Match<TExpected, TFound>(
        IEnumerable<TExpected> expected,
        IEnumerable<TFound> found,
        Func<TExpected, string> expectedKey,
        Func<TFound, string> foundKey,
        Func<TExpected, int> expectedLine,
        Func<TFound, int> foundLine)
    {
        var open = found.GroupBy(foundKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var pairs = new List<(TExpected, TFound)>();
        var missed = new List<TExpected>();
        foreach (var item in expected.OrderBy(expectedLine))
        {
            if (open.TryGetValue(expectedKey(item), out var candidates) && candidates.Count > 0)
            {
                var line = expectedLine(item);
                var best = candidates.OrderBy(c => Math.Abs(foundLine(c) - line)).First();
                candidates.Remove(best);
                pairs.Add((item, best));
            }
            else
            {
                missed.Add(item);
            }
        }
        return new Matching<TExpected, TFound>(pairs, missed, [.. open.Values.SelectMany(v => v).OrderBy(foundLine)]);
    }
}
