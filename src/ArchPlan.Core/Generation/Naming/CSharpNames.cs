using Microsoft.CodeAnalysis.CSharp;

namespace ArchPlan.Generation.Naming;

/// <summary>Turns plan names into valid C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// A valid C# identifier in Pascal case for <paramref name="name"/>: ASCII letters and digits only, a leading
    /// digit prefixed with '_', <paramref name="fallback"/> when nothing is left, and '@' before keywords.
    /// </summary>
    public static string ToIdentifier(string? name, string fallback)
    {
        var pascal = Words.ToPascal(name);
        if (pascal.Length == 0)
        {
            pascal = fallback;
        }
        if (char.IsAsciiDigit(pascal[0]))
        {
            pascal = "_" + pascal;
        }
        return EscapeKeyword(pascal);
    }

    /// <summary>Prefixes '@' when <paramref name="identifier"/> is a C# keyword (reserved or contextual).</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>True when <paramref name="identifier"/> can be used as written (after an optional '@').</summary>
    public static bool IsValid(string identifier)
    {
        var bare = identifier.StartsWith('@') ? identifier[1..] : identifier;
        return SyntaxFacts.IsValidIdentifier(bare)
            && (identifier.StartsWith('@') || SyntaxFacts.GetKeywordKind(bare) == SyntaxKind.None);
    }

    /// <summary>The words of <paramref name="name"/> in Pascal case, ending with <paramref name="suffix"/> unless the words already do.</summary>
    public static string WithSuffix(string? name, string suffix, string fallback)
    {
        var words = Words.Split(name).ToList();
        var suffixWords = Words.Split(suffix);
        var endsWithSuffix = words.Count >= suffixWords.Count
            && words.Skip(words.Count - suffixWords.Count).SequenceEqual(suffixWords, StringComparer.Ordinal);
        if (!endsWithSuffix)
        {
            words.AddRange(suffixWords);
        }
        var pascal = Words.ToPascal(words);
        return ToIdentifier(pascal.Length == 0 ? fallback : pascal, fallback);
    }
}

/// <summary>
/// Hands out identifiers that are unique within one scope (compared case-insensitively, so <c>DB_HOST</c>,
/// <c>DbHost</c> and <c>db-host</c> become <c>DbHost</c>, <c>DbHost2</c>, <c>DbHost3</c>).
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public NameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Reserves <paramref name="identifier"/>, or the first free <c>identifier2</c>, <c>identifier3</c>, ...</summary>
    public string Claim(string identifier)
    {
        var bare = identifier.TrimStart('@');
        var candidate = bare;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = bare + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return CSharpNames.EscapeKeyword(candidate);
    }
}
