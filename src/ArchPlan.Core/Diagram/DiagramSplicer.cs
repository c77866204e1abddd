using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Reading;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Diagram;

/// <summary>
/// Puts the generated diagram into a plan between <c>&lt;!-- archplan:diagram:start --&gt;</c> and
/// <c>&lt;!-- archplan:diagram:end --&gt;</c>, splicing over exactly what lies between the markers: every other byte
/// stays, a hand-drawn diagram included. Without markers the diagram goes after the Architecture section's last
/// hand-drawn diagram (or at the end of the section's own text), or into a new Architecture section.
/// </summary>
public static partial class DiagramSplicer
{
    /// <summary>The sentence above the generated diagram, so a reader knows not to edit it.</summary>
    public const string Caption = "Drawn by archplan diagram from the infrastructure; edits between these markers are replaced on the next run.";

    /// <summary>The heading of an Architecture section added to a plan that has none.</summary>
    public const string SectionTitle = "Architecture Diagram";

    private static readonly MarkdownPipeline Pipeline = PlanReader.Pipeline;

    /// <summary>The markers, the caption and the Mermaid block, with <paramref name="newline"/> line breaks and no final one.</summary>
    public static string Render(DiagramModel model, string newline = "\n") =>
        string.Join(newline, DiagramMarkers.Start, "", Caption, "", "```mermaid") + newline
        + MermaidWriter.Write(model, newline)
        + string.Join(newline, "```", "", DiagramMarkers.End);

    /// <summary>The plan text (without BOM) with the diagram brought up to date; the text unchanged and an error when the markers do not pair.</summary>
    public static StageResult<string> Splice(string text, string path, DiagramModel model)
    {
        var diagnostics = new DiagnosticBag();
        var source = new SourceText(path, text);
        var frontMatter = FrontMatterReader.Find(text);
        var parseable = MarkdownGuard.Prepare(source, frontMatter is { Closed: true } block ? block.End : 0, new DiagnosticBag());
        var document = parseable is null ? null : MarkdownGuard.TryParse(parseable, Pipeline);
        if (document is null)
        {
            diagnostics.Add(DiagnosticCatalog.MarkdownTooDeep, SourceLocation.OfFile(path), "the plan could not be parsed");
            return new StageResult<string>(text, diagnostics.ToImmutableSorted());
        }

        var newline = NewlineOf(text);
        var markers = DiagramMarkers.Find(document);
        if (markers.Count > 0)
        {
            if (Unpaired(markers, source) is { } problem)
            {
                diagnostics.Add(DiagnosticCatalog.DiagramMarkerUnpaired, problem.Location, problem.Message);
                return new StageResult<string>(text, diagnostics.ToImmutableSorted());
            }
            // Replace from the start marker's first character to the end marker's last: the lines around them stay.
            var start = markers[0].Block.Span.Start;
            var end = markers[1].Block.Span.End + 1;
            var updated = Render(model, newline);
            var result = string.Equals(text[start..end], updated, StringComparison.Ordinal)
                ? text
                : string.Concat(text.AsSpan(0, start), updated, text.AsSpan(end));
            return new StageResult<string>(result, diagnostics.ToImmutableSorted());
        }

        var outline = new Outline(document, source);
        var section = outline.Headings.FirstOrDefault(h => IsArchitecture(h.Key));
        if (section is not null)
        {
            var offset = InsertionPoint(document, outline, section, text);
            return new StageResult<string>(Insert(text, offset, Render(model, newline), newline), diagnostics.ToImmutableSorted());
        }

        var (at, level, where) = NewSectionPoint(outline, source);
        var heading = new string('#', level) + " " + SectionTitle;
        var separated = SeparatesSections(text, document);
        var body = heading + newline + newline + Render(model, newline) + (separated && at < text.Length ? newline + newline + "---" : "");
        var written = Insert(text, at, body, newline);
        diagnostics.Add(DiagnosticCatalog.DiagramSectionAdded,
            new SourceLocation(path, new SourceText(path, written).LineOf(written.IndexOf(heading, at, StringComparison.Ordinal)) + 1, 1), heading, where);
        return new StageResult<string>(written, diagnostics.ToImmutableSorted());
    }

    /// <summary>True for a heading about the architecture as a whole ("Architecture", "Architecture Diagram", "System architecture"), not one aspect of it.</summary>
    internal static bool IsArchitecture(string key) =>
        ArchitectureKey().IsMatch(key) && !NarrowArchitecture().IsMatch(key);

    private static (SourceLocation Location, string Message)? Unpaired(List<DiagramMarker> markers, SourceText source)
    {
        SourceLocation At(DiagramMarker m) => source.At(m.Block.Span.Start, m.Block.Span.Length);
        int Line(DiagramMarker m) => source.LineOf(m.Block.Span.Start) + 1;
        if (markers.FirstOrDefault(m => m.Nested) is { } nested)
        {
            return (At(nested), $"the diagram marker on line {Line(nested)} is inside a list or quote; the markers must stand on their own lines at the top level");
        }
        var starts = markers.Where(m => m.IsStart).ToList();
        var ends = markers.Where(m => !m.IsStart).ToList();
        if (starts.Count > 1)
        {
            return (At(starts[1]), $"there are {starts.Count} diagram start markers (lines {string.Join(", ", starts.Select(Line))})");
        }
        if (ends.Count > 1)
        {
            return (At(ends[1]), $"there are {ends.Count} diagram end markers (lines {string.Join(", ", ends.Select(Line))})");
        }
        if (ends.Count == 0)
        {
            return (At(starts[0]), $"the diagram start marker on line {Line(starts[0])} has no end marker after it");
        }
        if (starts.Count == 0)
        {
            return (At(ends[0]), $"the diagram end marker on line {Line(ends[0])} has no start marker before it");
        }
        return markers[0].IsStart ? null : (At(markers[0]), $"the diagram end marker on line {Line(markers[0])} comes before the start marker on line {Line(markers[1])}");
    }

    /// <summary>After the section's last hand-drawn diagram; else at the end of its own text (before a subsection or a closing <c>---</c>).</summary>
    private static int InsertionPoint(MarkdownDocument document, Outline outline, Heading section, string text)
    {
        var end = outline.SectionEnd(section, text.Length);
        var blocks = document.Descendants().OfType<Block>().Where(b => b.Span.Start > section.Start && b.Span.Start < end).ToList();
        if (blocks.LastOrDefault(IsHandDrawnDiagram) is { } diagram)
        {
            return LineAfter(text, diagram.Span.End);
        }
        var ownEnd = LineStart(text, outline.Headings.FirstOrDefault(h => h.Start > section.Start && h.Start < end)?.Start ?? end);
        var last = document.Where(b => b.Span.Start > section.Start && b.Span.Start < ownEnd).LastOrDefault();
        return last is ThematicBreakBlock rule ? LineStart(text, rule.Span.Start) : ownEnd;
    }

    /// <summary>Where a new Architecture section goes: after an Overview, else before Infrastructure, else at the end.</summary>
    private static (int Offset, int Level, string Where) NewSectionPoint(Outline outline, SourceText source)
    {
        if (outline.Headings.FirstOrDefault(h => OverviewKey().IsMatch(h.Key)) is { } overview)
        {
            return (LineStart(source.Text, outline.SectionEnd(overview, source.Text.Length)), overview.Level, $"after '{overview.Text}' (line {overview.Line + 1})");
        }
        if (outline.Headings.FirstOrDefault(h => SectionNames.IsInfrastructure(h.Key)) is { } infrastructure)
        {
            return (LineStart(source.Text, infrastructure.Start), infrastructure.Level, $"before '{infrastructure.Text}' (line {infrastructure.Line + 1})");
        }
        var level = outline.Headings.Count > 0 ? outline.Headings.Min(h => h.Level) : 2;
        return (source.Text.Length, Math.Max(level, 2), "at the end of the plan");
    }

    /// <summary>True when the plan closes its sections with <c>---</c>, as the template does.</summary>
    private static bool SeparatesSections(string text, MarkdownDocument document) =>
        document.OfType<ThematicBreakBlock>().Any(b => text.AsSpan(b.Span.Start, b.Span.Length).Trim().SequenceEqual("---"));

    /// <summary>A Mermaid block, ASCII art in a code block, or an image standing alone.</summary>
    private static bool IsHandDrawnDiagram(Block block) => block switch
    {
        FencedCodeBlock fenced when fenced.Info is { } info && info.Trim().Equals("mermaid", StringComparison.OrdinalIgnoreCase) => true,
        FencedCodeBlock fenced when string.IsNullOrWhiteSpace(fenced.Info) || PlainInfo().IsMatch(fenced.Info.Trim()) => LooksDrawn(fenced.Lines.ToString()),
        CodeBlock code and not FencedCodeBlock => LooksDrawn(code.Lines.ToString()),
        ParagraphBlock { Inline: { } inline } => inline.Any() && inline.All(i => i is LinkInline { IsImage: true } || (i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()) || i is LineBreakInline),
        _ => false,
    };

    private static bool LooksDrawn(string text) =>
        text.Split('\n').Length >= 2 && (text.Any(c => c is >= '\u2500' and <= '\u257F' or >= '\u2190' and <= '\u21FF' or '▼' or '▲' or '►' or '◄')
            || Arrow().IsMatch(text) || (text.Contains("+-", StringComparison.Ordinal) && text.Contains('|', StringComparison.Ordinal)));

    /// <summary>The offset just after the line holding <paramref name="last"/> (the end of the text when it has no newline).</summary>
    private static int LineAfter(string text, int last)
    {
        var newline = text.IndexOf('\n', Math.Min(last, text.Length - 1));
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>Inserts <paramref name="block"/> at a line start with one blank line before and after it.</summary>
    private static string Insert(string text, int offset, string block, string newline)
    {
        var before = text[..offset];
        var after = text[offset..];
        var lead = before.Length == 0 || before.EndsWith(newline + newline, StringComparison.Ordinal) ? "" : before.EndsWith('\n') ? newline : newline + newline;
        var trail = after.Length == 0 ? newline : after.StartsWith(newline, StringComparison.Ordinal) ? newline : newline + newline;
        return string.Concat(before, lead, block, trail, after);
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    private static int LineStart(string text, int offset) =>
        offset >= text.Length ? text.Length : offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    private static string NewlineOf(string text)
    {
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        return first > 0 && text[first - 1] == '\r' ? "\r\n" : "\n";
    }

    [GeneratedRegex(@"\barchitecture\b|^(?:system\s+|solution\s+)?diagrams?$")]
    private static partial Regex ArchitectureKey();

    [GeneratedRegex(@"\b(?:security|network|networking|decision|decisions|authentication|authorization|data|deployment|cost|testing|logging)\b")]
    private static partial Regex NarrowArchitecture();

    [GeneratedRegex(@"^(?:overview|summary|executive summary|introduction|context|background|problem statement)$")]
    private static partial Regex OverviewKey();

    [GeneratedRegex(@"^(?:text|txt|ascii|asciiart|ascii-art|plain|plaintext|diagram|none)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainInfo();

    [GeneratedRegex(@"-{1,}>|<-{1,}|={2,}>|\bv\s*$", RegexOptions.Multiline)]
    private static partial Regex Arrow();
}
