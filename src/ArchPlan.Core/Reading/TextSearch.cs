namespace ArchPlan.Reading;

/// <summary>Finds a resource name in prose as a whole word (not inside a longer name), without building a regex per name.</summary>
internal static class TextSearch
{
    /// <summary>Each index where <paramref name="name"/> stands in <paramref name="text"/>, case-insensitively, not next to a letter, digit, '_' or '-'.</summary>
    public static IEnumerable<int> WholeName(string text, string name)
    {
        if (name.Length == 0)
        {
            yield break;
        }
        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end >= text.Length || !IsNameChar(text[end])))
            {
                yield return at;
            }
        }
    }

    public static bool ContainsName(string text, string name) => WholeName(text, name).Any();

    /// <summary>A character that continues a name: a letter, a digit, '_' or '-'.</summary>
    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
