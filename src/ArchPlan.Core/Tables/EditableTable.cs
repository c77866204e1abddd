using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;
using Markdig.Extensions.Tables;

namespace ArchPlan.Tables;

/// <summary>One row of a plan table: its cells as Markdown source, and what the reader made of them.</summary>
internal sealed class EditableRow
{
    public required List<string> Cells { get; init; }

    /// <summary>The cells as first read, for deciding the column's writing style.</summary>
    public required IReadOnlyList<string> OriginalCells { get; init; }

    public required IReadOnlyList<string> PlainCells { get; init; }

    /// <summary>The name (plain text, <c>[product]</c> replaced, strike-through removed).</summary>
    public required string Name { get; init; }

    /// <summary>True when the name is struck through (a row kept by <c>--keep-removed</c>).</summary>
    public bool Struck { get; set; }

    public required SourceLocation Location { get; init; }

    public string Plain(int column) => column >= 0 && column < PlainCells.Count ? PlainCells[column] : "";
}

/// <summary>A cell that holds a variable's value, and the environment it is for (null: every environment).</summary>
internal sealed record ValueSlot(EditableTable Table, EditableRow Row, int Column, string? Environment, ValueSpec Current);

/// <summary>A configuration table read from the plan's source, edited row by row, and rendered again only if it changed.</summary>
internal sealed class EditableTable
{
    private readonly Func<string, string> _substitute;
    private readonly List<EditableRow> _rows;
    private readonly HashSet<EditableRow> _removed = [];
    private bool _compact;

    // What the style questions count over the rows as written, per column, kept up to date as rows are removed:
    // asked once per new or refreshed cell, recounting every row made writing a table quadratic in its rows.
    private readonly Dictionary<(int Column, bool LiteralsOnly), (int Code, int Plain)> _codeStyle = [];
    private readonly Dictionary<int, (int Braced, int Code)> _formatStyle = [];
    private readonly Dictionary<int, Queue<EditableRow>> _requiredYes = [];
    private int? _productPlaceholders;
    private IReadOnlyList<int>? _widths;

    private EditableTable(ConfigTable info, List<string> headers, List<CellAlignment> alignments, TableStyle style, List<EditableRow> rows, Func<string, string> substitute)
    {
        Info = info;
        Headers = headers;
        Alignments = alignments;
        Style = style;
        _rows = rows;
        _substitute = substitute;
    }

    public ConfigTable Info { get; }

    public List<string> Headers { get; }

    public List<CellAlignment> Alignments { get; }

    public TableStyle Style { get; }

    /// <summary>The rows in order, without those removed.</summary>
    public List<EditableRow> Rows
    {
        get
        {
            if (_compact)
            {
                // Removed in one pass: List.Remove per row shifts the rest each time.
                _rows.RemoveAll(_removed.Contains);
                _compact = false;
            }
            return _rows;
        }
    }

    /// <summary>How many times a style question read every row's cell (once per column and question): lets tests see that asking per row does not rescan.</summary>
    internal int StyleScans { get; private set; }

    /// <summary>True once any cell, row or order changed; untouched tables keep their bytes.</summary>
    public bool Changed { get; private set; }

    public static EditableTable Read(string text, ConfigTable info, Table table, SourceText source, Func<string, string> substitute)
    {
        var markdigRows = table.OfType<TableRow>().ToList();
        var headers = markdigRows.Count > 0 && markdigRows[0].IsHeader
            ? markdigRows[0].OfType<TableCell>().Select(c => Raw(text, c)).ToList()
            : info.Columns.Select(c => c.Header).ToList();
        while (headers.Count < info.Columns.Count)
        {
            headers.Add(info.Columns[headers.Count].Header);
        }
        var alignments = Enumerable.Range(0, headers.Count)
            .Select(i => i < table.ColumnDefinitions.Count ? Alignment(table.ColumnDefinitions[i].Alignment) : CellAlignment.None)
            .ToList();

        var nameIndex = IndexOf(info.Columns, ColumnRole.Name);
        var rows = new List<EditableRow>();
        foreach (var row in markdigRows.Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            var raw = cells.Select(c => Raw(text, c)).ToList();
            var plain = cells.Select(c => InlineText.Of(c, inTableCell: true)).ToList();
            var name = nameIndex >= 0 && nameIndex < plain.Count ? substitute(plain[nameIndex].Trim()) : "";
            var struck = name.Length > 4 && name.StartsWith("~~", StringComparison.Ordinal) && name.EndsWith("~~", StringComparison.Ordinal);
            rows.Add(new EditableRow
            {
                Cells = raw,
                OriginalCells = [.. raw],
                PlainCells = plain,
                Name = struck ? name[2..^2].Trim() : name,
                Struck = struck,
                Location = source.AtLine(row.Line, row.Column),
            });
        }
        return new EditableTable(info, headers, alignments, StyleOf(text, info), rows, substitute) { _widths = DelimiterWidths(text, info, headers.Count) };
    }

    /// <summary>The line break the file uses (its first one), <c>\n</c> when it has none.</summary>
    public static string FileNewLine(string text)
    {
        var index = text.IndexOfAny(['\r', '\n']);
        return index < 0 ? "\n" : text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? "\r\n" : text[index].ToString();
    }

    public int IndexOf(ColumnRole role) => IndexOf(Info.Columns, role);

    /// <summary>The cells of <paramref name="row"/> that hold its value, each with the environment it applies to.</summary>
    public IEnumerable<ValueSlot> ValueSlots(EditableRow row)
    {
        var environmentColumn = IndexOf(ColumnRole.Environment);
        string? rowEnvironment = Info.Environment;
        if (environmentColumn >= 0)
        {
            var cell = row.Plain(environmentColumn).Trim();
            rowEnvironment = EnvironmentNames.Canonical(cell)
                ?? (CellValues.IsEmpty(cell) || cell.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : cell.ToLowerInvariant());
        }
        for (var i = 0; i < Info.Columns.Count; i++)
        {
            var column = Info.Columns[i];
            if (column.Role is ColumnRole.Value or ColumnRole.EnvironmentValue)
            {
                var environment = Canonical(column.Role == ColumnRole.Value ? rowEnvironment : column.Environment);
                yield return new ValueSlot(this, row, i, environment, Parse(row.Plain(i)));
            }
        }
    }

    /// <summary>
    /// True for an optional variable the plan gives no value: generated code leaves such a variable unset, so its
    /// absence from the infrastructure does not mean it was dropped.
    /// </summary>
    public bool IsUnsetOptional(EditableRow row)
    {
        var slots = ValueSlots(row).ToList();
        var required = IndexOf(ColumnRole.Required);
        return slots.Count > 0 && slots.All(s => s.Current.Kind == ValueKind.None)
            && (required < 0 || CellValues.ParseRequired(row.Plain(required)) != Requirement.Required);
    }

    /// <summary>Whether literal values in this column are written as code spans (the template's style, and the default).</summary>
    public bool ValueCodeStyle(int column) => CodeStyle(column, literalsOnly: true);

    /// <summary>Whether the column's existing literal cells (or all its cells) are mostly code spans; true when there are none.</summary>
    private bool CodeStyle(int column, bool literalsOnly)
    {
        if (!_codeStyle.TryGetValue((column, literalsOnly), out var counts))
        {
            StyleScans++;
            foreach (var row in Rows)
            {
                var (code, plain) = CodeStyleOf(row, column, literalsOnly);
                counts = (counts.Code + code, counts.Plain + plain);
            }
            _codeStyle[(column, literalsOnly)] = counts;
        }
        return counts.Code >= counts.Plain;
    }

    private (int Code, int Plain) CodeStyleOf(EditableRow row, int column, bool literalsOnly)
    {
        if (column >= row.OriginalCells.Count || row.OriginalCells[column].Length == 0
            || (literalsOnly && Parse(row.Plain(column)).Kind != ValueKind.Literal))
        {
            return (0, 0);
        }
        var cell = row.OriginalCells[column].Trim('~');
        return cell.StartsWith('`') && cell.EndsWith('`') ? (1, 0) : (0, 1);
    }

    /// <summary>Whether JSON formats are written with the braces in a code span (<c>JSON: `{a, b}`</c>, the template's style).</summary>
    public bool FormatCodeStyle(int column)
    {
        if (!_formatStyle.TryGetValue(column, out var counts))
        {
            StyleScans++;
            foreach (var row in Rows)
            {
                var (braced, code) = FormatStyleOf(row, column);
                counts = (counts.Braced + braced, counts.Code + code);
            }
            _formatStyle[column] = counts;
        }
        return counts.Braced == 0 || counts.Code * 2 >= counts.Braced;
    }

    private static (int Braced, int Code) FormatStyleOf(EditableRow row, int column) =>
        column < row.OriginalCells.Count && row.OriginalCells[column].Contains('{', StringComparison.Ordinal)
            ? (1, row.OriginalCells[column].Contains('`', StringComparison.Ordinal) ? 1 : 0)
            : (0, 0);

    public void SetCell(EditableRow row, int column, string markdown)
    {
        while (row.Cells.Count <= column)
        {
            row.Cells.Add("");
        }
        if (row.Cells[column] != markdown)
        {
            row.Cells[column] = markdown;
            Changed = true;
        }
    }

    public void AddRow(List<string> cells)
    {
        Rows.Add(new EditableRow { Cells = cells, OriginalCells = [], PlainCells = [], Name = "", Location = Info.Location });
        Changed = true;
    }

    public void Remove(EditableRow row)
    {
        if (!_removed.Add(row))
        {
            return;
        }
        _compact = true;
        foreach (var key in _codeStyle.Keys.ToList())
        {
            var (code, plain) = CodeStyleOf(row, key.Column, key.LiteralsOnly);
            _codeStyle[key] = (_codeStyle[key].Code - code, _codeStyle[key].Plain - plain);
        }
        foreach (var column in _formatStyle.Keys.ToList())
        {
            var (braced, code) = FormatStyleOf(row, column);
            _formatStyle[column] = (_formatStyle[column].Braced - braced, _formatStyle[column].Code - code);
        }
        if (_productPlaceholders is { } placeholders && HasProductPlaceholder(row))
        {
            _productPlaceholders = placeholders - 1;
        }
        Changed = true;
    }

    public void Strike(EditableRow row)
    {
        var index = IndexOf(ColumnRole.Name);
        SetCell(row, index, "~~" + row.Cells[index] + "~~");
        row.Struck = true;
    }

    public void Unstrike(EditableRow row)
    {
        var index = IndexOf(ColumnRole.Name);
        var cell = row.Cells[index];
        if (cell.StartsWith("~~", StringComparison.Ordinal) && cell.EndsWith("~~", StringComparison.Ordinal) && cell.Length > 4)
        {
            SetCell(row, index, cell[2..^2].Trim());
        }
        row.Struck = false;
    }

    /// <summary>A row for a variable the plan does not have yet, in this table's columns and styles.</summary>
    public List<string> NewVariableRow(CodeVariable variable, string? environment)
    {
        var hasValueColumn = IndexOf(ColumnRole.Value) >= 0;
        var environmentColumns = Info.Columns.Where(c => c.Role == ColumnRole.EnvironmentValue).Select(c => Canonical(c.Environment)).ToList();
        var onlyEnvironment = environment is not null && environmentColumns.Contains(environment) ? environment : null;
        var cells = new List<string>();
        for (var i = 0; i < Info.Columns.Count; i++)
        {
            var column = Info.Columns[i];
            cells.Add(column.Role switch
            {
                ColumnRole.Name => NameCell(variable.Name, i),
                ColumnRole.Value => TableRenderer.ValueCell(variable.Value, ValueCodeStyle(i)),
                ColumnRole.EnvironmentValue when !hasValueColumn && (onlyEnvironment is null || Canonical(column.Environment) == onlyEnvironment) =>
                    TableRenderer.ValueCell(variable.Value, ValueCodeStyle(i)),
                ColumnRole.Required => RequiredYes(i),
                ColumnRole.Scope when !variable.UsedByAll && variable.UsedBy.Count > 0 =>
                    string.Join(", ", variable.UsedBy.Select(u => CodeStyle(i, literalsOnly: false) ? TableRenderer.CodeSpan(u) : TableRenderer.EscapeText(u))),
                _ => "",
            });
        }
        return cells;
    }

    /// <summary>True when the table's names use the <c>[product]</c> placeholder (<c>[product]/db/credentials</c>).</summary>
    public bool UsesProductPlaceholder
    {
        get
        {
            if (_productPlaceholders is null)
            {
                StyleScans++;
                _productPlaceholders = Rows.Count(HasProductPlaceholder);
            }
            return _productPlaceholders > 0;
        }
    }

    private bool HasProductPlaceholder(EditableRow row)
    {
        var nameIndex = IndexOf(ColumnRole.Name);
        return nameIndex >= 0 && nameIndex < row.OriginalCells.Count && row.OriginalCells[nameIndex].Contains("[product]", StringComparison.Ordinal);
    }

    /// <summary>A row for a secret the plan does not have yet; the name keeps the <c>[product]</c> placeholder if the table uses it.</summary>
    public List<string> NewSecretRow(CodeSecret secret, string? product)
    {
        var name = secret.Name;
        if (product is not null && name.StartsWith(product + "/", StringComparison.Ordinal) && UsesProductPlaceholder)
        {
            name = "[product]" + name[product.Length..];
        }
        var cells = new List<string>();
        for (var i = 0; i < Info.Columns.Count; i++)
        {
            cells.Add(Info.Columns[i].Role switch
            {
                ColumnRole.Name => NameCell(name, i),
                ColumnRole.Format => TableRenderer.FormatCell(secret, FormatCodeStyle(i)) ?? "",
                _ => "",
            });
        }
        return cells;
    }

    public string Render() =>
        TableRenderer.Render(Headers, Alignments, [.. Rows.Select(r => (IReadOnlyList<string>)r.Cells)], Style, _widths);

    private string NameCell(string name, int column) =>
        CodeStyle(column, literalsOnly: false) ? TableRenderer.CodeSpan(name) : TableRenderer.EscapeText(name);

    /// <summary>The table's own spelling of "yes" (Yes, yes, ✓, Required), else the template's.</summary>
    private string RequiredYes(int column)
    {
        if (!_requiredYes.TryGetValue(column, out var required))
        {
            StyleScans++;
            required = new Queue<EditableRow>(Rows.Where(r => column < r.OriginalCells.Count && CellValues.ParseRequired(r.Plain(column)) == Requirement.Required));
            _requiredYes[column] = required;
        }
        // Rows are only ever removed after this is first asked, so the first row still in the table is the answer.
        while (required.Count > 0 && _removed.Contains(required.Peek()))
        {
            required.Dequeue();
        }
        return required.Count > 0 ? required.Peek().OriginalCells[column] : "Yes";
    }

    private ValueSpec Parse(string plain)
    {
        var value = CellValues.ParseValue(plain);
        return value.Text is null ? value : value with { Text = _substitute(value.Text) };
    }

    private static string Raw(string text, TableCell cell)
    {
        if (cell.Span.Start < 0 || cell.Span.End >= text.Length || cell.Span.Length <= 0)
        {
            return "";
        }
        var raw = text.Substring(cell.Span.Start, cell.Span.Length).Trim();
        // Should a span reach the closing pipe, drop it, but never an escaped one (\|) that belongs to the text.
        var backslashes = 0;
        while (raw.Length - 2 - backslashes >= 0 && raw[raw.Length - 2 - backslashes] == '\\')
        {
            backslashes++;
        }
        return raw.EndsWith('|') && backslashes % 2 == 0 ? raw[..^1].TrimEnd() : raw;
    }

    /// <summary>The column widths the delimiter row gives (<c>| ----- | --- |</c>), or null when it does not have one cell per column.</summary>
    private static List<int>? DelimiterWidths(string text, ConfigTable info, int columns)
    {
        var lines = text.Substring(info.Start, info.Length).Split('\n');
        if (lines.Length < 2)
        {
            return null;
        }
        var delimiter = lines[1].TrimEnd('\r').TrimStart(' ', '\t', '>').Trim();
        var cells = delimiter.Trim('|').Split('|').Select(c => c.Trim()).ToList();
        if (cells.Count != columns || cells.Any(c => c.Length == 0 || c.Any(ch => ch is not ('-' or ':'))))
        {
            return null;
        }
        return [.. cells.Select(c => c.Length)];
    }

    private static CellAlignment Alignment(TableColumnAlign? align) => align switch
    {
        TableColumnAlign.Left => CellAlignment.Left,
        TableColumnAlign.Center => CellAlignment.Center,
        TableColumnAlign.Right => CellAlignment.Right,
        _ => CellAlignment.None,
    };

    /// <summary>How the table is written now: the prefix of its lines (blockquote markers, list indentation), its line break, its outer pipes.</summary>
    private static TableStyle StyleOf(string text, ConfigTable info)
    {
        var lineStart = info.Start;
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }
        // Later lines repeat the first line's container markers; a list marker there becomes indentation.
        var prefix = new string([.. text[lineStart..info.Start].Select(c => c is '>' or ' ' or '\t' ? c : ' ')]);
        var span = text.AsSpan(info.Start, Math.Min(info.Length, text.Length - info.Start));
        var breakAt = span.IndexOfAny('\r', '\n');
        var newLine = breakAt < 0 ? FileNewLine(text)
            : span[breakAt] == '\r' && breakAt + 1 < span.Length && span[breakAt + 1] == '\n' ? "\r\n"
            : span[breakAt].ToString();
        var header = (breakAt < 0 ? span : span[..breakAt]).Trim();
        return new TableStyle(prefix, newLine, header.StartsWith('|'), header.EndsWith('|') && !header.EndsWith("\\|"));
    }

    private static int IndexOf(IReadOnlyList<TableColumn> columns, ColumnRole role)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Role == role)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Environments compare by canonical name (production = prod), since plans spell them as they like.</summary>
    internal static string? Canonical(string? environment) => EnvironmentNames.Canonical(environment) ?? environment;
}
