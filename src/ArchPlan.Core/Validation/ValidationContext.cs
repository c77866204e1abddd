using ArchPlan.Diagnostics;
using ArchPlan.Generation.Naming;
using ArchPlan.Model;

namespace ArchPlan.Validation;

/// <summary>The plan under validation with the lookups several rules share.</summary>
internal sealed class ValidationContext
{
    private int[]? _lineStarts;
    private ScopeIndex? _scopes;
    private readonly Dictionary<EnvVariable, (IReadOnlyList<PlannedResource> Targets, bool Named)> _targets = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(Plan plan, string sourceText)
    {
        Plan = plan;
        SourceText = sourceText;
        Compute = [.. plan.Resources.Where(r => r.IsCompute)];
        LambdaFunctions = [.. plan.Resources.Where(r => r.Kind == ResourceKind.LambdaFunction)];
    }

    public Plan Plan { get; }

    public string SourceText { get; }

    public IReadOnlyList<PlannedResource> Compute { get; }

    public IReadOnlyList<PlannedResource> LambdaFunctions { get; }

    /// <summary>The whole plan file, for problems that belong to no line.</summary>
    public SourceLocation FileLocation => SourceLocation.OfFile(Plan.FilePath);

    /// <summary>The compute resources a variable reaches: every one when it has no scope.</summary>
    /// <remarks>
    /// Scope cells are read exactly as the generator reads them (<see cref="ScopeIndex"/>): an entry names a compute by
    /// the words of its name, by its kind ("Lambda") or by a handler file its item mentions. A scope none of whose
    /// entries names a compute reaches every compute, as in the generated app. Worked out once per variable.
    /// </remarks>
    public IReadOnlyList<PlannedResource> ComputeTargets(EnvVariable variable) => Resolve(variable).Targets;

    /// <summary>True when the variable ends up in at least one Lambda function's environment.</summary>
    public bool ReachesLambda(EnvVariable variable) =>
        ComputeTargets(variable).Any(r => r.Kind == ResourceKind.LambdaFunction);

    /// <summary>
    /// The environments a row applies to: null for every environment; an empty set when the row belongs
    /// to an environment ArchPlan cannot tell (an Environment column with no value for it).
    /// </summary>
    public IReadOnlySet<string>? EnvironmentsOf(EnvVariable variable) => EnvironmentsOf(variable.TableIndex, variable.PerEnvironment.Select(v => v.Environment));

    public IReadOnlySet<string>? EnvironmentsOf(PlannedSecret secret) => EnvironmentsOf(secret.TableIndex, []);

    /// <summary>True when two rows compete for the same environment.</summary>
    /// <remarks>
    /// A row for named environments next to a row for every environment is an override (a "Production"
    /// table after the general one), not a clash; two general rows, or two rows for a shared environment, clash.
    /// </remarks>
    public static bool Overlap(IReadOnlySet<string>? first, IReadOnlySet<string>? second) => (first, second) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ => first.Overlaps(second),
    };

    /// <summary>
    /// The computes a variable's scope names, or null when it has no scope or names none of them (the variable then
    /// reaches every compute).
    /// </summary>
    public IReadOnlyList<PlannedResource>? NamedTargets(EnvVariable variable) =>
        variable.Scope.Count > 0 && Resolve(variable) is { Named: true } resolved ? resolved.Targets : null;

    /// <summary>True when a scope entry names a compute, or every compute.</summary>
    public bool NamesCompute(string entry) => Scopes.Entry(entry) is not { Count: 0 };

    private ScopeIndex Scopes => _scopes ??= new ScopeIndex(Compute);

    private (IReadOnlyList<PlannedResource> Targets, bool Named) Resolve(EnvVariable variable)
    {
        if (!_targets.TryGetValue(variable, out var found))
        {
            var resolution = Scopes.Resolve(variable.Scope);
            found = ([.. resolution.Targets.Select(i => Compute[i])], resolution.Named);
            _targets[variable] = found;
        }
        return found;
    }

    /// <summary>Where a variable's value is: its value cell, else its name cell.</summary>
    public static SourceLocation ValueLocationOf(EnvVariable variable) =>
        variable.ValueLocation.HasPosition ? variable.ValueLocation : variable.Location;

    /// <summary>The 1-based line and column of a character offset in the source text.</summary>
    public SourceLocation LocationOf(int offset, int length = 0)
    {
        var starts = LineStarts();
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourceLocation(Plan.FilePath, line + 1, offset - starts[line] + 1, offset, length);
    }

    /// <summary>
    /// Narrows a row's location to the table cell holding <paramref name="text"/> on the same line. The
    /// model keeps locations only for name and value cells; description, format and Required cells are
    /// found this way: first a cell whose text (without code and bold markers) is exactly
    /// <paramref name="text"/>, then any occurrence on the line, else the row itself.
    /// </summary>
    public SourceLocation LocateOnLine(SourceLocation row, string text)
    {
        var starts = LineStarts();
        var wanted = text.Trim();
        if (!row.HasPosition || row.Line > starts.Length || wanted.Length == 0)
        {
            return row;
        }
        var lineStart = starts[row.Line - 1];
        var lineEnd = row.Line < starts.Length ? starts[row.Line] - 1 : SourceText.Length;
        var line = SourceText[lineStart..Math.Max(lineStart, lineEnd)].TrimEnd('\r', '\n');

        foreach (var (cellStart, cellLength) in Cells(line))
        {
            var cell = line.Substring(cellStart, cellLength);
            var content = cell.Trim();
            if (string.Equals(Plain(content), wanted, StringComparison.Ordinal))
            {
                var offset = lineStart + cellStart + cell.IndexOf(content, StringComparison.Ordinal);
                return row with { Column = offset - lineStart + 1, Start = offset, Length = content.Length };
            }
        }
        var index = line.IndexOf(wanted, StringComparison.Ordinal);
        return index < 0 ? row : row with { Column = index + 1, Start = lineStart + index, Length = wanted.Length };
    }

    /// <summary>Each line of the source: its 1-based number, start offset and text without the line ending.</summary>
    public IEnumerable<(int Number, int Start, string Text)> Lines()
    {
        var starts = LineStarts();
        for (var i = 0; i < starts.Length; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : SourceText.Length;
            yield return (i + 1, starts[i], SourceText[starts[i]..end].TrimEnd('\r', '\n'));
        }
    }

    /// <summary>The cells of a pipe-table row: start and length of the text between unescaped pipes.</summary>
    private static IEnumerable<(int Start, int Length)> Cells(string line)
    {
        var cellStart = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == '|' && (i == 0 || line[i - 1] != '\\')))
            {
                yield return (cellStart, i - cellStart);
                cellStart = i + 1;
            }
        }
    }

    private static string Plain(string cell) => cell.Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal).Trim();

    private IReadOnlySet<string>? EnvironmentsOf(int tableIndex, IEnumerable<string> rowEnvironments)
    {
        var table = tableIndex >= 0 && tableIndex < Plan.Tables.Count ? Plan.Tables[tableIndex] : null;
        if (table?.Environment is { } environment)
        {
            return new HashSet<string>([environment], StringComparer.OrdinalIgnoreCase);
        }
        if (table is not null && table.Columns.Any(c => c.Role == ColumnRole.Environment))
        {
            return new HashSet<string>(rowEnvironments, StringComparer.OrdinalIgnoreCase);
        }
        return null;
    }

    private int[] LineStarts()
    {
        if (_lineStarts is null)
        {
            // CommonMark's line endings: LF, CRLF and a lone CR. U+2028 and friends are not line endings.
            var starts = new List<int> { 0 };
            for (var i = 0; i < SourceText.Length; i++)
            {
                if (SourceText[i] == '\n' || (SourceText[i] == '\r' && (i + 1 == SourceText.Length || SourceText[i + 1] != '\n')))
                {
                    starts.Add(i + 1);
                }
            }
            _lineStarts = [.. starts];
        }
        return _lineStarts;
    }
}
