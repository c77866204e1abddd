using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>Turns Markdown inlines into plain text: code spans, emphasis and links lose their markup.</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inline, bool inTableCell = false)
    {
        if (inline is null)
        {
            return "";
        }
        var builder = new StringBuilder();
        Append(builder, inline, inTableCell);
        return Normalize(builder.ToString());
    }

    /// <summary>The plain text of every paragraph and heading in a block, joined with spaces.</summary>
    public static string Of(Block block, bool inTableCell = false)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, block, inTableCell);
        return Normalize(builder.ToString());
    }

    /// <summary>The code spans directly in a block's inlines (not in nested lists).</summary>
    public static IEnumerable<CodeInline> CodeSpans(LeafBlock block) =>
        block.Inline?.Descendants<CodeInline>() ?? [];

    private static void AppendBlock(StringBuilder builder, Block block, bool inTableCell)
    {
        switch (block)
        {
            case LeafBlock leaf when leaf.Inline is not null:
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }
                Append(builder, leaf.Inline, inTableCell);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(builder, child, inTableCell);
                }
                break;
        }
    }

    private static void Append(StringBuilder builder, Inline inline, bool inTableCell)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                // GFM unescapes "\|" inside table cells before inline parsing; Markdig keeps the backslash in code spans.
                builder.Append(inTableCell ? code.Content.Replace("\\|", "|", StringComparison.Ordinal) : code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlInline html:
                if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase))
                {
                    builder.Append(' ');
                }
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child, inTableCell);
                }
                break;
        }
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
