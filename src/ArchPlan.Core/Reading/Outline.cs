using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>A heading of the plan: its level, plain text, normalised text and position.</summary>
internal sealed record Heading(int Level, string Text, string Key, int Start, int Line, int Column);

/// <summary>The plan's headings in order, to find which section any block sits in.</summary>
internal sealed class Outline
{
    private readonly List<Heading> _headings;

    public Outline(MarkdownDocument document)
    {
        _headings = [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Parent is MarkdownDocument)
            .Select(h =>
            {
                var text = InlineText.Of(h.Inline);
                return new Heading(h.Level, text, Normalize(text), h.Span.Start, h.Line, h.Column);
            })];
    }

    public IReadOnlyList<Heading> Headings => _headings;

    /// <summary>The chain of headings enclosing <paramref name="offset"/>, outermost first.</summary>
    public IReadOnlyList<Heading> ChainAt(int offset)
    {
        var chain = new List<Heading>();
        foreach (var heading in _headings)
        {
            if (heading.Start > offset)
            {
                break;
            }
            while (chain.Count > 0 && chain[^1].Level >= heading.Level)
            {
                chain.RemoveAt(chain.Count - 1);
            }
            chain.Add(heading);
        }
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

    /// <summary>Lowercase, markup-free, with runs of spaces and punctuation at the ends removed.</summary>
    public static string Normalize(string text)
    {
        var lowered = text.ToLowerInvariant().Replace('`', ' ').Replace('*', ' ').Replace('_', ' ');
        var collapsed = string.Join(' ', lowered.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Trim(' ', ':', '.', '#', '-', '—');
    }
}
