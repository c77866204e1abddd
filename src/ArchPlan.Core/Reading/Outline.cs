using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>A heading of the plan: its level, plain text, normalised text and position.</summary>
internal sealed record Heading(int Level, string Text, string Key, int Start, int Line, int Column);

/// <summary>The plan's headings in order, to find which section any block sits in.</summary>
internal sealed class Outline
{
    private readonly List<Heading> _headings;

    public Outline(MarkdownDocument document, SourceText source)
    {
        // Lines come from the span rather than HeadingBlock.Line, which is the underline for a setext heading.
        var headings = document.Descendants<HeadingBlock>()
            .Where(h => h.Parent is MarkdownDocument)
            .Select(h =>
            {
                var text = InlineText.Of(h.Inline);
                var line = source.LineOf(h.Span.Start);
                return new Heading(h.Level, text, Normalize(text), h.Span.Start, line, h.Span.Start - source.LineStart(line));
            })
            .ToList();

        // The document title ("# Secrets rotation for ...") names the plan, not a section: a title that
        // happens to contain "Secrets" or "Stack Structure" must not pass for that section.
        if (headings.Count > 1 && headings[0].Level == 1 && headings.Skip(1).Any(h => h.Level == 2))
        {
            Title = headings[0];
            headings.RemoveAt(0);
        }
        _headings = headings;

        // Each heading's enclosing heading (the nearest earlier one of a lower level), so a chain is a walk up
        // parents rather than a scan of every heading before the offset: readers ask for a chain per block.
        _parents = new int[headings.Count];
        var open = new List<int>();
        for (var i = 0; i < headings.Count; i++)
        {
            while (open.Count > 0 && headings[open[^1]].Level >= headings[i].Level)
            {
                open.RemoveAt(open.Count - 1);
            }
            _parents[i] = open.Count > 0 ? open[^1] : -1;
            open.Add(i);
        }
        _starts = [.. headings.Select(h => h.Start)];
    }

    private readonly int[] _parents;
    private readonly int[] _starts;

    /// <summary>The plan's title heading, kept out of <see cref="Headings"/>.</summary>
    public Heading? Title { get; }

    public IReadOnlyList<Heading> Headings => _headings;

    /// <summary>The chain of headings enclosing <paramref name="offset"/>, outermost first.</summary>
    public IReadOnlyList<Heading> ChainAt(int offset)
    {
        // The last heading that starts at or before the offset, then its parents.
        var index = Array.BinarySearch(_starts, offset);
        var last = index >= 0 ? index : ~index - 1;
        var chain = new List<Heading>();
        for (var i = last; i >= 0; i = _parents[i])
        {
            chain.Add(_headings[i]);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>The offset where the section that starts at <paramref name="heading"/> ends (next heading of the same or higher level).</summary>
    public int SectionEnd(Heading heading, int textLength)
    {
        var index = _headings.IndexOf(heading);
        for (var i = index + 1; i < _headings.Count; i++)
        {
            if (_headings[i].Level <= heading.Level)
            {
                return _headings[i].Start;
            }
        }
        return textLength;
    }

    /// <summary>Lowercase, markup-free, without a leading section number ("1.2 Compute"), with runs of spaces and punctuation at the ends removed.</summary>
    public static string Normalize(string text)
    {
        var lowered = text.ToLowerInvariant().Replace('`', ' ').Replace('*', ' ').Replace('_', ' ');
        var collapsed = string.Join(' ', lowered.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return WithoutNumber(collapsed).Trim(' ', ':', '.', '#', '-', '—');
    }

    /// <summary>"1.2 compute", "3) secrets", "2. configuration" without their number; a number alone stays.</summary>
    private static string WithoutNumber(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i > 0 && char.IsAsciiDigit(text[i - 1]))))
        {
            i++;
        }
        if (i == 0 || i == text.Length)
        {
            return text;
        }
        if (text[i] == ')')
        {
            i++;
        }
        return i < text.Length && text[i] == ' ' && i + 1 < text.Length ? text[(i + 1)..] : text;
    }
}
