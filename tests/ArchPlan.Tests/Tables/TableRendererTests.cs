using ArchPlan.Tables;

namespace ArchPlan.Tests.Tables;

public sealed class TableRendererTests
{
    [Fact]
    public void Pads_columns_to_the_widest_cell_and_keeps_alignment_colons()
    {
        var table = TableRenderer.Render(
            ["Name", "Count"],
            [CellAlignment.Left, CellAlignment.Right],
            [["`a`", "1"], ["`longer`", "12345"]],
            new TableStyle());

        Assert.Equal("""
            | Name     | Count |
            | :------- | ----: |
            | `a`      |     1 |
            | `longer` | 12345 |
            """, table);
    }

    [Fact]
    public void Gives_every_row_one_cell_per_column_without_losing_text()
    {
        var table = TableRenderer.Render(["A", "B", "C"], [], [["1"], ["1", "2", "3", "4"]], new TableStyle(Prefix: "> ", NewLine: "\r\n"));

        Assert.Equal("| A   | B   | C      |\r\n> | --- | --- | ------ |\r\n> | 1   |     |        |\r\n> | 1   | 2   | 3 \\| 4 |", table);
    }

    [Fact]
    public void Escapes_pipes_that_are_not_escaped_yet()
    {
        Assert.Equal("`a\\|b` \\| c \\| d", TableRenderer.EscapePipes("`a|b` \\| c | d"));
        Assert.Equal("x\\\\\\|y", TableRenderer.EscapePipes("x\\\\|y"));
    }

    [Fact]
    public void Counts_wide_characters_twice_and_combining_marks_not_at_all()
    {
        Assert.Equal(4, TableRenderer.DisplayWidth("値段"));
        Assert.Equal(1, TableRenderer.DisplayWidth("e\u0301"));
        Assert.Equal(5, TableRenderer.DisplayWidth("plain"));
    }
}
