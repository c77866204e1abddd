using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Reading;

/// <summary>
/// Defuses inputs on which Markdig takes seconds (CommonMark's pathological cases) before it sees them,
/// keeping every offset the same so locations stay exact.
/// </summary>
/// <remarks>
/// Measured with Markdig 1.6.0: a 330 KB line of unclosed links takes 10–15 s, 50,000 link reference
/// definitions 8 s, 1,000 nested list levels 4 s before Markdig gives up. No real plan has a line over
/// 10,000 characters, hundreds of reference definitions or hundreds of nesting levels.
/// </remarks>
internal static partial class MarkdownGuard
{
    public const int MaxLineLength = 10_000;
    public const int MaxLinkDefinitions = 500;
    public const int MaxIndent = 256;
    public const int MaxQuoteDepth = 64;

    /// <summary>The text Markdig may parse, checking lines from <paramref name="bodyStart"/> on (the front matter is read separately) (same length as the source text), or null when it is nested too deeply to parse at all.</summary>
    public static string? Prepare(SourceText source, int bodyStart, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        StringBuilder? safe = null;
        var definitions = new List<int>();
        var table = new TableTail();
        for (var line = source.LineOf(bodyStart); line < source.LineCount; line++)
        {
            var start = source.LineStart(line);
            var end = line + 1 < source.LineCount ? source.LineStart(line + 1) : text.Length;
            var content = end;
            while (content > start && text[content - 1] is '\n' or '\r')
            {
                content--;
            }
            var length = content - start;
            if (length > MaxLineLength)
            {
                diagnostics.Add(DiagnosticCatalog.LineTooLong, source.At(start), length, MaxLineLength);
                safe ??= new StringBuilder(text);
                for (var i = start; i < content; i++)
                {
                    safe[i] = ' ';
                }
                continue;
            }
            var indent = 0;
            var quotes = 0;
            while (start + indent < content && text[start + indent] is ' ' or '\t' or '>')
            {
                quotes += text[start + indent] == '>' ? 1 : 0;
                indent++;
            }
            if (indent > MaxIndent || quotes > MaxQuoteDepth)
            {
                diagnostics.Add(DiagnosticCatalog.MarkdownTooDeep, source.At(start), $"line {line + 1} is nested {indent} characters deep");
                return null;
            }
            if (length > 3 && LinkDefinition().IsMatch(text.AsSpan(start, length)))
            {
                definitions.Add(start);
            }
            if (table.IsNoteUnder(text.AsSpan(start + indent, content - start - indent)) is { } tableLine)
            {
                // GitHub makes such a line the table's last row; Markdig makes the whole table a paragraph, and every
                // row of it would be lost. Blanked (offsets kept), the table reads as GitHub shows its rows.
                diagnostics.Add(DiagnosticCatalog.NoteUnderTable, source.At(start + indent, content - start - indent), line + 1, tableLine + 1);
                safe ??= new StringBuilder(text);
                for (var i = start; i < content; i++)
                {
                    safe[i] = ' ';
                }
            }
            table.Next(text.AsSpan(start + indent, content - start - indent), line);
        }
        if (definitions.Count > MaxLinkDefinitions)
        {
            diagnostics.Add(DiagnosticCatalog.TooManyLinkDefinitions, source.At(definitions[0]), definitions.Count, MaxLinkDefinitions);
            safe ??= new StringBuilder(text);
            foreach (var start in definitions)
            {
                var bracket = text.IndexOf('[', start);
                safe[bracket] = ' ';
            }
        }
        return safe?.ToString() ?? text;
    }

    /// <summary>Parses <paramref name="text"/> with the guard applied; null when it cannot be parsed safely.</summary>
    /// <remarks>For stages after the reader that need the Markdown structure again; the reader has reported any problem already.</remarks>
    public static Markdig.Syntax.MarkdownDocument? TryParse(string text, Markdig.MarkdownPipeline pipeline)
    {
        var frontMatter = FrontMatterReader.Find(text);
        var prepared = Prepare(new SourceText("", text), frontMatter is { Closed: true } block ? block.End : 0, new DiagnosticBag());
        if (prepared is null)
        {
            return null;
        }
        try
        {
            return Markdig.Markdown.Parse(prepared, pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^ {0,3}\[[^\]]{1,999}\]:")]
    private static partial Regex LinkDefinition();

    /// <summary>
    /// Follows pipe tables line by line (outside code fences) to find a line without a pipe written directly under one:
    /// GFM continues a table until a blank line or another block, so GitHub shows such a note as a last row.
    /// </summary>
    private sealed class TableTail
    {
        private int _state; // 0 outside a table, 1 after a header-like line, 2 inside a table (after its delimiter row)
        private int _headerLine;
        private int _tableLine;
        private string? _fence;

        /// <summary>The 0-based line of the table's header when <paramref name="line"/> is a note written directly under it.</summary>
        public int? IsNoteUnder(ReadOnlySpan<char> line) =>
            _fence is null && _state == 2 && !line.IsWhiteSpace() && !line.Contains('|') && !StartsBlock().IsMatch(line) ? _tableLine : null;

        public void Next(ReadOnlySpan<char> line, int number)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~"))
            {
                var marker = trimmed[..3].ToString();
                _fence = _fence is null ? marker : _fence == marker ? null : _fence;
                _state = 0;
                return;
            }
            if (_fence is not null || trimmed.IsEmpty)
            {
                _state = 0;
                return;
            }
            if (_state == 2)
            {
                // Rows go on while lines have pipes; a blanked note (or anything else) ends the table.
                _state = trimmed.Contains('|') ? 2 : 0;
                return;
            }
            if (_state == 1 && trimmed.Contains('|') && DelimiterRow().IsMatch(trimmed))
            {
                (_state, _tableLine) = (2, _headerLine);
                return;
            }
            (_state, _headerLine) = trimmed.Contains('|') ? (1, number) : (0, _headerLine);
        }
    }

    [GeneratedRegex(@"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")]
    private static partial Regex DelimiterRow();

    // What starts another block and so ends a table in GFM: a heading, quote, list item, fence, rule or HTML.
    [GeneratedRegex(@"^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|```|~~~|(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$|<)")]
    private static partial Regex StartsBlock();
}
