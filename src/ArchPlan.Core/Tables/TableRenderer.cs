using System.Globalization;
using System.Text;
using ArchPlan.Model;

namespace ArchPlan.Tables;

/// <summary>How a column's cells are aligned (the colons of the delimiter row).</summary>
public enum CellAlignment
{
    None,
    Left,
    Center,
    Right,
}

/// <summary>How a table is written: line prefix (blockquote, list indentation), line ending and outer pipes.</summary>
/// <param name="Prefix">Written before every line but the first (the first line's prefix is outside the spliced span).</param>
/// <param name="NewLine"><c>\n</c> or <c>\r\n</c>, as the file uses.</param>
/// <param name="LeadingPipe">Whether rows start with <c>|</c>.</param>
/// <param name="TrailingPipe">Whether rows end with <c>|</c>.</param>
public sealed record TableStyle(string Prefix = "", string NewLine = "\n", bool LeadingPipe = true, bool TrailingPipe = true);

/// <summary>Writes pipe tables whose source stays aligned, and the Markdown of single cells (code spans, escaping).</summary>
public static class TableRenderer
{
    /// <summary>The template's Environment Variables columns.</summary>
    public static IReadOnlyList<TableColumn> TemplateVariableColumns { get; } =
    [
        new("Variable", ColumnRole.Name),
        new("Description", ColumnRole.Description),
        new("Example", ColumnRole.Value),
        new("Required", ColumnRole.Required),
    ];

    /// <summary>The template's Secrets columns.</summary>
    public static IReadOnlyList<TableColumn> TemplateSecretColumns { get; } =
    [
        new("Secret Name", ColumnRole.Name),
        new("Description", ColumnRole.Description),
        new("Format", ColumnRole.Format),
    ];

    /// <summary>The heading the template puts over the variables table.</summary>
    public const string VariablesHeading = "Environment Variables";

    /// <summary>The heading the template puts over the secrets table.</summary>
    public const string SecretsHeading = "Secrets (AWS Secrets Manager)";

    /// <summary>Both tables in the template's layout, each under its <c>###</c> heading (what <c>archplan tables</c> prints).</summary>
    public static string RenderTemplate(TableModel model, string newLine = "\n")
    {
        var builder = new StringBuilder();
        builder.Append("### ").Append(VariablesHeading).Append(newLine).Append(newLine);
        builder.Append(RenderVariables(model, newLine)).Append(newLine).Append(newLine);
        builder.Append("### ").Append(SecretsHeading).Append(newLine).Append(newLine);
        builder.Append(RenderSecrets(model, newLine)).Append(newLine);
        return builder.ToString();
    }

    /// <summary>The Environment Variables table in the template's layout (no final line break).</summary>
    public static string RenderVariables(TableModel model, string newLine = "\n") =>
        Render(
            [.. TemplateVariableColumns.Select(c => c.Header)],
            [.. TemplateVariableColumns.Select(_ => CellAlignment.None)],
            [.. model.Variables.Select(v => (IReadOnlyList<string>)[CodeSpan(v.Name), "", ValueCell(v.Value, codeStyle: true), "Yes"])],
            new TableStyle(NewLine: newLine));

    /// <summary>The Secrets table in the template's layout (no final line break).</summary>
    public static string RenderSecrets(TableModel model, string newLine = "\n") =>
        Render(
            [.. TemplateSecretColumns.Select(c => c.Header)],
            [.. TemplateSecretColumns.Select(_ => CellAlignment.None)],
            [.. model.Secrets.Select(s => (IReadOnlyList<string>)[CodeSpan(s.Name), "", FormatCell(s, codeStyle: true) ?? ""])],
            new TableStyle(NewLine: newLine));

    /// <summary>
    /// Writes a table from cells that are already Markdown source. Every column is padded to its widest cell so the
    /// pipes line up (markdownlint MD060 "aligned"), every row gets exactly one cell per header (MD056), and any
    /// unescaped <c>|</c> left in a cell is escaped. <paramref name="minimumWidths"/> keeps columns at least as wide as
    /// they were, so a one-cell change does not re-pad every line of the table. No line break after the last row.
    /// </summary>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<CellAlignment> alignments, IReadOnlyList<IReadOnlyList<string>> rows, TableStyle style,
        IReadOnlyList<int>? minimumWidths = null)
    {
        var count = headers.Count;
        var header = headers.Select(h => EscapePipes(h.Trim())).ToList();
        var body = rows.Select(r => Normalize(r, count)).ToList();
        var widths = new int[count];
        for (var i = 0; i < count; i++)
        {
            widths[i] = Math.Max(3, Math.Max(DisplayWidth(header[i]), body.Count == 0 ? 0 : body.Max(r => DisplayWidth(r[i]))));
            if (minimumWidths is not null && i < minimumWidths.Count)
            {
                widths[i] = Math.Max(widths[i], minimumWidths[i]);
            }
        }

        var builder = new StringBuilder();
        AppendRow(builder, header, widths, alignments, style);
        builder.Append(style.NewLine).Append(style.Prefix);
        AppendDelimiter(builder, widths, alignments, style);
        foreach (var row in body)
        {
            builder.Append(style.NewLine).Append(style.Prefix);
            AppendRow(builder, row, widths, alignments, style);
        }
        return builder.ToString();
    }

    /// <summary>The Markdown for a code-decided value: a literal (code span or escaped text), <c>_(from x)_</c> or <c>_(Secrets Manager)_</c>.</summary>
    public static string ValueCell(CodeValue value, bool codeStyle) => value.Kind switch
    {
        CodeValueKind.Literal when string.IsNullOrEmpty(value.Text) => "",
        CodeValueKind.Literal => codeStyle ? CodeSpan(value.Text!) : EscapeText(value.Text!),
        CodeValueKind.FromResource => $"_(from {EscapeText(value.Resource ?? value.Text ?? "resource")})_",
        CodeValueKind.FromSecret when value.Secret is { Length: > 0 } secret => $"_(from secret {EscapeText(secret)})_",
        CodeValueKind.FromSecret => "_(Secrets Manager)_",
        _ => "",
    };

    /// <summary>The Format cell for a secret: <c>JSON: `{a, b}`</c> or <c>Plain string</c>; null when the code does not show it.</summary>
    public static string? FormatCell(CodeSecret secret, bool codeStyle) => secret.Shape switch
    {
        SecretShape.Json => "JSON: " + (codeStyle ? CodeSpan(JsonFields(secret.Fields)) : EscapeText(JsonFields(secret.Fields))),
        SecretShape.Plain => "Plain string",
        _ => null,
    };

    /// <summary><c>{a, b}</c> for the given field names.</summary>
    public static string JsonFields(IEnumerable<string> fields) => "{" + string.Join(", ", fields) + "}";

    /// <summary>A code span holding <paramref name="text"/> exactly, with <c>|</c> written <c>\|</c> (GitHub splits cells even inside code spans).</summary>
    public static string CodeSpan(string text) => Common.MarkdownCode.Span(OneLine(text));

    /// <summary>Plain text as Markdown that reads back as the same text: markup characters and pipes backslash-escaped.</summary>
    public static string EscapeText(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '|' or '~')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Escapes every <c>|</c> in cell source that is not already escaped.</summary>
    public static string EscapePipes(string cell)
    {
        var builder = new StringBuilder(cell.Length);
        var backslashes = 0;
        foreach (var c in cell)
        {
            if (c == '|' && backslashes % 2 == 0)
            {
                builder.Append('\\');
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Columns a string takes in a fixed-width editor: wide East Asian characters and emoji count two, combining marks none.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control
                || rune.Value is >= 0xFE00 and <= 0xFE0F)
            {
                continue;
            }
            width += IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x20000 and <= 0x3FFFD;

    private static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ')
            .Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');

    /// <summary>Exactly <paramref name="count"/> cells: missing ones empty, extra ones joined into the last so no text is lost.</summary>
    private static List<string> Normalize(IReadOnlyList<string> row, int count)
    {
        var cells = row.Select(c => EscapePipes(OneLine(c).Trim())).ToList();
        if (cells.Count > count && count > 0)
        {
            var extra = string.Join(" \\| ", cells.Skip(count - 1).Where(c => c.Length > 0));
            cells = [.. cells.Take(count - 1), extra];
        }
        while (cells.Count < count)
        {
            cells.Add("");
        }
        return cells;
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells, int[] widths, IReadOnlyList<CellAlignment> alignments, TableStyle style)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0 || style.LeadingPipe)
            {
                builder.Append(i == 0 ? "| " : " | ");
            }
            var padding = widths[i] - DisplayWidth(cells[i]);
            var last = i == cells.Count - 1 && !style.TrailingPipe;
            var alignment = i < alignments.Count ? alignments[i] : CellAlignment.None;
            if (alignment == CellAlignment.Right)
            {
                builder.Append(' ', padding).Append(cells[i]);
            }
            else if (alignment == CellAlignment.Center)
            {
                builder.Append(' ', padding / 2).Append(cells[i]);
                if (!last)
                {
                    builder.Append(' ', padding - padding / 2);
                }
            }
            else
            {
                builder.Append(cells[i]);
                if (!last)
                {
                    builder.Append(' ', padding);
                }
            }
        }
        if (style.TrailingPipe)
        {
            builder.Append(" |");
        }
    }

    private static void AppendDelimiter(StringBuilder builder, int[] widths, IReadOnlyList<CellAlignment> alignments, TableStyle style)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            if (i > 0 || style.LeadingPipe)
            {
                builder.Append(i == 0 ? "| " : " | ");
            }
            var alignment = i < alignments.Count ? alignments[i] : CellAlignment.None;
            var dashes = widths[i] - (alignment switch { CellAlignment.Center => 2, CellAlignment.Left or CellAlignment.Right => 1, _ => 0 });
            builder.Append(alignment is CellAlignment.Left or CellAlignment.Center ? ":" : "")
                .Append('-', dashes)
                .Append(alignment is CellAlignment.Right or CellAlignment.Center ? ":" : "");
        }
        if (style.TrailingPipe)
        {
            builder.Append(" |");
        }
    }
}
