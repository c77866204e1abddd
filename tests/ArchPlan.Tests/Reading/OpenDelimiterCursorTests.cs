using System.Globalization;
using System.Text;
using ArchPlan.Reading;
using CsCheck;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Tests.Reading;

/// <summary>The cursor may only make Markdig faster: every document must come out the same, spans included.</summary>
public sealed class OpenDelimiterCursorTests
{
    private static readonly MarkdownPipeline Plain = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Build();

    private static readonly MarkdownPipeline WithCursor = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Use<OpenDelimiterCursorExtension>().Build();

    // The validator's pipeline: task lists, no precise locations.
    private static readonly MarkdownPipeline RegionsPlain = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UseTaskLists().Build();

    private static readonly MarkdownPipeline RegionsWithCursor = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UseTaskLists().Use<OpenDelimiterCursorExtension>().Build();

    private static readonly Gen<string> Fragments = Gen.OneOf(
            "| ", " |", "|", "\n", "\r\n", "|---|---|\n", "| a | b |\n", "_", "*", "**", "__", "`", "``", "[", "]",
            "](u)", "][x]", "![", "<b>", "</b>", "<http://a.example>", "\\", "\\|", "&amp;", ":", "x", "word", " ",
            "_(from S3 bucket)_", "- [ ] ", "> ", "    ", "# h\n", "[x]: /url\n", "~", "\u2028")
        .Array[0, 60]
        .Select(string.Concat);

    [Fact]
    public void Is_available_on_the_Markdig_version_in_use() => Assert.True(OpenDelimiterCursor.IsAvailable);

    [Fact]
    public void Builds_the_same_document_as_Markdig_alone_for_random_text()
    {
        Gen.Select(Gen.OneOf(Gen.Const("| A | B |\n|---|---|\n"), Gen.Const("")), Fragments, Fragments.Array[1, 8],
                (head, first, rows) => head + first + string.Concat(rows.Select(r => "| " + r + " |\n")))
            .Sample(text =>
            {
                Assert.Equal(Dump(text, Plain), Dump(text, WithCursor));
                Assert.Equal(Dump(text, RegionsPlain), Dump(text, RegionsWithCursor));
            }, iter: 3000, threads: 1);
    }

    [Theory]
    [InlineData("| `V_{0}` | _(from S3 bucket)_ | Yes |")]
    [InlineData("| V{0} | *open | [link {0}](http://x/{0}) |")]
    [InlineData("| V{0} | [unclosed | _a_ |")]
    [InlineData("| V{0} | `code | spans` lines` | **b |")]
    [InlineData("| V{0} | <span>_x | __y__ | *z* |")]
    [InlineData("| V{0} | _x* | *y_ | [a]: b |")]
    public void Builds_the_same_document_as_Markdig_alone_for_large_tables(string row)
    {
        var text = new StringBuilder("# Plan\n\n| Name | Value | Required |\n| --- | --- | --- |\n");
        for (var i = 0; i < 600; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, row, i).Append('\n');
        }
        text.Append("\nAfter the table, _emphasis_.\n");

        Assert.Equal(Dump(text.ToString(), Plain), Dump(text.ToString(), WithCursor));
    }

    [Fact]
    public void Gives_up_where_Markdig_alone_gives_up_on_nesting_too_deep()
    {
        // Every '*' opens a container that stays open to the end of the table: past Markdig's depth limit.
        var text = new StringBuilder("| A |\n|---|\n");
        for (var i = 0; i < 10_300; i++)
        {
            text.Append("| *x |\n");
        }

        var plain = Assert.Throws<ArgumentException>(() => Markdown.Parse(text.ToString(), Plain));
        var withCursor = Assert.Throws<ArgumentException>(() => Markdown.Parse(text.ToString(), WithCursor));
        Assert.Equal(plain.Message, withCursor.Message);
    }

    /// <summary>Every node with its type, position and text, then the HTML: what any later stage could see.</summary>
    private static string Dump(string text, MarkdownPipeline pipeline)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return "threw " + ex.GetType().Name + ": " + ex.Message;
        }
        var dump = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            dump.Append(node.GetType().Name).Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End)
                .Append(" L").Append(node.Line).Append(" C").Append(node.Column);
            if (node is LiteralInline literal)
            {
                dump.Append(" '").Append(literal.Content.ToString()).Append('\'');
            }
            if (node is Inline { IsClosed: var closed })
            {
                dump.Append(closed ? " closed" : " open");
            }
            dump.Append('\n');
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        return dump.Append(writer).ToString();
    }
}
