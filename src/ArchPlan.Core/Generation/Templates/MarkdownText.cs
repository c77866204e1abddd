using System.Text;
using ArchPlan.Validation;

namespace ArchPlan.Generation.Templates;

/// <summary>Plan text placed in the generated README: one line, with Markdown's active characters escaped and credentials redacted.</summary>
internal static class MarkdownText
{
    /// <summary>Inline text with table pipes, emphasis, links, HTML and code markers escaped.</summary>
    public static string Inline(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in OneLine(SafeText.Redact(value)))
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
    public static string Code(string value) => Common.MarkdownCode.Span(OneLine(SafeText.Redact(value)));

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
