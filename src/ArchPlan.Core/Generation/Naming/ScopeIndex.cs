using ArchPlan.Generation.Planning;
using ArchPlan.Model;

namespace ArchPlan.Generation.Naming;

/// <summary>What a scope cell's entries ("Used by", "Consumers") name among a plan's computes.</summary>
/// <param name="Targets">The computes the entries name, in plan order; every compute when they name none.</param>
/// <param name="Unmatched">Entries that name no compute (nothing is guessed for them).</param>
/// <param name="Named">True when some entry named computes or said "every one".</param>
internal sealed record ScopeResolution(IReadOnlyList<int> Targets, IReadOnlyList<string> Unmatched, bool Named);

/// <summary>
/// The one reading of a scope entry, shared by <c>check</c> and <c>generate</c> so the two never disagree on which
/// function gets a variable or a secret. An entry names a compute when their names have the same words, or every word
/// of one is among the words of the other (<c>payments-handler Lambda</c> names <c>payments-handler</c>; <c>fn-10</c>
/// does not name <c>fn-1</c>); else when it names a kind of compute ("Lambda", "ECS task"); else when it is a file
/// path the compute's list item mentions (<c>handlers/refund.py</c>). "all", "every", "both" name every compute.
/// </summary>
/// <remarks>
/// Cost is linear in entries and computes: names are indexed by their word string, by each word, and by their set of
/// words, so an entry looks at the computes sharing its rarest word and at the word sets its own words can form, never
/// at every compute (plans with thousands of scoped rows made the old pairwise scan quadratic).
/// </remarks>
internal sealed class ScopeIndex
{
    /// <summary>Entries with more distinct words than this are matched by scanning (2^n word sets would be too many).</summary>
    private const int MaxSubsetWords = 10;

    private readonly IReadOnlyList<PlannedResource> _computes;
    private readonly string[][] _words;
    private readonly Dictionary<string, List<int>> _byConcat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWordSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byMentionedPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<int>?> _entries = new(StringComparer.OrdinalIgnoreCase);

    public ScopeIndex(IReadOnlyList<PlannedResource> computes)
    {
        _computes = computes;
        _words = new string[computes.Count][];
        for (var i = 0; i < computes.Count; i++)
        {
            var stems = NameMatcher.Stems(computes[i].Name);
            _words[i] = [.. stems];
            if (stems.Count == 0)
            {
                continue;
            }
            Add(_byConcat, string.Concat(stems), i);
            var distinct = stems.Distinct(StringComparer.Ordinal).ToArray();
            foreach (var word in distinct)
            {
                Add(_byWord, word, i);
            }
            Add(_byWordSet, SetKey(distinct), i);
            foreach (var path in MentionedPaths(computes[i].Text))
            {
                Add(_byMentionedPath, path, i);
            }
        }
    }

    /// <summary>The computes the index was built over, in plan order.</summary>
    public IReadOnlyList<PlannedResource> Computes => _computes;

    /// <summary>What the whole scope names (an empty scope names every compute).</summary>
    public ScopeResolution Resolve(IReadOnlyList<string> scope)
    {
        if (scope.Count == 0)
        {
            return new ScopeResolution(All(), [], Named: true);
        }
        var matched = new SortedSet<int>();
        var unmatched = new List<string>();
        foreach (var raw in scope)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }
            var named = Entry(entry);
            if (named is null)
            {
                return new ScopeResolution(All(), [], Named: true);
            }
            if (named.Count == 0)
            {
                unmatched.Add(entry);
            }
            matched.UnionWith(named);
        }
        return matched.Count == 0
            ? new ScopeResolution(All(), unmatched, Named: false)
            : new ScopeResolution([.. matched], unmatched, Named: true);
    }

    /// <summary>The computes one entry names, in plan order: null for "every compute", empty for none.</summary>
    public IReadOnlyList<int>? Entry(string entry)
    {
        var key = entry.Trim();
        if (!_entries.TryGetValue(key, out var found))
        {
            found = Match(key);
            _entries[key] = found;
        }
        return found;
    }

    private List<int>? Match(string entry)
    {
        var stems = NameMatcher.Stems(entry);
        if (entry == "*" || ResourceWords.IsEveryone(stems))
        {
            return null;
        }
        var byName = ByName(stems);
        if (byName.Count > 0)
        {
            return byName;
        }
        // A handler file the compute's item mentions, before kind words ("handler.py" is not "every handler").
        var path = entry.Trim('`', '"', '\'', '*', '_');
        if ((path.Contains('.', StringComparison.Ordinal) || path.Contains('/', StringComparison.Ordinal)) && _byMentionedPath.TryGetValue(path, out var mentioning))
        {
            return mentioning;
        }
        // "Lambda", "all functions", "every ECS task": a kind, after any word for everyone.
        var rest = stems.SkipWhile(s => s is "all" or "every" or "each" or "both" or "any" or "the").ToList();
        return ResourceWords.ComputeKindNamedBy(rest.Count > 0 ? rest : stems) is { } kind
            ? [.. Enumerable.Range(0, _computes.Count).Where(i => kind(_computes[i].Kind))]
            : [];
    }

    /// <summary>The computes whose name <see cref="NameMatcher.Matches(IReadOnlyList{string}, IReadOnlyList{string})"/> the entry's words.</summary>
    private List<int> ByName(IReadOnlyList<string> stems)
    {
        var found = new SortedSet<int>();
        if (stems.Count == 0)
        {
            return [];
        }
        if (_byConcat.TryGetValue(string.Concat(stems), out var same))
        {
            found.UnionWith(same);
        }
        var distinct = stems.Distinct(StringComparer.Ordinal).ToArray();

        // Every word of the entry among the compute's words: only computes with the entry's rarest word can qualify.
        List<int>? rarest = null;
        foreach (var word in distinct)
        {
            if (!_byWord.TryGetValue(word, out var posting))
            {
                rarest = null;
                break;
            }
            if (rarest is null || posting.Count < rarest.Count)
            {
                rarest = posting;
            }
        }
        if (rarest is not null)
        {
            found.UnionWith(rarest.Where(i => distinct.All(_words[i].Contains)));
        }

        // Every word of the compute's name among the entry's words: the compute's word set is a subset of the entry's.
        if (distinct.Length <= MaxSubsetWords)
        {
            for (var mask = 1; mask < 1 << distinct.Length; mask++)
            {
                var subset = distinct.Where((_, bit) => (mask & (1 << bit)) != 0).ToArray();
                if (_byWordSet.TryGetValue(SetKey(subset), out var computes))
                {
                    found.UnionWith(computes);
                }
            }
        }
        else
        {
            found.UnionWith(Enumerable.Range(0, _computes.Count).Where(i => _words[i].Length > 0 && _words[i].All(distinct.Contains)));
        }
        return [.. found];
    }

    private List<int> All() => [.. Enumerable.Range(0, _computes.Count)];

    private static string SetKey(IEnumerable<string> words) => string.Join('\u0001', words.Order(StringComparer.Ordinal));

    private static void Add(Dictionary<string, List<int>> index, string key, int value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (list.Count == 0 || list[^1] != value)
        {
            list.Add(value);
        }
    }

    /// <summary>File paths a list item mentions (<c>handlers/refund.py</c>, <c>src/app.ts</c>): tokens with a dot or a slash.</summary>
    private static IEnumerable<string> MentionedPaths(string text)
    {
        foreach (var token in text.Split([' ', '\t', '\n', '\r', '`', '(', ')', '[', ']', ',', ';', '"', '\'', '*'], StringSplitOptions.RemoveEmptyEntries))
        {
            var path = token.TrimEnd('.', ':');
            if (path.Length >= 3 && (path.Contains('/', StringComparison.Ordinal) || path.Contains('.', StringComparison.Ordinal)) && path.Any(char.IsAsciiLetter))
            {
                yield return path;
            }
        }
    }
}
