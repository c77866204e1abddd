using System.Text;

namespace ArchPlan.Generation.Templates;

/// <summary>Plan text placed in the generated README: one line, with Markdown's active characters escaped.</summary>
internal static class MarkdownText
{
    /// <summary>Inline text with table pipes, emphasis, links, HTML and code markers escaped.</summary>
    public static string Inline(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in OneLine(value))
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '{' or '}')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>An inline code span holding <paramref name="value"/> exactly (pipes escaped for tables).</summary>
    public static string Code(string value)
    {
        var text = OneLine(value).Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static string OneLine(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
        }
        return builder.ToString().Trim();
    }
}
