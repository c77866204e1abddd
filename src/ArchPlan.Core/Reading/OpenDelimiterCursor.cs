using Markdig;
using System.Runtime.CompilerServices;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>
/// Keeps Markdig's inline parsing linear in the number of rows of a pipe table, without changing what it builds.
/// </summary>
/// <remarks>
/// <para>
/// Markdig (1.6.0) parses a whole pipe table as one paragraph and resolves emphasis only at its end, so every
/// <c>_</c> or <c>*</c> that may open or close emphasis (<c>_(from S3 bucket)_</c>, the template's way of
/// writing a value's source) stays an open container, and the rest of the table nests inside it. For each
/// inline it appends, Markdig finds the deepest open container by walking down from the paragraph's root
/// (<c>InlineProcessor.FindLastContainer</c>): the walk grows with the rows above, and a table of 4,000 rows
/// took 0.5 s, 25 times the cost of the same table without emphasis.
/// </para>
/// <para>
/// At each line break this parser walks down from where it stopped at the previous one, through open
/// emphasis delimiters only, and points the block's <see cref="Markdig.Syntax.LeafBlock.Inline"/> (where that
/// walk starts) there. Emphasis delimiters stay open and in place until the post-processing at the end of the
/// paragraph, and inlines are only ever appended below the deepest open container, so the path from the root
/// to this point does not change while the line is parsed: Markdig's walk ends at the same container as before.
/// A link delimiter is never passed, because closing a link rebuilds the tree under it; any post-processing
/// (which closing a link runs) puts the root back and starts the walk over. The root is always back before the
/// paragraph's post-processing, which this parser runs first. Near Markdig's depth limit (where Markdig gives
/// up on the input) the root is put back for good, so Markdig counts the full depth and fails where it did.
/// </para>
/// <para>
/// <see cref="LeafBlock.Inline"/>'s setter refuses a container that has a parent, so the field behind it is
/// written directly. Should a Markdig update rename that field, <see cref="IsAvailable"/> turns false and
/// Markdig runs as it always did (slower on large tables, never different); a test pins it for the version in use.
/// </para>
/// </remarks>
internal sealed class OpenDelimiterCursor : InlineParser, IPostInlineProcessor
{
    // Markdig's InlineProcessor.FindLastContainer limit (ThrowHelper.CheckDepthLimit with useLargeLimit).
    private const int MarkdigDepthLimit = 10_240;

    public OpenDelimiterCursor()
    {
        OpeningCharacters = ['\n', '\r'];
    }

    /// <summary>True when the running Markdig has the field this parser writes (checked once).</summary>
    public static bool IsAvailable { get; } = Probe();

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (!IsAvailable || processor.Block is not { } block || processor.Root is not { } root || processor.ParserStates[Index] is Disabled)
        {
            return false;
        }
        var cursor = processor.ParserStates[Index] as Cursor ?? new Cursor(root, 0);

        var node = cursor.Node;
        var depth = cursor.Depth;
        while (node.LastChild is EmphasisDelimiterInline { IsClosed: false } next)
        {
            node = next;
            depth++;
        }

        // The depth Markdig would count at the next line's deepest point, at most: one more per character.
        var full = depth;
        for (var below = node; below.LastChild is ContainerInline { IsClosed: false } child; below = child)
        {
            full++;
        }
        var lineEnd = slice.Text.AsSpan(slice.Start + 1, Math.Max(0, slice.End - slice.Start)).IndexOfAny('\n', '\r');
        var lineLength = lineEnd < 0 ? slice.Length : lineEnd + 1;
        if (full + lineLength + 2 >= MarkdigDepthLimit)
        {
            processor.ParserStates[Index] = Disabled.Instance;
            InlineField(block) = root;
            return false;
        }

        processor.ParserStates[Index] = new Cursor(node, depth);
        InlineField(block) = node;
        return false;
    }

    public bool PostProcess(InlineProcessor state, Inline? root, Inline? lastChild, int postInlineProcessorIndex, bool isFinalProcessing)
    {
        if (IsAvailable && state.Block is { } block && state.Root is { } blockRoot && !ReferenceEquals(block.Inline, blockRoot))
        {
            InlineField(block) = blockRoot;
        }
        if (state.ParserStates[Index] is Cursor)
        {
            state.ParserStates[Index] = null!;
        }
        return true;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "inline")]
    private static extern ref ContainerInline? InlineField(LeafBlock block);

    private static bool Probe()
    {
        try
        {
            var paragraph = new ParagraphBlock();
            var inline = new ContainerInline();
            InlineField(paragraph) = inline;
            return ReferenceEquals(paragraph.Inline, inline);
        }
        catch (MissingFieldException)
        {
            return false;
        }
    }

    private sealed record Cursor(ContainerInline Node, int Depth);

    private sealed class Disabled
    {
        public static readonly Disabled Instance = new();
    }
}

/// <summary>Adds <see cref="OpenDelimiterCursor"/> ahead of every other inline parser.</summary>
internal sealed class OpenDelimiterCursorExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<OpenDelimiterCursor>())
        {
            pipeline.InlineParsers.Insert(0, new OpenDelimiterCursor());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
