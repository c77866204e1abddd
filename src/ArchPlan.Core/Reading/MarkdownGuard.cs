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
}
