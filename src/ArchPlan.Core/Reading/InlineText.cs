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
        Append(builder, inline, inTableCell, markCode: false);
        return Normalize(builder.ToString());
    }

    /// <summary>The plain text of every paragraph and heading in a block, joined with spaces.</summary>
    public static string Of(Block block, bool inTableCell = false)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, block, inTableCell, markCode: false);
        return Normalize(builder.ToString());
    }

    /// <summary>
    /// Like <see cref="Of(Block, bool)"/>, but each code span keeps one backtick on either side (backticks inside it
    /// become quotes), so a reader can tell a value written as code from the words around it.
    /// </summary>
    public static string Marked(Block block, bool inTableCell = false)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, block, inTableCell, markCode: true);
        return Normalize(builder.ToString());
    }

    /// <summary>Stands for a backtick inside a code span of <see cref="Marked"/> text, where backticks delimit the spans.</summary>
    public const char Backtick = '\uE001';

    /// <summary>Marked text's code span content as written: its stand-ins turned back into backticks.</summary>
    public static string Restore(string text) => text.Replace(Backtick, '`');

    /// <summary>The code spans directly in a block's inlines (not in nested lists).</summary>
    public static IEnumerable<CodeInline> CodeSpans(LeafBlock block) =>
        block.Inline?.Descendants<CodeInline>() ?? [];

    private static void AppendBlock(StringBuilder builder, Block block, bool inTableCell, bool markCode)
    {
        switch (block)
        {
            case LeafBlock leaf when leaf.Inline is not null:
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }
                Append(builder, leaf.Inline, inTableCell, markCode);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(builder, child, inTableCell, markCode);
                }
                break;
        }
    }

    private static void Append(StringBuilder builder, Inline inline, bool inTableCell, bool markCode)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                // GFM unescapes "\|" inside table cells before inline parsing; Markdig keeps the backslash in code spans.
                var content = inTableCell ? code.Content.Replace("\\|", "|", StringComparison.Ordinal) : code.Content;
                builder.Append(markCode ? "`" + content.Replace('`', Backtick) + "`" : content);
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
                    Append(builder, child, inTableCell, markCode);
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
