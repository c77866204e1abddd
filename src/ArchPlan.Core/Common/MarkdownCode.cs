namespace ArchPlan.Common;

/// <summary>Writes Markdown code spans that hold any one-line text exactly, for the generated README and the plan's tables.</summary>
public static class MarkdownCode
{
    /// <summary>A code span holding <paramref name="oneLine"/> exactly, with <c>|</c> written <c>\|</c> (GitHub splits table cells even inside code spans).</summary>
    /// <remarks>The fence is one backtick longer than the longest run inside; a space on both sides keeps a leading or trailing backtick off the fence (CommonMark strips exactly one each side).</remarks>
    public static string Span(string oneLine)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in oneLine)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = oneLine.StartsWith('`') || oneLine.EndsWith('`') || (oneLine.Length > 0 && oneLine.Trim().Length == 0) ? " " : "";
        return fence + pad + oneLine.Replace("|", "\\|", StringComparison.Ordinal) + pad + fence;
    }
}
