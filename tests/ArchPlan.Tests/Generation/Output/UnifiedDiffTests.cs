using ArchPlan.Common;

namespace ArchPlan.Tests.Generation.Output;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_an_empty_diff()
    {
        Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "a/x", "b/x"));
    }

    [Fact]
    public void Marks_a_missing_final_newline_instead_of_inventing_an_empty_line()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\n", "a\nB\nc\nd", "a/x", "b/x");

        Assert.Equal(
            "--- a/x\n+++ b/x\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n\\ No newline at end of file\n",
            diff);
    }

    [Fact]
    public void Shows_a_line_ending_change_as_a_change()
    {
        var diff = UnifiedDiff.Create("x\r\ny\n", "x\ny\n", "a/x", "b/x");

        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-x\r\n+x\n y\n", diff);
    }

    [Fact]
    public void Splits_distant_changes_into_separate_hunks_with_three_lines_of_context()
    {
        var oldLines = Enumerable.Range(1, 20).Select(i => $"{i}\n").ToArray();
        var newLines = oldLines.ToArray();
        newLines[1] = "two\n";
        newLines[17] = "eighteen\n";

        var diff = UnifiedDiff.Create(string.Concat(oldLines), string.Concat(newLines), "a/x", "b/x");

        Assert.Equal(
            "--- a/x\n+++ b/x\n" +
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n" +
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n",
            diff);
    }

    [Fact]
    public void Merges_changes_whose_context_touches_into_one_hunk()
    {
        var oldLines = Enumerable.Range(1, 12).Select(i => $"{i}\n").ToArray();
        var newLines = oldLines.ToArray();
        newLines[1] = "two\n";
        newLines[8] = "nine\n";

        var diff = UnifiedDiff.Create(string.Concat(oldLines), string.Concat(newLines), "a/x", "b/x");

        Assert.Single(diff.Split('\n'), l => l.StartsWith("@@", StringComparison.Ordinal));
        Assert.StartsWith("--- a/x\n+++ b/x\n@@ -1,12 +1,12 @@\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_a_deleted_file_counts_every_old_line()
    {
        var diff = UnifiedDiff.Create("a\nb\n", "", "a/x", UnifiedDiff.NoFile);

        Assert.Equal("--- a/x\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n", diff);
    }
}
