using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Validation;

/// <summary>
/// The parts of a Markdown text where bracketed or templated words are not prose: code blocks, code
/// spans, links and HTML. Placeholder scanning skips them, so <c>[Component A]</c> in a Mermaid block,
/// <c>[product]</c> in the stack structure and <c>[text](url)</c> links are left alone.
/// </summary>
internal sealed class MarkdownRegions
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .Use<Reading.OpenDelimiterCursorExtension>()
        .Build();

    // The excluded ranges sorted by start, and for each the largest end among it and those before it,
    // so a lookup is a binary search rather than a scan of every range before the one asked about.
    private readonly int[] _starts;
    private readonly int[] _maxEnds;

    private MarkdownRegions(List<(int Start, int End)> excluded, (int Start, int End)? frontMatter)
    {
        _starts = new int[excluded.Count];
        _maxEnds = new int[excluded.Count];
        var maxEnd = int.MinValue;
        for (var i = 0; i < excluded.Count; i++)
        {
            _starts[i] = excluded[i].Start;
            maxEnd = Math.Max(maxEnd, excluded[i].End);
            _maxEnds[i] = maxEnd;
        }
        FrontMatter = frontMatter;
    }

    /// <summary>The front-matter block (opening to closing delimiter), when the text starts with one.</summary>
    public (int Start, int End)? FrontMatter { get; }

    /// <summary>Maps the text, or returns null when Markdig cannot parse it (the reader reports why).</summary>
    public static MarkdownRegions? TryCreate(string text)
    {
        // The same guard as the reader: pathological input is defused (or refused) before Markdig sees it.
        var document = Reading.MarkdownGuard.TryParse(text, Pipeline);
        if (document is null)
        {
            return null;
        }

        var excluded = new List<(int Start, int End)>();
        foreach (var node in document.Descendants())
        {
            var excludedNode = node switch
            {
                YamlFrontMatterBlock => false,
                CodeBlock or HtmlBlock or LinkReferenceDefinition => true,
                CodeInline or LinkInline or AutolinkInline or HtmlInline => true,
                _ => false,
            };
            if (excludedNode && !node.Span.IsEmpty)
            {
                excluded.Add((node.Span.Start, node.Span.End));
            }
        }
        excluded.Sort();
        return new MarkdownRegions(excluded, FindFrontMatter(text));
    }

    /// <summary>True when any character of the range lies in code, a link or HTML.</summary>
    public bool IsExcluded(int start, int length)
    {
        var end = start + Math.Max(length, 1) - 1;

        // The ranges starting at or before the end overlap when one of them ends at or after the start.
        var index = Array.BinarySearch(_starts, end);
        var last = index >= 0 ? LastWithStart(index) : ~index - 1;
        return last >= 0 && _maxEnds[last] >= start;
    }

    private int LastWithStart(int index)
    {
        while (index + 1 < _starts.Length && _starts[index + 1] == _starts[index])
        {
            index++;
        }
        return index;
    }

    // Found by hand rather than from Markdig so a front matter hidden by a BOM (which the reader
    // reports) is still scanned.
    private static (int Start, int End)? FindFrontMatter(string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return null;
        }
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0 || text[(start + 3)..lineEnd].Trim().Length != 0)
        {
            return null;
        }
        var position = lineEnd + 1;
        while (position < text.Length)
        {
            var next = text.IndexOf('\n', position);
            var line = (next < 0 ? text[position..] : text[position..next]).TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                return (start, position + line.Length - 1);
            }
            if (next < 0)
            {
                break;
            }
            position = next + 1;
        }
        return null;
    }
}
