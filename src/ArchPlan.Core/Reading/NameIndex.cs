using ArchPlan.Common;

namespace ArchPlan.Reading;

/// <summary>
/// Which of a list of names may stand in a text as a whole name (<see cref="TextSearch.WholeName"/>), found from the
/// text's words instead of searching the text once per name. A name made only of name characters can stand as a whole
/// name only as one whole run of name characters (a word), so it is looked up by the text's words; any other name (with a
/// space, a dot, ...) is always a candidate. Candidates are a superset of the names that stand in the text, so a caller
/// that still checks each candidate finds exactly what a search for every name finds, at a cost that grows with the text
/// and the names found rather than with text × names.
/// </summary>
internal sealed class NameIndex
{
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<int> _always = [];

    /// <param name="names">The names; candidates are reported as indexes into this list.</param>
    /// <param name="always">Indexes to report for every text whatever its words.</param>
    public NameIndex(IReadOnlyList<string> names, IEnumerable<int>? always = null)
    {
        var alwaysSet = new HashSet<int>(always ?? []);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (alwaysSet.Contains(i) || name.Length == 0 || !name.All(TextSearch.IsNameChar))
            {
                _always.Add(i);
                continue;
            }
            var list = _byWord.ListFor(name);
            list.Add(i);
        }
    }

    /// <summary>The indexes of the names that may stand in <paramref name="text"/> as whole names, in ascending order.</summary>
    public SortedSet<int> Candidates(string text)
    {
        var found = new SortedSet<int>(_always);
        var byWord = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < text.Length;)
        {
            if (!TextSearch.IsNameChar(text[start]))
            {
                start++;
                continue;
            }
            var end = start;
            while (end < text.Length && TextSearch.IsNameChar(text[end]))
            {
                end++;
            }
            if (byWord.TryGetValue(text.AsSpan(start, end - start), out var named))
            {
                found.UnionWith(named);
            }
            start = end;
        }
        return found;
    }
}
