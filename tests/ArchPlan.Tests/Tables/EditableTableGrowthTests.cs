using System.Text;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Tables;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Tests.Tables;

/// <summary>
/// The style questions a table answers for every cell it writes (code spans or plain text, the table's own "Yes") read
/// the column once, however many cells are written: asking them per row made <c>tables</c> quadratic in its rows.
/// </summary>
public sealed class EditableTableGrowthTests
{
    [Fact]
    public void Writing_every_row_reads_each_column_once()
    {
        var table = Read(2_000);

        for (var i = 0; i < 2_000; i++)
        {
            table.NewVariableRow(new CodeVariable($"NEW_{i}", new CodeValue(CodeValueKind.Literal, "x"), default, false, default), null);
            Assert.True(table.ValueCodeStyle(2));
        }

        // Name column, value column (literals), Required's "Yes": one scan each.
        Assert.Equal(3, table.StyleScans);
    }

    [Fact]
    public void Removing_rows_updates_the_answers_without_a_rescan()
    {
        // Three literal values in code spans, then four plain ones: plain wins until four plain rows are removed.
        var text = Plan(["| `A` | d | `1` | Yes |", "| `B` | d | `2` | Yes |", "| `C` | d | `3` | Yes |",
            "| `D` | d | 4 | yes |", "| `E` | d | 5 | No |", "| `F` | d | 6 | No |", "| `G` | d | 7 | No |"]);
        var table = Read(text);
        Assert.False(table.ValueCodeStyle(2));
        Assert.True(table.UsesProductPlaceholder is false);

        foreach (var row in table.Rows.Where(r => r.Name is "D" or "E" or "F" or "G").ToList())
        {
            table.Remove(row);
        }

        Assert.True(table.ValueCodeStyle(2));
        Assert.Equal(["A", "B", "C"], table.Rows.Select(r => r.Name));
        Assert.Equal(2, table.StyleScans);
    }

    private static EditableTable Read(int rows) =>
        Read(Plan([.. Enumerable.Range(0, rows).Select(i => $"| `SETTING_{i}` | Setting {i} | `v{i}` | {(i % 2 == 0 ? "Yes" : "No")} |")]));

    private static EditableTable Read(string text)
    {
        var plan = PlanReader.Parse(text, "plan.md").Value!;
        var info = Assert.Single(plan.Tables);
        var document = Markdown.Parse(text, PlanReader.Pipeline);
        var table = document.Descendants<Table>().Single(t => t.Span.Start == info.Start);
        return EditableTable.Read(text, info, table, new SourceText("plan.md", text), s => s);
    }

    private static string Plan(IEnumerable<string> rows)
    {
        var text = new StringBuilder("---\ntitle: T\nstatus: active\nproduct: p\n---\n\n# T\n\n## Configuration\n\n### Environment Variables\n\n")
            .Append("| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n");
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }
        return text.ToString();
    }
}
