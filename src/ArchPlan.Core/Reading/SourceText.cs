using ArchPlan.Diagnostics;

namespace ArchPlan.Reading;

/// <summary>The plan's text with a line index, to turn character offsets into 1-based line and column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
            else if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line containing <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public int LineStart(int zeroBasedLine) => _lineStarts[Math.Clamp(zeroBasedLine, 0, _lineStarts.Length - 1)];

    /// <summary>A location for a character span.</summary>
    public SourceLocation At(int offset, int length = 0)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = LineOf(offset);
        return new SourceLocation(Path, line + 1, offset - _lineStarts[line] + 1, offset, Math.Max(0, length));
    }

    /// <summary>A location for a 0-based line and column (as Markdig and YamlDotNet report them).</summary>
    public SourceLocation AtLine(int zeroBasedLine, int zeroBasedColumn, int length = 0)
    {
        var start = LineStart(zeroBasedLine) + Math.Max(0, zeroBasedColumn);
        return new SourceLocation(Path, zeroBasedLine + 1, zeroBasedColumn + 1, start, Math.Max(0, length));
    }
}
