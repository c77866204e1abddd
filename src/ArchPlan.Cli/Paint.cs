using System.Text;

namespace ArchPlan.Cli;

/// <summary>
/// ANSI colours for text output, written into the command's own writer (so what a terminal shows is what tests see),
/// and only when <see cref="CliConsole.UseColor"/> says so.
/// </summary>
internal static class Paint
{
    public const string Red = "31";
    public const string Green = "32";
    public const string Yellow = "33";
    public const string Blue = "34";
    public const string Cyan = "36";
    public const string Bold = "1";
    public const string Dim = "2";

    /// <summary>ESC, the byte every colour sequence starts with; tests look for it.</summary>
    public const char Escape = '\u001b';

    public static string With(bool colour, string code, string text) =>
        colour && text.Length > 0 ? $"{Escape}[{code}m{text}{Escape}[0m" : text;

    public static string ForSeverity(string severity) => severity switch
    {
        "error" => Red,
        "warning" => Yellow,
        _ => Blue,
    };

    /// <summary>A unified diff line: additions green, removals red, hunk headers cyan, file headers bold.</summary>
    public static string DiffLine(bool colour, string line)
    {
        if (!colour)
        {
            return line;
        }
        if (line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
        {
            return With(true, Bold, line);
        }
        return line.Length == 0 ? line : line[0] switch
        {
            '+' => With(true, Green, line),
            '-' => With(true, Red, line),
            '@' => With(true, Cyan, line),
            _ => line,
        };
    }

    /// <summary>
    /// Writes <paramref name="text"/> as lines no wider than <paramref name="width"/>, breaking at spaces; every line
    /// after the first starts with <paramref name="indent"/> spaces, so a wrapped <c>help:</c> line keeps its indent.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width, int indent)
    {
        if (width <= indent + 20 || text.Length <= width)
        {
            yield return text;
            yield break;
        }
        var lead = text.Length - text.TrimStart(' ').Length;
        var line = new StringBuilder().Append(' ', lead);
        var atStart = true;
        foreach (var word in text.TrimStart(' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!atStart && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(' ', indent);
                atStart = true;
            }
            if (!atStart)
            {
                line.Append(' ');
            }
            line.Append(word);
            atStart = false;
        }
        yield return line.ToString();
    }
}
