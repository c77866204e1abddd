using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>
/// Finds the configuration tables (environment variables, secrets, build-time variables) and reads their rows. Inside the
/// Configuration, Environment Variables and Secrets sections any table with a name column is read; elsewhere a table is
/// read when its header says what it lists (<c>Variable</c>, <c>Env Var</c>, <c>Secret Name</c>, <c>AWS Secret Name/Path</c>)
/// or its names are all environment-variable names.
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

    /// <summary>The secrets of secrets tables, then those only a variable row names (a <c>Secret Name</c> column of a variables table).</summary>
    public IReadOnlyList<PlannedSecret> Secrets
    {
        get
        {
            var named = _secrets.Select(s => (s.Name, s.Environment)).ToHashSet();
            return [.. _secrets, .. _secretsFromVariableRows.Where(s => named.Add((s.Name, s.Environment)))];
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
        if (chain.Any(h => SectionNames.IsCi(h.Key)))
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
        if (LooksLikeCostTable(headers, rows) || LooksLikeCiTable(table))
        {
            return;
        }

        var hasVariableHeader = headers.Any(ColumnRoles.IsVariableNameHeader);
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
        if (!inSection && !hasVariableHeader && !hasSecretHeader)
        {
            // Outside the configuration sections a "Name" column is anything's name: read the table only when its names
            // are environment-variable names, and say so when it looks like configuration without being readable.
            var roles = ColumnRoles.Map(headers, kind);
            var namesVariables = nameIndex >= 0 && NamesAreVariables(rows, nameIndex);
            if (!namesVariables || !roles.Any(c => c.Role is ColumnRole.Value or ColumnRole.Required) || roles.Any(c => c.Role == ColumnRole.Other))
            {
                ReportUnreadable(headers, location, nameIndex < 0 ? "it has no 'Variable' or 'Secret Name' column" : namesVariables ? "its name column is not headed 'Variable'" : null);
                return;
            }
        }
        if (nameIndex < 0)
        {
            // Tables elsewhere under Configuration (a feature-flag matrix, a gate list) are simply not ours;
            // a table right under an Environment Variables or Secrets heading should have been.
            if (secretsIndex >= 0 || envIndex >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.MissingNameColumn, location, nearest?.Text ?? "", kind == ConfigTableKind.Secrets ? "'Secret Name', 'Secret', 'Name'" : "'Variable', 'Env Var', 'Name', 'Key'");
                ReportMisspelt(headers, location);
            }
            else
            {
                ReportUnreadable(headers, location, null);
            }
            return;
        }
        if (!inSection && kind == ConfigTableKind.EnvironmentVariables && !NamesLookLikeIdentifiers(rows, nameIndex))
        {
            return;
        }

        var columns = ColumnRoles.Map(headers, kind).ToList();
        if (columns[nameIndex].Role != ColumnRole.Name)
        {
            columns = [.. columns.Select((c, i) => i == nameIndex ? c with { Role = ColumnRole.Name } : c.Role == ColumnRole.Name ? c with { Role = ColumnRole.Other } : c)];
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

        for (var i = 0; i < columns.Count; i++)
        {
            var header = headers[i];
            if (columns[i].Role != ColumnRole.Other || header.Length == 0 || i == secretColumn)
            {
                continue;
            }
            if (ColumnRoles.Suggest(header) is { } suggestion)
            {
                diagnostics.Add(DiagnosticCatalog.MisspeltColumn, location, header, suggestion);
            }
            else if (kind != ConfigTableKind.Secrets)
            {
                diagnostics.Add(DiagnosticCatalog.UnknownEnvironmentColumn, location, header);
            }
        }

        // Markdig widens the whole table to its longest row; the header as written is the reference.
        var headerCells = rows[0].OfType<TableCell>().ToList();
        var headerCount = WrittenCellCount(RowSource(headerCells.Count > 0 ? headerCells[0].Span.Start : rows[0].Span.Start).Text);
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
            ReadRow(new Row(cells, rowLocation, source), context);
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

        var rowEnvironment = context.Environment;
        var envColumn = context.IndexOf(ColumnRole.Environment);
        if (envColumn >= 0)
        {
            var envCell = row.Plain(envColumn).Trim();
            rowEnvironment = EnvironmentNames.Name(envCell) ?? (CellValues.IsEmpty(envCell) || envCell.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : envCell.ToLowerInvariant());
        }
        var scopeIndex = context.IndexOf(ColumnRole.Scope);
        var description = row.Plain(context.IndexOf(ColumnRole.Description));

        if (context.Kind == ConfigTableKind.Secrets)
        {
            var format = context.IndexOf(ColumnRole.Format) is var f and >= 0 ? row.Plain(f) : null;
            _secrets.Add(new PlannedSecret
            {
                Name = NameCell.Secret(nameCell),
                Description = description,
                Format = format,
                JsonFields = CellValues.JsonFields(format).ToEquatableArray(),
                Scope = (scopeIndex >= 0 ? CellValues.ParseScope(row.Plain(scopeIndex)) : []).ToEquatableArray(),
                Environment = rowEnvironment,
                Location = row.At(nameIndex),
                TableIndex = context.TableIndex,
            });
            return;
        }

        var (name, aliases) = NameCell.Variable(nameCell);
        var valueIndex = context.IndexOf(ColumnRole.Value);
        var value = ValueSpec.None;
        var perEnvironment = new List<EnvironmentValue>();
        if (valueIndex >= 0)
        {
            var reading = ReadValue(row, valueIndex, null, name, context);
            value = reading.Default;
            perEnvironment.AddRange(reading.PerEnvironment.Select(e => new EnvironmentValue(e.Environment, e.Value, row.At(valueIndex))));
            if (reading.Prose is { } prose)
            {
                description = description.Length == 0 ? prose : $"{description} ({headers[valueIndex]}: {prose})";
            }
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Role == ColumnRole.EnvironmentValue)
            {
                var reading = ReadValue(row, i, null, name, context);
                if (reading.PerEnvironment.Count > 0)
                {
                    diagnostics.Add(DiagnosticCatalog.AmbiguousValue, row.At(i), headers[i], name);
                }
                else if (reading.Default.Kind != ValueKind.None)
                {
                    perEnvironment.Add(new EnvironmentValue(columns[i].Environment!, reading.Default, row.At(i)));
                }
            }
            else if (columns[i].Role == ColumnRole.EnvironmentValues)
            {
                var reading = ReadValue(row, i, columns[i].Environments, name, context);
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
            var sourceIndex = context.IndexOf(ColumnRole.Source);
            if (context.SecretColumn >= 0 && NameCell.Secret(substitute(row.Marked(context.SecretColumn))) is var secret && !CellValues.IsEmpty(secret))
            {
                value = new ValueSpec(ValueKind.FromSecret, secret, Secret: secret);
                valueIndex = context.SecretColumn;
                _secretsFromVariableRows.Add(new PlannedSecret
                {
                    Name = secret,
                    Description = description,
                    Environment = rowEnvironment,
                    Location = row.At(context.SecretColumn),
                    TableIndex = context.TableIndex,
                });
            }
            else if (sourceIndex >= 0 && CellValues.ParseSource(substitute(row.Marked(sourceIndex))) is { Kind: not ValueKind.None } fromSource)
            {
                value = fromSource;
                valueIndex = sourceIndex;
            }
        }

        if (rowEnvironment is not null)
        {
            perEnvironment.Insert(0, new EnvironmentValue(rowEnvironment, value, valueIndex >= 0 ? row.At(valueIndex) : row.At(nameIndex)));
            value = ValueSpec.None;
        }

        var requiredIndex = context.IndexOf(ColumnRole.Required);
        var requiredText = requiredIndex >= 0 ? row.Plain(requiredIndex) : null;
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
            Aliases = aliases.ToEquatableArray(),
            ValueIsExample = valueIsExample,
            Location = row.At(nameIndex),
            ValueLocation = valueIndex >= 0 ? row.At(valueIndex) : row.At(nameIndex),
            TableIndex = context.TableIndex,
        };
        if (context.Kind == ConfigTableKind.BuildTimeVariables || IsBuildTimeName(name))
        {
            _buildTime.Add(variable);
        }
        else
        {
            _variables.Add(variable);
        }
    }

    private ValueCellReading ReadValue(Row row, int index, IReadOnlyList<string>? environments, string name, RowContext context)
    {
        var reading = ValueCell.Read(context.Substitute(row.Marked(index)), environments);
        if (reading.Ambiguous)
        {
            diagnostics.Add(DiagnosticCatalog.AmbiguousValue, row.At(index), context.Headers[index], name);
        }
        return reading;
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

    /// <summary>Headers that are slips of the keyboard for known ones, each with its suggestion.</summary>
    private void ReportMisspelt(IReadOnlyList<string> headers, SourceLocation location)
    {
        foreach (var header in headers)
        {
            if (ColumnRoles.Suggest(header) is { } suggestion)
            {
                diagnostics.Add(DiagnosticCatalog.MisspeltColumn, location, header, suggestion);
            }
        }
    }

    /// <summary>
    /// A table outside the configuration sections that cannot be read but looks like configuration (a misspelt
    /// Variable or Example header, or Default and Required columns) is reported, never dropped in silence.
    /// </summary>
    private void ReportUnreadable(IReadOnlyList<string> headers, SourceLocation location, string? reason)
    {
        var misspelt = headers.Select(h => (Header: h, Suggestion: ColumnRoles.Suggest(h))).Where(p => p.Suggestion is not null).ToList();
        var roles = ColumnRoles.Map(headers, ConfigTableKind.EnvironmentVariables);
        var configLike = roles.Any(c => c.Role == ColumnRole.Value) && roles.Any(c => c.Role == ColumnRole.Required);
        if (misspelt.Count == 0 && !configLike && reason is not "its name column is not headed 'Variable'")
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
        var names = rows.Skip(1).Select(r => r.OfType<TableCell>().ElementAtOrDefault(nameIndex)).OfType<TableCell>()
            .Select(c => NameCell.Variable(InlineText.Marked(c, inTableCell: true)).Name).Where(n => n.Length > 0).ToList();
        return names.Count > 0 && names.All(n => n.Length >= 2 && n.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') && char.IsAsciiLetterUpper(n[0]));
    }

    /// <summary>Outside the configuration sections, a Variable column of prose ("arrival rate") is not configuration.</summary>
    private static bool NamesLookLikeIdentifiers(List<TableRow> rows, int nameIndex) =>
        rows.Skip(1).Select(r => r.OfType<TableCell>().ElementAtOrDefault(nameIndex)).OfType<TableCell>()
            .Select(c => NameCell.Variable(InlineText.Marked(c, inTableCell: true)).Name)
            .Any(n => n.Length > 0 && !n.Contains(' ', StringComparison.Ordinal));

    /// <summary>
    /// Variables of the build or the deployment rather than of the running compute: a table under a build-time,
    /// deploy-time or CDK context heading, with a context-key column, or holding CDK's own <c>CDK_*</c> variables
    /// (unless a scope column ties its rows to compute).
    /// </summary>
    private static bool IsBuildTimeTable(IReadOnlyList<Heading> chain, IReadOnlyList<string> headers, List<TableRow> rows, int nameIndex, IReadOnlyList<TableColumn> columns)
    {
        if (chain.Any(h => SectionNames.IsBuildTime(h.Key)))
        {
            return true;
        }
        var nameKey = Outline.Normalize(headers[nameIndex]);
        if (nameKey.Contains("context", StringComparison.Ordinal))
        {
            return true;
        }
        if (columns.Any(c => c.Role == ColumnRole.Scope))
        {
            return false;
        }
        return rows.Skip(1).Select(r => r.OfType<TableCell>().ElementAtOrDefault(nameIndex)).OfType<TableCell>()
            .Any(c => IsBuildTimeName(NameCell.Variable(InlineText.Marked(c, inTableCell: true)).Name));
    }

    /// <summary>CDK's own variables (<c>CDK_DEFAULT_ACCOUNT</c>, <c>CDK_DEPLOY_REGION</c>) are read by the CDK app, never by a function.</summary>
    private static bool IsBuildTimeName(string name) => name.StartsWith("CDK_", StringComparison.Ordinal);

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
    private static bool LooksLikeCostTable(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows)
    {
        if (headers.Any(h => Outline.Normalize(h) is var key && (key.Contains("cost", StringComparison.Ordinal) || key.Contains("price", StringComparison.Ordinal) || key.Contains('$'))))
        {
            return true;
        }
        return rows.Skip(1).Any(row => row.OfType<TableCell>().FirstOrDefault() is { } cell
            && InlineText.Of(cell, inTableCell: true).Trim().Equals("Total", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A table right after a paragraph about GitHub Actions or CI secrets lists the pipeline's secrets, not the application's.</summary>
    private static bool LooksLikeCiTable(Table table)
    {
        if (table.Parent is not ContainerBlock parent)
        {
            return false;
        }
        var index = parent.IndexOf(table);
        if (index <= 0 || parent[index - 1] is not ParagraphBlock paragraph)
        {
            return false;
        }
        var text = Outline.Normalize(InlineText.Of(paragraph));
        return text.Contains("github", StringComparison.Ordinal) || text.Contains("repository secret", StringComparison.Ordinal)
            || (SectionNames.IsCi(text) && text.Contains("secret", StringComparison.Ordinal));
    }

    /// <summary>
    /// The compute a heading scopes the table under it to, or null. Only a heading that names compute scopes: one of
    /// the plan's functions, services or tasks (its name, which is then the scope, or the words of a name: "Worker" for
    /// <c>orders-worker</c>), a handler file, or a compute word. "Logging" or "Shared settings" scope nothing.
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
        if (words.Any(w => HandlerFile().IsMatch(w) || ComputeWords.Contains(w)))
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

    private static readonly HashSet<string> ComputeWords =
        ["lambda", "function", "functions", "handler", "handlers", "worker", "workers", "task", "tasks", "container", "containers", "service", "consumer", "processor", "job", "fargate", "ecs"];

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w.-]+\.(?:py|ts|js|mjs|cjs|go|java|cs|rb|kt|rs)$")]
    private static partial System.Text.RegularExpressions.Regex HandlerFile();

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
