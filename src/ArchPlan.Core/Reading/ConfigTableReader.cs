using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>Finds the Environment Variables and Secrets tables and reads their rows.</summary>
internal sealed class ConfigTableReader(SourceText source, Outline outline, DiagnosticBag diagnostics)
{
    private static readonly char[] QuoteIndent = [' ', '\t', '>'];

    private readonly List<ConfigTable> _tables = [];
    private readonly List<EnvVariable> _variables = [];
    private readonly List<PlannedSecret> _secrets = [];

    public IReadOnlyList<ConfigTable> Tables => _tables;

    public IReadOnlyList<EnvVariable> Variables => _variables;

    public IReadOnlyList<PlannedSecret> Secrets => _secrets;

    public void Read(MarkdownDocument document, Func<string, string> substitute)
    {
        foreach (var table in document.Descendants<Table>())
        {
            ReadTable(table, substitute);
        }
        // A table cell's paragraph is one line of a table that Markdig did recognise: never a broken table.
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Parent is not TableCell)
            {
                ReportBrokenTable(paragraph);
            }
        }
    }

    private void ReadTable(Table table, Func<string, string> substitute)
    {
        var chain = outline.ChainAt(table.Span.Start);
        if (chain.Any(h => SectionNames.IsCi(h.Key)))
        {
            return;
        }
        var inConfiguration = chain.Any(h => SectionNames.IsConfiguration(h.Key));
        var secretsIndex = LastIndex(chain, h => SectionNames.IsSecrets(h.Key));
        var envIndex = LastIndex(chain, h => SectionNames.IsEnvironmentVariables(h.Key));
        if (!inConfiguration && secretsIndex < 0 && envIndex < 0)
        {
            return;
        }

        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0)
        {
            return;
        }
        if (!rows[0].IsHeader)
        {
            // Markdig accepts pipe rows without the |---| line as a header-less table; GitHub shows them as text.
            diagnostics.Add(DiagnosticCatalog.BrokenTable, source.At(table.Span.Start, table.Span.Length));
            return;
        }
        var headers = rows[0].OfType<TableCell>().Select(c => InlineText.Of(c, inTableCell: true)).ToList();
        var kind = headers.Count > 0 && ColumnRoles.IsSecretNameHeader(headers[0]) || secretsIndex > envIndex
            ? ConfigTableKind.Secrets
            : ConfigTableKind.EnvironmentVariables;
        var columns = ColumnRoles.Map(headers, kind);
        var nearest = chain.Count > 0 ? chain[^1] : null;
        var location = source.At(table.Span.Start, table.Span.Length);

        var nameIndex = IndexOf(columns, ColumnRole.Name);
        if (nameIndex >= 0 && LooksLikeCostTable(headers, rows, nameIndex))
        {
            return;
        }
        if (nameIndex < 0)
        {
            // Tables elsewhere under Configuration (a feature-flag matrix, a gate list) are simply not ours;
            // a table right under an Environment Variables or Secrets heading should have been.
            if (secretsIndex >= 0 || envIndex >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.MissingNameColumn, location, nearest?.Text ?? "", kind == ConfigTableKind.Secrets ? "'Secret Name', 'Secret', 'Name'" : "'Variable', 'Env Var', 'Name', 'Key'");
            }
            return;
        }

        var environment = nearest is not null ? EnvironmentNames.InHeading(nearest.Text) : null;
        var componentScope = nearest is not null && IsComponentHeading(nearest) ? nearest.Text : null;
        var tableIndex = _tables.Count;
        _tables.Add(new ConfigTable(kind, table.Span.Start, table.Span.Length, columns.ToEquatableArray(), nearest?.Text ?? "", environment, location));

        foreach (var (column, header) in columns.Zip(headers))
        {
            if (column.Role == ColumnRole.Other && kind == ConfigTableKind.EnvironmentVariables && header.Length > 0)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownEnvironmentColumn, location, header);
            }
        }

        // Markdig widens the whole table to its longest row; the header as written is the reference.
        var headerCells = rows[0].OfType<TableCell>().ToList();
        var headerCount = WrittenCellCount(RowSource(headerCells.Count > 0 ? headerCells[0].Span.Start : rows[0].Span.Start).Text);
        foreach (var row in rows.Skip(1))
        {
            var cells = row.OfType<TableCell>().ToList();
            // From the first cell: Markdig's row line and span are not reliable for rows after the first.
            var (rowLocation, rowText) = RowSource(cells.Count > 0 ? cells[0].Span.Start : row.Span.Start);
            // Markdig pads short rows and drops extra cells, so count the cells GitHub would see in the source line.
            var written = WrittenCellCount(rowText);
            if (written != headerCount)
            {
                diagnostics.Add(DiagnosticCatalog.RowCellCount, rowLocation, written, headerCount);
            }
            var texts = new string?[cells.Count];
            string Cell(int index) => index >= 0 && index < cells.Count ? texts[index] ??= InlineText.Of(cells[index], inTableCell: true) : "";
            SourceLocation CellAt(int index) => index >= 0 && index < cells.Count && !cells[index].Span.IsEmpty && cells[index].Span.Start > 0 ? source.At(cells[index].Span.Start, cells[index].Span.Length) : rowLocation;

            var name = substitute(Cell(nameIndex).Trim());
            if (name.Length == 0)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyName, rowLocation, headers[nameIndex]);
                continue;
            }
            if (kind == ConfigTableKind.Secrets)
            {
                var format = IndexOf(columns, ColumnRole.Format) is var f and >= 0 ? Cell(f) : null;
                _secrets.Add(new PlannedSecret
                {
                    Name = name,
                    Description = Cell(IndexOf(columns, ColumnRole.Description)),
                    Format = format,
                    JsonFields = CellValues.JsonFields(format).ToEquatableArray(),
                    Location = CellAt(nameIndex),
                    TableIndex = tableIndex,
                });
                continue;
            }

            var valueIndex = IndexOf(columns, ColumnRole.Value);
            var value = valueIndex >= 0 ? Substitute(CellValues.ParseValue(Cell(valueIndex)), substitute) : ValueSpec.None;
            var requiredIndex = IndexOf(columns, ColumnRole.Required);
            var scopeIndex = IndexOf(columns, ColumnRole.Scope);
            var scope = scopeIndex >= 0 ? CellValues.ParseScope(Cell(scopeIndex)) : componentScope is not null ? [componentScope] : [];
            var perEnvironment = new List<EnvironmentValue>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Role == ColumnRole.EnvironmentValue)
                {
                    var envValue = Substitute(CellValues.ParseValue(Cell(i)), substitute);
                    if (envValue.Kind != ValueKind.None)
                    {
                        perEnvironment.Add(new EnvironmentValue(columns[i].Environment!, envValue, CellAt(i)));
                    }
                }
            }

            var rowEnvironment = environment;
            var envColumn = IndexOf(columns, ColumnRole.Environment);
            if (envColumn >= 0)
            {
                var envCell = Cell(envColumn).Trim();
                rowEnvironment = EnvironmentNames.Name(envCell) ?? (CellValues.IsEmpty(envCell) || envCell.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : envCell.ToLowerInvariant());
            }
            if (rowEnvironment is not null)
            {
                perEnvironment.Insert(0, new EnvironmentValue(rowEnvironment, value, valueIndex >= 0 ? CellAt(valueIndex) : CellAt(nameIndex)));
                value = ValueSpec.None;
            }

            var requiredText = requiredIndex >= 0 ? Cell(requiredIndex) : null;
            _variables.Add(new EnvVariable
            {
                Name = name,
                Description = Cell(IndexOf(columns, ColumnRole.Description)),
                Value = value,
                PerEnvironment = perEnvironment.ToEquatableArray(),
                Required = requiredText is null ? Requirement.Unspecified : CellValues.ParseRequired(requiredText),
                RequiredText = requiredText,
                Scope = scope.ToEquatableArray(),
                Type = IndexOf(columns, ColumnRole.Type) is var t and >= 0 ? Cell(t) : null,
                Location = CellAt(nameIndex),
                ValueLocation = valueIndex >= 0 ? CellAt(valueIndex) : CellAt(nameIndex),
                TableIndex = tableIndex,
            });
        }
    }

    /// <summary>Pipe rows without the |---| line are a paragraph to Markdig: say so when it sits where a config table belongs.</summary>
    private void ReportBrokenTable(ParagraphBlock paragraph)
    {
        // Markdig releases a paragraph's Lines once its inlines are parsed, so look at the source text.
        var lines = source.Text.Substring(paragraph.Span.Start, Math.Min(paragraph.Span.Length, source.Text.Length - paragraph.Span.Start))
            .Split('\n')
            .Select(l => l.TrimStart(QuoteIndent).Trim())
            .Where(l => l.Length > 0)
            .ToList();
        if (lines.Count < 2 || !lines.All(l => l.StartsWith('|') || l.EndsWith('|')))
        {
            return;
        }
        var chain = outline.ChainAt(paragraph.Span.Start);
        if (!chain.Any(h => SectionNames.IsCi(h.Key))
            && chain.Any(h => SectionNames.IsConfiguration(h.Key) || SectionNames.IsEnvironmentVariables(h.Key) || SectionNames.IsSecrets(h.Key)))
        {
            diagnostics.Add(DiagnosticCatalog.BrokenTable, source.At(paragraph.Span.Start, paragraph.Span.Length));
        }
    }

    /// <summary>The location of the row holding <paramref name="offset"/> (after any blockquote markers and indentation) and its text.</summary>
    private (SourceLocation Location, string Text) RowSource(int offset)
    {
        var line = source.LineOf(offset);
        var start = source.LineStart(line);
        var end = line + 1 < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
        var text = source.Text[start..end].TrimEnd('\r', '\n');
        var indent = 0;
        while (indent < text.Length && text[indent] is ' ' or '\t' or '>')
        {
            indent++;
        }
        return (source.At(start + indent, text.Length - indent), text[indent..].Trim());
    }

    /// <summary>The number of cells in a row's source line by GitHub's rule: split at every '|' not escaped by a backslash.</summary>
    private static int WrittenCellCount(string text)
    {
        var pipes = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '|')
            {
                pipes.Add(i);
            }
        }
        var count = pipes.Count + 1;
        if (pipes.Count > 0 && pipes[0] == 0)
        {
            count--;
        }
        if (pipes.Count > 0 && pipes[^1] == text.Length - 1 && text.Length > 1)
        {
            count--;
        }
        return count;
    }

    /// <summary>A "Name | Monthly cost" table with a **Total** row prices resources; it configures nothing.</summary>
    private static bool LooksLikeCostTable(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows, int nameIndex)
    {
        if (headers.Any(h => Outline.Normalize(h) is var key && (key.Contains("cost", StringComparison.Ordinal) || key.Contains("price", StringComparison.Ordinal) || key.Contains('$'))))
        {
            return true;
        }
        return rows.Skip(1).Any(row => row.OfType<TableCell>().ElementAtOrDefault(nameIndex) is { } cell
            && InlineText.Of(cell, inTableCell: true).Trim().Equals("Total", StringComparison.OrdinalIgnoreCase));
    }

    private bool IsComponentHeading(Heading heading) =>
        !SectionNames.IsConfiguration(heading.Key) && !SectionNames.IsEnvironmentVariables(heading.Key)
        && !SectionNames.IsSecrets(heading.Key) && EnvironmentNames.InHeading(heading.Text) is null;

    private static ValueSpec Substitute(ValueSpec value, Func<string, string> substitute) =>
        value with
        {
            Text = value.Text is null ? null : substitute(value.Text),
            Secret = value.Secret is null ? null : substitute(value.Secret),
        };

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

    private static int LastIndex(IReadOnlyList<Heading> chain, Func<Heading, bool> predicate)
    {
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (predicate(chain[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
