namespace ArchPlan.Infrastructure;

/// <summary>
/// How deeply a C# file nests brackets, found by one pass over its text before Roslyn parses it (Roslyn's parser
/// recurses once per level). Comments, strings and character literals are skipped, so brackets inside them do not count.
/// </summary>
internal static class SourceNesting
{
    /// <summary>The deepest nesting of <c>( [ {</c> and the 1-based line where it is first reached.</summary>
    public static (int Depth, int Line) Deepest(string text)
    {
        int depth = 0, deepest = 0, deepestLine = 1, line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    var end = text.IndexOf('\n', i);
                    if (end < 0)
                    {
                        return (deepest, deepestLine);
                    }
                    i = end - 1;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        return (deepest, deepestLine);
                    }
                    line += text.AsSpan(i, close - i).Count('\n');
                    i = close + 1;
                    break;
                case '"':
                    var after = SkipString(text, i);
                    line += text.AsSpan(i, after - i).Count('\n');
                    i = after - 1;
                    break;
                case '\'':
                    i = SkipCharacter(text, i);
                    break;
                case '(' or '[' or '{':
                    if (++depth > deepest)
                    {
                        (deepest, deepestLine) = (depth, line);
                    }
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    break;
            }
        }
        return (deepest, deepestLine);
    }

    /// <summary>The index just after the string literal that opens at <paramref name="start"/> (a quote).</summary>
    private static int SkipString(string text, int start)
    {
        var quotes = 0;
        while (start + quotes < text.Length && text[start + quotes] == '"')
        {
            quotes++;
        }
        if (quotes >= 3)
        {
            // A raw string literal ends at the next run of as many quotes.
            var end = text.IndexOf(new string('"', quotes), start + quotes, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + quotes;
        }
        if (quotes == 2)
        {
            return start + 2;
        }
        var verbatim = (start >= 1 && text[start - 1] == '@') || (start >= 2 && text[start - 2] == '@');
        for (var i = start + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when !verbatim:
                    i++;
                    break;
                case '"' when verbatim && i + 1 < text.Length && text[i + 1] == '"':
                    i++;
                    break;
                case '"':
                    return i + 1;
                case '\n' when !verbatim:
                    return i;
                default:
                    break;
            }
        }
        return text.Length;
    }

    /// <summary>The index of the closing quote of a character literal, or <paramref name="start"/> when this is none.</summary>
    private static int SkipCharacter(string text, int start)
    {
        for (var i = start + 1; i < text.Length && i <= start + 12; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '\'')
            {
                return i;
            }
            else if (text[i] == '\n')
            {
                break;
            }
        }
        return start;
    }
}
