using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>One marker line of the generated diagram: whether it starts or ends the region, and the block it is.</summary>
/// <param name="IsStart">True for <c>archplan:diagram:start</c>.</param>
/// <param name="Block">The HTML block holding the comment.</param>
/// <param name="Nested">True when the comment sits inside a list or quote rather than at the top level of the document.</param>
internal sealed record DiagramMarker(bool IsStart, HtmlBlock Block, bool Nested);

/// <summary>
/// The <c>&lt;!-- archplan:diagram:start --&gt;</c> / <c>&lt;!-- archplan:diagram:end --&gt;</c> comments around the
/// diagram <c>archplan diagram</c> writes. What lies between them is the tool's, not the author's: the readers skip it,
/// so the generated picture of the infrastructure never becomes statements of the plan.
/// </summary>
internal static partial class DiagramMarkers
{
    public const string Start = "<!-- archplan:diagram:start -->";

    public const string End = "<!-- archplan:diagram:end -->";

    /// <summary>Every marker comment of the document, in order (comments in code blocks are not HTML blocks, so never markers).</summary>
    public static List<DiagramMarker> Find(MarkdownDocument document) =>
        [.. document.Descendants<HtmlBlock>()
            .Select(b => (Block: b, Match: Marker().Match(b.Lines.ToString().Trim())))
            .Where(m => m.Match.Success)
            .Select(m => new DiagramMarker(m.Match.Groups["which"].Value == "start", m.Block, m.Block.Parent is not MarkdownDocument))
            .OrderBy(m => m.Block.Span.Start)];

    /// <summary>The character ranges from each start marker to the end marker after it (a start without an end reaches nothing).</summary>
    public static List<(int Start, int End)> Regions(MarkdownDocument document)
    {
        var regions = new List<(int, int)>();
        int? open = null;
        foreach (var marker in Find(document))
        {
            if (marker.IsStart)
            {
                open ??= marker.Block.Span.Start;
            }
            else if (open is { } start)
            {
                regions.Add((start, marker.Block.Span.End));
                open = null;
            }
        }
        return regions;
    }

    /// <summary>True when <paramref name="offset"/> lies in one of <paramref name="regions"/>.</summary>
    public static bool Inside(IReadOnlyList<(int Start, int End)> regions, int offset) =>
        regions.Any(r => offset >= r.Start && offset <= r.End);

    [GeneratedRegex(@"^<!--\s*archplan:diagram:(?<which>start|end)\s*-->$")]
    private static partial Regex Marker();
}
