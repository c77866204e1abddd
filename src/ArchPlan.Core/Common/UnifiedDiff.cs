using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace ArchPlan.Common;

/// <summary>Renders a unified diff (git style) from DiffPlex's line diff.</summary>
/// <remarks>
/// DiffPlex's own UnidiffRenderer splits on '\n' and drops line endings, so it shows a phantom empty last
/// line, hides CRLF↔LF changes and never says "No newline at end of file". Lines here keep their endings:
/// a line-ending change is a visible change, which matters because ArchPlan writes bytes exactly.
/// </remarks>
public static class UnifiedDiff
{
    public const string NoFile = "/dev/null";

    private const int ContextLines = 3;

    /// <summary>The diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when they are equal.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return "";
        }
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var text = new StringBuilder();
        text.Append("--- ").Append(oldName).Append('\n');
        text.Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in GroupIntoHunks(result.DiffBlocks))
        {
            var first = hunk[0];
            var last = hunk[^1];
            var oldStart = Math.Max(0, first.DeleteStartA - ContextLines);
            var oldEnd = Math.Min(oldLines.Count, last.DeleteStartA + last.DeleteCountA + ContextLines);
            var newStart = first.InsertStartB - (first.DeleteStartA - oldStart);
            var newEnd = last.InsertStartB + last.InsertCountB + (oldEnd - (last.DeleteStartA + last.DeleteCountA));
            text.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart))
                .Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
            var position = oldStart;
            foreach (var block in hunk)
            {
                AppendLines(text, ' ', oldLines, position, block.DeleteStartA);
                AppendLines(text, '-', oldLines, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA);
                AppendLines(text, '+', newLines, block.InsertStartB, block.InsertStartB + block.InsertCountB);
                position = block.DeleteStartA + block.DeleteCountA;
            }
            AppendLines(text, ' ', oldLines, position, oldEnd);
        }
        return text.ToString();
    }

    // Blocks whose context would touch or overlap share one hunk, as in diff -u.
    private static List<List<DiffBlock>> GroupIntoHunks(IList<DiffBlock> blocks)
    {
        var hunks = new List<List<DiffBlock>>();
        foreach (var block in blocks)
        {
            if (hunks.Count > 0)
            {
                var previous = hunks[^1][^1];
                if (block.DeleteStartA - (previous.DeleteStartA + previous.DeleteCountA) <= 2 * ContextLines)
                {
                    hunks[^1].Add(block);
                    continue;
                }
            }
            hunks.Add([block]);
        }
        return hunks;
    }

    // diff -u numbers lines from 1, and names the line before an empty range (0 for an empty file).
    private static string Range(int start, int count) =>
        count == 1 ? $"{start + 1}" : $"{(count == 0 ? start : start + 1)},{count}";

    private static void AppendLines(StringBuilder text, char prefix, IReadOnlyList<string> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            text.Append(prefix);
            if (line.EndsWith('\n'))
            {
                text.Append(line);
            }
            else
            {
                text.Append(line).Append("\n\\ No newline at end of file\n");
            }
        }
    }
}
