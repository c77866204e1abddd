using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>
/// Finds the configuration tables (environment variables, secrets, build-time variables) and reads their rows. Inside the
/// Configuration, Environment Variables and Secrets sections any table with a name column is read; elsewhere a table is
/// read when its header says what it lists (<c>Variable</c>, <c>Env Var</c>, <c>Context Key</c>, <c>Secret Name</c>,
/// <c>AWS Secret Name/Path</c>), or when its names are environment-variable names and its other columns are
/// configuration columns. Tables under headings about CI, the developer's machine or what was removed are never read.
/// </summary>
internal sealed partial class ConfigTableReader(SourceText source, Outline outline, DiagnosticBag diagnostics, IReadOnlyList<PlannedResource> resources)
{
    private static readonly char[] QuoteIndent = [' ', '\t', '>'];

    private readonly List<ConfigTable> _tables = [];
    private readonly List<EnvVariable> _variables = [];
    private readonly List<EnvVariable> _buildTime = [];
    private readonly List<PlannedSecret> _secrets = [];
    private readonly List<PlannedSecret> _secretsFromVariableRows = [];

    public IReadOnlyList<ConfigTable> Tables => _tables;

    public IReadOnlyList<EnvVariable> Variables => _variables;

    public IReadOnlyList<EnvVariable> BuildTimeVariables => _buildTime;

    /// <summary>The secrets of secrets tables, then those only a variable row names (a secret-name or source column, or the value cell).</summary>
    public IReadOnlyList<PlannedSecret> Secrets
    {
        get
        {
            var named = _secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            return [.. _secrets, .. _secretsFromVariableRows.Where(s => named.Add(s.Name))];
        }
    }

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
        if (chain.Any(h => SectionNames.IsCi(h.Key) || SectionNames.IsLocalDevelopment(h.Key) || SectionNames.IsRetired(h.Key)))
        {
            return;
        }
        var inConfiguration = chain.Any(h => SectionNames.IsConfiguration(h.Key));
        var secretsIndex = LastIndex(chain, h => SectionNames.IsSecrets(h.Key));
        var envIndex = LastIndex(chain, h => SectionNames.IsEnvironmentVariables(h.Key));
        var inSection = inConfiguration || secretsIndex >= 0 || envIndex >= 0;

        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var location = source.At(table.Span.Start, table.Span.Length);
        if (!rows[0].IsHeader)
        {
            // Markdig accepts pipe rows without the |---| line as a header-less table; GitHub shows them as text.
            if (inSection)
            {
                diagnostics.Add(DiagnosticCatalog.BrokenTable, location);
            }
            return;
        }
        var headers = rows[0].OfType<TableCell>().Select(c => InlineText.Of(c, inTableCell: true)).ToList();
        var nearest = chain.Count > 0 ? chain[^1] : null;
        if (LooksLikeCostTable(headers, rows))
        {
            return;
        }

        var hasVariableHeader = headers.Any(h => ColumnRoles.IsVariableNameHeader(h) || ColumnRoles.IsContextNameHeader(h));
        var hasSecretHeader = headers.Any(ColumnRoles.IsSecretNameHeader);
        // Under a Secrets heading a lone Variable column still names secrets, as it always has; with a Secret Name
        // column beside it the table maps variables to the secrets they come from.
        var kind = hasVariableHeader
            ? (secretsIndex > envIndex && !hasSecretHeader ? ConfigTableKind.Secrets : ConfigTableKind.EnvironmentVariables)
            : hasSecretHeader || secretsIndex > envIndex ? ConfigTableKind.Secrets : ConfigTableKind.EnvironmentVariables;

        var nameIndex = ColumnRoles.NameColumn(headers, kind, anyName: true);
        if (kind == ConfigTableKind.Secrets && nameIndex < 0 && hasVariableHeader)
        {
            nameIndex = headers.FindIndex(ColumnRoles.IsVariableNameHeader);
        }
        var columns = nameIndex >= 0 ? ColumnRoles.Map(headers, kind).ToList() : [];
        if (!inSection && !hasVariableHeader && !hasSecretHeader)
        {
            // Outside the configuration sections a "Name" column is anything's name: read the table only when its names
            // are environment-variable names and its other columns are configuration columns; say so when it looks like
            // configuration without being readable.
            var namesVariables = nameIndex >= 0 && columns.Count > 0 && NamesAreVariables(rows, nameIndex);
            var cdkVariables = namesVariables && NameCells(rows, nameIndex).SelectMany(c => NameCell.Variables(c).Names).Any(BuildTimeNames.IsBuildTime);
            if (!namesVariables || (!cdkVariables && !columns.Any(c => c.Role is ColumnRole.Value or ColumnRole.Required or ColumnRole.EnvironmentValue or ColumnRole.EnvironmentValues))
                || columns.Any(c => c.Role == ColumnRole.Other))
            {
                ReportUnreadable(headers, location, nameIndex < 0 ? "it has no 'Variable' or 'Secret Name' column" : namesVariables ? "its name column is not headed 'Variable'" : null);
                return;
            }
        }
        if (nameIndex < 0)
        {
            // Tables elsewhere under Configuration (a feature-flag matrix, a gate list) are simply not ours;
            // a table right under an Environment Variables or Secrets heading should have been, unless it lists the
            // keys inside a secret ("Key | Purpose" under a secret's heading).
            if (kind == ConfigTableKind.Secrets && headers.Any(h => Outline.Normalize(h) is var key && (key is "key" or "keys" or "field" or "fields" || key.EndsWith(" key", StringComparison.Ordinal))))
            {
                return;
            }
            if (secretsIndex >= 0 || envIndex >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.MissingNameColumn, location, nearest?.Text ?? "", kind == ConfigTableKind.Secrets ? "'Secret Name', 'Secret', 'Name'" : "'Variable', 'Env Var', 'Name', 'Key'");
            }
            else
            {
                ReportUnreadable(headers, location, null);
            }
            return;
        }
        if (!inSection && kind != ConfigTableKind.Secrets && !NamesLookLikeIdentifiers(rows, nameIndex))
        {
            return;
        }

        // A secret-name column of a variables table says where each variable's value comes from.
        var secretColumn = kind != ConfigTableKind.Secrets ? headers.FindIndex(h => ColumnRoles.IsSecretNameHeader(h)) : -1;
        var environment = nearest is not null ? EnvironmentNames.InHeading(nearest.Text) : null;
        var componentScope = nearest is not null ? ComponentOf(nearest) : null;
        var buildTime = kind == ConfigTableKind.EnvironmentVariables && IsBuildTimeTable(chain, headers, rows, nameIndex, columns);
        if (buildTime)
        {
            kind = ConfigTableKind.BuildTimeVariables;
        }
        var tableIndex = _tables.Count;
        _tables.Add(new ConfigTable(kind, table.Span.Start, table.Span.Length, columns.ToEquatableArray(), nearest?.Text ?? "", environment, location));

        var ticks = Enumerable.Range(0, headers.Count).Select(i => i != nameIndex && IsTickColumn(rows, i)).ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            var header = headers[i];
            if (header.Length == 0 || i == secretColumn)
            {
                continue;
            }
            if (ColumnRoles.Misspelling(header) is { } suggestion)
            {
                diagnostics.Add(DiagnosticCatalog.MisspeltColumn, location, header, suggestion);
            }
            else if (columns[i].Role == ColumnRole.Other && kind != ConfigTableKind.Secrets && !ticks[i])
            {
                diagnostics.Add(DiagnosticCatalog.UnknownEnvironmentColumn, location, header);
            }
        }

        // Markdig widens the whole table to its longest row; the header as written is the reference.
        var headerCells = rows[0].OfType<TableCell>().ToList();
        var headerCount = WrittenCellCount(RowSource(headerCells.Count > 0 ? headerCells[0].Span.Start : rows[0].Span.Start).Text);
        var ciColumns = Enumerable.Range(0, headers.Count).Where(i => ticks[i] && SectionNames.IsCi(Outline.Normalize(headers[i]))).ToList();
        var otherTicks = Enumerable.Range(0, headers.Count).Where(i => ticks[i] && !ciColumns.Contains(i)).ToList();
        var context = new RowContext(columns, headers, nameIndex, secretColumn, environment, componentScope, tableIndex, kind, substitute);
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
            var read = new Row(cells, rowLocation, source);
            if (IsGroupRow(cells, nameIndex) || IsCiOnlyRow(read, ciColumns, otherTicks))
            {
                continue;
            }
            ReadRow(read, context);
        }
    }

    private sealed record RowContext(
        IReadOnlyList<TableColumn> Columns,
        IReadOnlyList<string> Headers,
        int NameIndex,
        int SecretColumn,
        string? Environment,
        string? ComponentScope,
        int TableIndex,
        ConfigTableKind Kind,
        Func<string, string> Substitute)
    {
        public int IndexOf(ColumnRole role)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i].Role == role)
                {
                    return i;
                }
            }
            return -1;
        }
    }

    /// <summary>The cells of one row, read once each.</summary>
    private sealed class Row(List<TableCell> cells, SourceLocation location, SourceText source)
    {
        private readonly string?[] _plain = new string?[cells.Count];
        private readonly string?[] _marked = new string?[cells.Count];

        public SourceLocation Location => location;

        public string Plain(int index) => index >= 0 && index < cells.Count ? _plain[index] ??= InlineText.Of(cells[index], inTableCell: true) : "";

        public string Marked(int index) => index >= 0 && index < cells.Count ? _marked[index] ??= InlineText.Marked(cells[index], inTableCell: true) : "";

        public SourceLocation At(int index) =>
            index >= 0 && index < cells.Count && !cells[index].Span.IsEmpty && cells[index].Span.Start > 0 ? source.At(cells[index].Span.Start, cells[index].Span.Length) : location;
    }

    private void ReadRow(Row row, RowContext context)
    {
        var (columns, headers, nameIndex) = (context.Columns, context.Headers, context.NameIndex);
        var substitute = context.Substitute;
        var nameCell = substitute(row.Marked(nameIndex)).Trim();
        if (ValueCell.Unmark(nameCell).Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyName, row.Location, headers[nameIndex]);
            return;
        }

        var explicitEnvironment = context.Environment;
        var envColumn = context.IndexOf(ColumnRole.Environment);
        if (envColumn >= 0)
        {
            var envCell = row.Plain(envColumn).Trim();
            explicitEnvironment = EnvironmentNames.Name(envCell) ?? (CellValues.IsEmpty(envCell) || envCell.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : envCell.ToLowerInvariant());
        }
        var scopeIndex = context.IndexOf(ColumnRole.Scope);
        var description = row.Plain(context.IndexOf(ColumnRole.Description));
        var ownDescription = description;

        if (context.Kind == ConfigTableKind.Secrets)
        {
            var format = context.IndexOf(ColumnRole.Format) is var f and >= 0 ? row.Plain(f) : null;
            var name = NameCell.Secret(nameCell);
            _secrets.Add(new PlannedSecret
            {
                Name = name,
                Description = description,
                Format = format,
                JsonFields = CellValues.JsonFields(format).ToEquatableArray(),
                Scope = (scopeIndex >= 0 ? CellValues.ParseScope(row.Plain(scopeIndex)) : []).ToEquatableArray(),
                Environment = explicitEnvironment ?? EnvironmentNames.InSecretName(name),
                Location = row.At(nameIndex),
                TableIndex = context.TableIndex,
            });
            return;
        }

        var value = ValueSpec.None;
        var valueIndex = context.IndexOf(ColumnRole.Value);
        var perEnvironment = new List<EnvironmentValue>();
        if (valueIndex >= 0)
        {
            var reading = ReadValue(row, valueIndex, null, nameCell, context);
            value = reading.Default;
            perEnvironment.AddRange(reading.PerEnvironment.Select(e => new EnvironmentValue(e.Environment, e.Value, row.At(valueIndex))));
            if (reading.Prose is { } prose)
            {
                description = description.Length == 0 ? prose : $"{description} ({headers[valueIndex]}: {prose})";
            }
            // "<computed>" with "Name of the DynamoDB table `bookings`, filled in by the stack": the table's attribute.
            if (reading.Placeholder && CellValues.ResourceAttribute(description) is { } attribute)
            {
                value = attribute;
            }
        }
        EnvironmentValue? previous = null;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Role == ColumnRole.EnvironmentValue)
            {
                // "same" (as the column before): the previous environment's value again.
                if (previous is not null && Outline.Normalize(row.Plain(i)) is "same" or "same as above" or "ditto" or "\"" or "〃" or "same as left")
                {
                    previous = new EnvironmentValue(columns[i].Environment!, previous.Value, row.At(i));
                    perEnvironment.Add(previous);
                    continue;
                }
                var reading = ReadValue(row, i, null, nameCell, context);
                if (reading.PerEnvironment.Count > 0)
                {
                    diagnostics.Add(DiagnosticCatalog.AmbiguousValue, row.At(i), headers[i], nameCell);
                }
                else if (reading.Default.Kind != ValueKind.None)
                {
                    previous = new EnvironmentValue(columns[i].Environment!, reading.Default, row.At(i));
                    perEnvironment.Add(previous);
                }
            }
            else if (columns[i].Role == ColumnRole.EnvironmentValues)
            {
                var reading = ReadValue(row, i, columns[i].Environments, nameCell, context);
                if (reading.Default.Kind != ValueKind.None && value.Kind == ValueKind.None)
                {
                    value = reading.Default;
                    valueIndex = i;
                }
                perEnvironment.AddRange(reading.PerEnvironment.Select(e => new EnvironmentValue(e.Environment, e.Value, row.At(i))));
            }
        }
        var valueIsExample = valueIndex >= 0 && columns[valueIndex].IsExample && (value.Kind != ValueKind.None || perEnvironment.Count > 0);
        if (value.Kind == ValueKind.None && perEnvironment.Count == 0)
        {
            (value, valueIndex) = ValueFromOtherColumns(row, context, ownDescription, valueIndex);
        }
        if (value is { Kind: ValueKind.FromSecret, Secret: { Length: > 0 } named })
        {
            _secretsFromVariableRows.Add(new PlannedSecret
            {
                Name = named,
                Description = description,
                Environment = explicitEnvironment ?? EnvironmentNames.InSecretName(named),
                Location = row.At(valueIndex >= 0 ? valueIndex : nameIndex),
                TableIndex = context.TableIndex,
            });
        }

        if (explicitEnvironment is not null)
        {
            perEnvironment.Insert(0, new EnvironmentValue(explicitEnvironment, value, valueIndex >= 0 ? row.At(valueIndex) : row.At(nameIndex)));
            value = ValueSpec.None;
        }

        var requiredIndex = context.IndexOf(ColumnRole.Required);
        var requiredText = requiredIndex >= 0 ? row.Plain(requiredIndex) : null;
        var (names, aliases) = NameCell.Variables(nameCell);
        foreach (var name in names)
        {
            var variable = new EnvVariable
            {
                Name = name,
                Description = description,
                Value = value,
                PerEnvironment = perEnvironment.ToEquatableArray(),
                Required = requiredText is null ? Requirement.Unspecified : CellValues.ParseRequired(requiredText),
                RequiredText = requiredText,
                Scope = (scopeIndex >= 0 ? CellValues.ParseScope(row.Plain(scopeIndex)) : context.ComponentScope is { } component ? [component] : []).ToEquatableArray(),
                Type = context.IndexOf(ColumnRole.Type) is var t and >= 0 ? row.Plain(t) : null,
                Aliases = (names.Count == 1 ? aliases : []).ToEquatableArray(),
                ValueIsExample = valueIsExample,
                Location = row.At(nameIndex),
                ValueLocation = valueIndex >= 0 ? row.At(valueIndex) : row.At(nameIndex),
                TableIndex = context.TableIndex,
            };
            if (context.Kind == ConfigTableKind.BuildTimeVariables || BuildTimeNames.IsBuildTime(name))
            {
                _buildTime.Add(variable);
            }
            else
            {
                _variables.Add(variable);
            }
        }
    }

    /// <summary>
    /// Where a row with no value in its value columns says its value comes from: a secret-name column, a Source column,
    /// a tick in a Secrets Manager column, or a description that names Secrets Manager.
    /// </summary>
    private (ValueSpec Value, int Index) ValueFromOtherColumns(Row row, RowContext context, string description, int valueIndex)
    {
        var substitute = context.Substitute;
        if (context.SecretColumn >= 0 && NameCell.Secret(substitute(row.Marked(context.SecretColumn))) is var secret && !CellValues.IsEmpty(secret))
        {
            return (new ValueSpec(ValueKind.FromSecret, secret, Secret: secret), context.SecretColumn);
        }
        var sourceIndex = context.IndexOf(ColumnRole.Source);
        if (sourceIndex >= 0 && CellValues.ParseSource(substitute(row.Marked(sourceIndex))) is { Kind: not ValueKind.None } fromSource)
        {
            return (fromSource, sourceIndex);
        }
        for (var i = 0; i < context.Headers.Count; i++)
        {
            if (context.Columns[i].Role == ColumnRole.Other && CellValues.MentionsSecret(context.Headers[i]) && CellValues.IsTick(row.Plain(i)))
            {
                return (new ValueSpec(ValueKind.FromSecret, context.Headers[i]), i);
            }
        }
        if (valueIndex >= 0 && CellValues.ParseSource(description) is { Kind: ValueKind.FromSecret } fromDescription && SecretsManagerWords().IsMatch(description))
        {
            return (fromDescription, valueIndex);
        }
        return (ValueSpec.None, valueIndex);
    }

    private ValueCellReading ReadValue(Row row, int index, IReadOnlyList<string>? environments, string name, RowContext context)
    {
        var reading = ValueCell.Read(context.Substitute(row.Marked(index)), environments);
        if (reading.Ambiguous)
        {
            diagnostics.Add(DiagnosticCatalog.AmbiguousValue, row.At(index), context.Headers[index], ValueCell.Unmark(name));
        }
        return reading;
    }

    /// <summary>"| **Payments** | | |": a row that only names the group of the rows below it.</summary>
    private static bool IsGroupRow(List<TableCell> cells, int nameIndex) =>
        nameIndex < cells.Count
        && cells[nameIndex].Descendants<EmphasisInline>().Any() && !cells[nameIndex].Descendants<CodeInline>().Any()
        && cells.Where((_, i) => i != nameIndex).All(c => InlineText.Of(c, inTableCell: true).Trim().Length == 0);

    /// <summary>A row ticked only in a CI column ("GitHub secret? ✅", nothing else ticked) is the pipeline's, not the service's.</summary>
    private static bool IsCiOnlyRow(Row row, List<int> ciColumns, List<int> otherTicks) =>
        ciColumns.Any(i => CellValues.IsTick(row.Plain(i))) && otherTicks.Count > 0 && !otherTicks.Any(i => CellValues.IsTick(row.Plain(i)));

    /// <summary>A column of ticks (✅, —, yes, no): every cell is a tick or empty, and one at least is ticked.</summary>
    private static bool IsTickColumn(List<TableRow> rows, int index)
    {
        var cells = rows.Skip(1).Select(r => r.OfType<TableCell>().ElementAtOrDefault(index)).Select(c => c is null ? "" : InlineText.Of(c, inTableCell: true)).ToList();
        return cells.Any(CellValues.IsTick) && cells.All(c => CellValues.IsTick(c) || CellValues.IsEmpty(c) || CellValues.ParseRequired(c) == Requirement.Optional);
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

    /// <summary>
    /// A table outside the configuration sections that cannot be read but looks like configuration (a misspelt
    /// header, Default and Required columns, or environment-variable names under a "Name" header) is reported,
    /// never dropped in silence.
    /// </summary>
    private void ReportUnreadable(IReadOnlyList<string> headers, SourceLocation location, string? reason)
    {
        var misspelt = headers.Select(h => (Header: h, Suggestion: ColumnRoles.Misspelling(h))).Where(p => p.Suggestion is not null).ToList();
        var roles = ColumnRoles.Map(headers, ConfigTableKind.EnvironmentVariables);
        var configLike = roles.Any(c => c.Role == ColumnRole.Value) && roles.Any(c => c.Role == ColumnRole.Required);
        var variableNames = reason is "its name column is not headed 'Variable'";
        if (misspelt.Count == 0 && !configLike && !variableNames)
        {
            return;
        }
        var why = misspelt.Count > 0 ? $"header {string.Join(", ", misspelt.Select(p => $"'{p.Header}'"))}"
            : configLike ? "it has Default and Required columns" : "its names are environment-variable names";
        diagnostics.Add(DiagnosticCatalog.ConfigurationTableNotRead, location, why, reason ?? "its names are not environment-variable names");
        foreach (var (header, suggestion) in misspelt)
        {
            diagnostics.Add(DiagnosticCatalog.MisspeltColumn, location, header, suggestion!);
        }
    }

    /// <summary>Environment-variable names: upper case with digits and underscores (LOG_LEVEL, PORT), in every row with a name.</summary>
    private static bool NamesAreVariables(List<TableRow> rows, int nameIndex)
    {
        var names = NameCells(rows, nameIndex).SelectMany(c => NameCell.Variables(c).Names).Where(n => n.Length > 0).ToList();
        return names.Count > 0 && names.All(n => n.Length >= 2 && n.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') && char.IsAsciiLetterUpper(n[0]));
    }

    /// <summary>Outside the configuration sections, a Variable column of prose ("arrival rate") is not configuration.</summary>
    private static bool NamesLookLikeIdentifiers(List<TableRow> rows, int nameIndex) =>
        NameCells(rows, nameIndex).SelectMany(c => NameCell.Variables(c).Names).Any(n => n.Length > 0 && !n.Contains(' ', StringComparison.Ordinal));

    private static IEnumerable<string> NameCells(List<TableRow> rows, int nameIndex) =>
        rows.Skip(1).Select(r => r.OfType<TableCell>().ElementAtOrDefault(nameIndex)).OfType<TableCell>().Select(c => InlineText.Marked(c, inTableCell: true));

    /// <summary>
    /// Variables of the build or the deployment rather than of the running compute: a table under a build-time,
    /// deploy-time, CDK context or shell heading, with a context-key column or a deploy-time value column, or holding
    /// CDK's own <c>CDK_*</c> variables under a heading about deploying (elsewhere only those rows are build-time).
    /// </summary>
    private static bool IsBuildTimeTable(IReadOnlyList<Heading> chain, IReadOnlyList<string> headers, List<TableRow> rows, int nameIndex, IReadOnlyList<TableColumn> columns)
    {
        if (chain.Any(h => SectionNames.IsBuildTime(h.Key)) || ColumnRoles.IsContextNameHeader(headers[nameIndex]))
        {
            return true;
        }
        if (columns.Any(c => c.Role == ColumnRole.Value && SectionNames.IsBuildTime(Outline.Normalize(c.Header))))
        {
            return true;
        }
        if (columns.Any(c => c.Role == ColumnRole.Scope) || !chain.Any(h => SectionNames.IsDeployment(h.Key)))
        {
            return false;
        }
        return NameCells(rows, nameIndex).SelectMany(c => NameCell.Variables(c).Names).Any(BuildTimeNames.IsBuildTime);
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

    /// <summary>A "Name | Monthly cost" table, or one with a **Total** row, prices resources; it configures nothing.</summary>
    internal static bool LooksLikeCostTable(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows)
    {
        if (headers.Any(h => Outline.Normalize(h) is var key && (key.Contains("cost", StringComparison.Ordinal) || key.Contains("price", StringComparison.Ordinal)
            || key.Contains("saving", StringComparison.Ordinal) || key.Contains('$'))))
        {
            return true;
        }
        return rows.Skip(1).Any(row => row.OfType<TableCell>().FirstOrDefault() is { } cell
            && InlineText.Of(cell, inTableCell: true).Trim().Equals("Total", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The compute a heading scopes the table under it to, or null. Only a heading that names compute scopes: one of
    /// the plan's functions, services or tasks (its name, which is then the scope, or the words of a name: "Worker" for
    /// <c>orders-worker</c>), a handler file, or a word for a unit of compute. "Logging" or "ECS configuration" scope nothing.
    /// </summary>
    private string? ComponentOf(Heading heading)
    {
        if (SectionNames.IsConfiguration(heading.Key) || SectionNames.IsEnvironmentVariables(heading.Key)
            || SectionNames.IsSecrets(heading.Key) || EnvironmentNames.InHeading(heading.Text) is not null)
        {
            return null;
        }
        var compute = resources.Where(r => r.IsCompute).ToList();
        if (compute.FirstOrDefault(r => TextSearch.ContainsName(heading.Text, r.Name)) is { } named)
        {
            return named.Name;
        }
        var words = heading.Key.Split([' ', '(', ')', ':', ',', '/', '—', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .ToList();
        // "Worker", "Handler (`export.py`)"; not "Service environment properties", which is about a topic.
        if (words.Any(w => HandlerFile().IsMatch(w)) || (words.Any(ComputeWords.Contains) && !words.Any(TopicWords.Contains)))
        {
            return heading.Text;
        }
        foreach (var resource in compute)
        {
            var parts = resource.Name.ToLowerInvariant().Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Count > 0 && words.All(parts.Contains))
            {
                return heading.Text;
            }
        }
        return null;
    }

    private static readonly HashSet<string> TopicWords =
        ["environment", "properties", "property", "configuration", "config", "settings", "variables", "secrets", "options", "parameters", "requirements"];

    private static readonly HashSet<string> ComputeWords =
        ["function", "functions", "handler", "handlers", "worker", "workers", "task", "tasks", "container", "containers", "service", "consumer", "processor", "job"];

    [GeneratedRegex(@"^[\w.-]+\.(?:py|ts|js|mjs|cjs|go|java|cs|rb|kt|rs)$")]
    private static partial Regex HandlerFile();

    [GeneratedRegex(@"secrets?\s+manager", RegexOptions.IgnoreCase)]
    private static partial Regex SecretsManagerWords();

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
