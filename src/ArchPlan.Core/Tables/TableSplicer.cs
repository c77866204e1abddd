using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Tables;

/// <summary>Options for rewriting a plan's configuration tables.</summary>
/// <param name="KeepRemoved">Keep rows for variables and secrets the code no longer has, with the name struck through (<c>~~`X`~~</c>).</param>
/// <param name="Environment">The environment the infrastructure is for; overrides the one read from the stack name.</param>
public sealed record TablesOptions(bool KeepRemoved = false, string? Environment = null);

/// <summary>
/// Rewrites a plan's Environment Variables and Secrets tables from code by splicing over each table's exact source
/// span, so every byte outside the tables stays as it was. A table whose content is already current is not touched
/// at all (not even re-padded), which makes <c>--check</c> a pure content check and a second <c>--write</c> a no-op.
/// </summary>
public static class TableSplicer
{
    // The reader's own pipeline: the same spans and the same cell boundaries as the plan model.
    private static readonly MarkdownPipeline Pipeline = PlanReader.Pipeline;

    /// <summary>The plan text (without BOM) with its tables brought up to date with <paramref name="model"/>.</summary>
    public static StageResult<string> Splice(string text, Plan plan, TableModel model, TablesOptions? options = null)
    {
        options ??= new TablesOptions();
        model = WithPlanNames(model, plan);
        var diagnostics = new DiagnosticBag();
        var source = new SourceText(plan.FilePath, text);
        // Parse what the reader parsed (the guard blanks pathological lines, keeping every offset), so spans agree.
        var frontMatter = FrontMatterReader.Find(text);
        var parseable = MarkdownGuard.Prepare(source, frontMatter is { Closed: true } block ? block.End : 0, new DiagnosticBag());
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(parseable ?? throw new InvalidOperationException("nested too deeply"), Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            // The reader could not parse it either: leave the plan exactly as it is.
            diagnostics.Add(DiagnosticCatalog.MarkdownTooDeep, SourceLocation.OfFile(plan.FilePath), ex.Message);
            return new StageResult<string>(text, diagnostics.ToImmutableSorted());
        }
        string Substitute(string s) => plan.Product is null ? s : s.Replace("[product]", plan.Product, StringComparison.Ordinal);

        var markdigTables = document.Descendants<Table>().GroupBy(t => t.Span.Start).ToDictionary(g => g.Key, g => g.First());
        var tables = new List<EditableTable>();
        foreach (var table in plan.Tables)
        {
            if (markdigTables.TryGetValue(table.Start, out var found))
            {
                tables.Add(EditableTable.Read(text, table, found, source, Substitute));
            }
        }

        var environment = EditableTable.Canonical(options.Environment ?? model.Environment);
        var variableTables = tables.Where(t => t.Info.Kind == ConfigTableKind.EnvironmentVariables).ToList();
        var secretTables = tables.Where(t => t.Info.Kind == ConfigTableKind.Secrets).ToList();
        model = WithSecretNames(model, plan, secretTables.Any(t => t.UsesProductPlaceholder));
        UpdateVariables(variableTables, model, plan, environment, options, diagnostics);
        UpdateSecrets(secretTables, model, plan, options, diagnostics);

        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var table in tables.Where(t => t.Changed))
        {
            edits.Add((table.Info.Start, table.Info.Length, table.Render()));
        }
        edits.AddRange(Insertions(text, document, plan, model, variableTables, secretTables, tables, diagnostics));

        var result = text;
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            result = string.Concat(result.AsSpan(0, start), replacement, result.AsSpan(start + length));
        }
        return new StageResult<string>(result, diagnostics.ToImmutableSorted());
    }

    private static void UpdateVariables(List<EditableTable> tables, TableModel model, Plan plan, string? environment, TablesOptions options, DiagnosticBag diagnostics)
    {
        var byName = new Dictionary<string, CodeVariable>(StringComparer.Ordinal);
        foreach (var variable in model.Variables)
        {
            byName.TryAdd(variable.Name, variable);
        }
        foreach (var variable in model.Variables)
        {
            foreach (var alias in variable.Aliases)
            {
                byName.TryAdd(alias, variable);
            }
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var slots = new Dictionary<CodeVariable, List<ValueSlot>>();
        foreach (var table in tables)
        {
            RemoveOrMatch(table, name => byName.GetValueOrDefault(name)?.Name, present, options, diagnostics, table.IsUnsetOptional);
            ReportDuplicates(table, diagnostics);
            foreach (var row in table.Rows.Where(r => !r.Struck && r.Name.Length > 0))
            {
                if (!byName.TryGetValue(row.Name, out var variable))
                {
                    continue;
                }
                var list = slots.ListFor(variable);
                list.AddRange(table.ValueSlots(row));
            }
        }

        foreach (var (variable, list) in slots)
        {
            RefreshValues(variable.Value, list, environment, slot => LeftToDeployTime(slot, plan));
        }

        var missing = model.Variables.Where(v => !present.Contains(v.Name) && !IsSecretCarrier(v, plan)).ToList();
        if (missing.Count == 0 || tables.Count == 0)
        {
            return;
        }
        // One table per environment gets every new row; otherwise the first table does.
        var targets = tables.All(t => t.Info.Environment is not null) ? tables : [tables[0]];
        foreach (var variable in missing)
        {
            diagnostics.Add(DiagnosticCatalog.TablesRowAdded, targets[0].Info.Location, variable.Name);
            foreach (var table in targets)
            {
                table.AddRow(table.NewVariableRow(variable, environment));
            }
        }
    }

    private static void UpdateSecrets(List<EditableTable> tables, TableModel model, Plan plan, TablesOptions options, DiagnosticBag diagnostics)
    {
        var byName = model.Secrets.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            RemoveOrMatch(table, name => byName.ContainsKey(name) ? name : null, present, options, diagnostics, _ => false);
            ReportDuplicates(table, diagnostics);
            var format = table.IndexOf(ColumnRole.Format);
            if (format < 0)
            {
                continue;
            }
            var codeStyle = table.FormatCodeStyle(format);
            foreach (var row in table.Rows.Where(r => !r.Struck && r.Name.Length > 0))
            {
                if (!byName.TryGetValue(row.Name, out var secret))
                {
                    continue;
                }
                var current = CellValues.JsonFields(row.Plain(format));
                var isCurrent = secret.Shape switch
                {
                    // The code shows the fields it reads; the secret may hold more (a database secret's host and port), which
                    // the plan documents and the code has no reason to read.
                    SecretShape.Json => current.Count > 0 && secret.Fields.All(current.Contains),
                    // A blank Format says nothing the code contradicts.
                    SecretShape.Plain => current.Count == 0,
                    _ => true,
                };
                if (!isCurrent)
                {
                    // Fields the plan already lists keep its order; fields new to it follow, sorted.
                    var ordered = current.Concat(secret.Fields.Except(current)).ToEquatableArray();
                    table.SetCell(row, format, TableRenderer.FormatCell(secret with { Fields = ordered }, codeStyle)!);
                }
            }
        }

        var missing = model.Secrets.Where(s => !present.Contains(s.Name)).ToList();
        if (missing.Count == 0 || tables.Count == 0)
        {
            return;
        }
        var target = tables[0];
        foreach (var secret in missing)
        {
            diagnostics.Add(DiagnosticCatalog.TablesRowAdded, target.Info.Location, secret.Name);
            target.AddRow(target.NewSecretRow(secret, plan.Product));
        }
    }

    /// <summary>Drops (or strikes through) rows whose name the code no longer has, and un-strikes rows whose name is back.</summary>
    private static void RemoveOrMatch(EditableTable table, Func<string, string?> find, HashSet<string> present, TablesOptions options, DiagnosticBag diagnostics,
        Func<EditableRow, bool> absenceSaysNothing)
    {
        foreach (var row in table.Rows.ToList())
        {
            if (row.Name.Length == 0)
            {
                // A row without a name is not configuration (the reader skipped it too): leave it as written.
                continue;
            }
            if (find(row.Name) is { } codeName)
            {
                present.Add(codeName);
                if (row.Struck)
                {
                    table.Unstrike(row);
                }
                continue;
            }
            if (absenceSaysNothing(row))
            {
                continue;
            }
            if (options.KeepRemoved)
            {
                if (!row.Struck)
                {
                    diagnostics.Add(DiagnosticCatalog.TablesRowRemoved, row.Location, row.Name, "kept and struck through");
                    table.Strike(row);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.TablesRowRemoved, row.Location, row.Name, "removed");
                table.Remove(row);
            }
        }
    }

    private static void ReportDuplicates(EditableTable table, DiagnosticBag diagnostics)
    {
        if (table.IndexOf(ColumnRole.Environment) >= 0)
        {
            return;
        }
        var seen = new Dictionary<string, EditableRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => r.Name.Length > 0))
        {
            if (!seen.TryAdd(row.Name, row))
            {
                diagnostics.Add(DiagnosticCatalog.TablesDuplicateRow, row.Location, row.Name, seen[row.Name].Location.Line);
            }
        }
    }

    /// <summary>
    /// Brings a variable's value cells up to date. With one Example/Default column that is simple; with values per
    /// environment the code shows one environment's value, so: refresh that environment's cells when the stack names
    /// it, else the cells that apply to every environment, else leave the row alone when any cell already agrees and
    /// put the one value everywhere when none does.
    /// </summary>
    private static void RefreshValues(CodeValue value, List<ValueSlot> slots, string? environment, Func<ValueSlot, bool> leftToDeployTime)
    {
        if (value.Kind == CodeValueKind.Unknown || slots.Count == 0)
        {
            return;
        }
        // A literal in the infrastructure for a value the plan leaves to deploy time came from context (cdk synth -c):
        // it is the deployment's, not the plan's, and writing it into the plan would turn it into the plan's example.
        bool Current(ValueSlot slot) => IsCurrent(slot.Current, value) || (value.Kind == CodeValueKind.Literal && leftToDeployTime(slot));
        var targets = environment is not null && slots.Any(s => s.Environment == environment)
            ? slots.Where(s => s.Environment == environment).ToList()
            : slots.Any(s => s.Environment is null)
                ? slots.Where(s => s.Environment is null).ToList()
                : slots.Any(Current) ? [] : slots;
        foreach (var slot in targets.Where(s => !Current(s)))
        {
            slot.Table.SetCell(slot.Row, slot.Column, TableRenderer.ValueCell(value, slot.Table.ValueCodeStyle(slot.Column)));
        }
    }

    /// <summary>
    /// True when the plan leaves the cell's value to deploy time: a required variable without a value (synth needs
    /// <c>-c NAME=value</c>), or a value from a resource the plan does not create (<c>_(from the partner feed)_</c>,
    /// given with <c>-c</c> too). The generated code reads both from CDK context.
    /// </summary>
    private static bool LeftToDeployTime(ValueSlot slot, Plan plan)
    {
        if (slot.Current.Kind == ValueKind.FromResource)
        {
            return !Validation.Rules.ResourceWords.Resolve(slot.Current.Resource ?? slot.Current.Text ?? "", plan);
        }
        var required = slot.Table.IndexOf(ColumnRole.Required);
        return slot.Current.Kind == ValueKind.None && required >= 0 && CellValues.ParseRequired(slot.Row.Plain(required)) == Requirement.Required;
    }

    /// <summary>
    /// True for the variable the generator adds to carry a planned secret's ARN when no variable of the plan names the
    /// secret (<c>STRIPE_API_KEY_SECRET_ARN</c> for <c>payments/stripe/api-key</c>): the secret's row stands for it, it is
    /// not a variable of its own.
    /// </summary>
    private static bool IsSecretCarrier(CodeVariable variable, Plan plan) =>
        variable.Value.Kind == CodeValueKind.FromSecret
        && plan.Secrets.Any(s => string.Equals(s.Name, variable.Value.Text, StringComparison.Ordinal)
            && variable.Aliases.Contains(Generation.Planning.StackPlanner.SecretArnVariable(s.Name, plan.Product)));

    /// <summary>True when the plan's cell already says what the code does (the plan's own words for a resource are kept).</summary>
    internal static bool IsCurrent(ValueSpec cell, CodeValue code) => code.Kind switch
    {
        CodeValueKind.Literal when string.IsNullOrEmpty(code.Text) => cell.Kind == ValueKind.None || cell is { Kind: ValueKind.Literal, Text: "" },
        CodeValueKind.Literal => cell.Kind == ValueKind.Literal && cell.Text == code.Text,
        CodeValueKind.FromResource => cell.Kind == ValueKind.FromResource,
        CodeValueKind.FromSecret => cell.Kind == ValueKind.FromSecret,
        _ => true,
    };

    /// <summary>New tables (or a whole Configuration section) for plans that lack them, placed where the template puts them.</summary>
    private static IEnumerable<(int Start, int Length, string Text)> Insertions(
        string text, MarkdownDocument document, Plan plan, TableModel model,
        List<EditableTable> variableTables, List<EditableTable> secretTables, List<EditableTable> all, DiagnosticBag diagnostics)
    {
        var newLine = EditableTable.FileNewLine(text);
        var needVariables = variableTables.Count == 0 && model.Variables.Count > 0;
        var needSecrets = secretTables.Count == 0 && model.Secrets.Count > 0;
        if (!needVariables && !needSecrets)
        {
            yield break;
        }

        var sections = plan.Sections;
        if (all.Count == 0 && sections.Configuration is null)
        {
            var offset = sections.ConfigurationInsertOffset;
            if (offset is null)
            {
                diagnostics.Add(DiagnosticCatalog.TablesSectionAppended, SourceLocation.OfFile(plan.FilePath));
            }
            var at = LineStart(text, offset ?? text.Length);
            var body = string.Concat(
                "## Configuration", newLine, newLine,
                "### ", TableRenderer.VariablesHeading, newLine, newLine,
                TableRenderer.RenderVariables(model, newLine), newLine, newLine,
                "### ", TableRenderer.SecretsHeading, newLine, newLine,
                TableRenderer.RenderSecrets(model, newLine), newLine, newLine,
                "---");
            yield return (at, 0, Surround(text, at, body, newLine));
            yield break;
        }

        if (needVariables)
        {
            yield return InsertTable(text, document, sections.EnvironmentVariables, sections.Configuration, all,
                TableRenderer.VariablesHeading, TableRenderer.RenderVariables(model, newLine), newLine);
        }
        if (needSecrets)
        {
            yield return InsertTable(text, document, sections.Secrets, sections.Configuration, all,
                TableRenderer.SecretsHeading, TableRenderer.RenderSecrets(model, newLine), newLine);
        }
    }

    /// <summary>One missing table: under its own heading when the plan has one, else as a new subsection at the end of Configuration.</summary>
    private static (int Start, int Length, string Text) InsertTable(
        string text, MarkdownDocument document, SourceLocation? ownHeading, SourceLocation? configuration, List<EditableTable> all,
        string heading, string table, string newLine)
    {
        if (ownHeading is { } own && SectionEnd(text, document, own) is { } ownEnd)
        {
            return (ownEnd.Offset, 0, Surround(text, ownEnd.Offset, table, newLine));
        }
        if (configuration is { } section && SectionEnd(text, document, section) is { } sectionEnd)
        {
            var body = string.Concat(new string('#', sectionEnd.Level + 1), " ", heading, newLine, newLine, table);
            return (sectionEnd.Offset, 0, Surround(text, sectionEnd.Offset, body, newLine));
        }
        // Tables without a Configuration heading: the new one follows the last of them.
        var last = all.OrderBy(t => t.Info.Start).Last();
        var after = last.Info.Start + last.Info.Length;
        return (after, 0, string.Concat(newLine, newLine, "### ", heading, newLine, newLine, table));
    }

    /// <summary>Where the section under a heading ends: before its closing <c>---</c> if it has one, else at the next heading of the same or a higher level.</summary>
    private static (int Offset, int Level)? SectionEnd(string text, MarkdownDocument document, SourceLocation heading)
    {
        var blocks = document.ToList();
        var index = blocks.FindIndex(b => b is HeadingBlock h && h.Line == heading.Line - 1);
        if (index < 0)
        {
            return null;
        }
        var level = ((HeadingBlock)blocks[index]).Level;
        var next = index + 1;
        while (next < blocks.Count && !(blocks[next] is HeadingBlock h && h.Level <= level))
        {
            next++;
        }
        var lastBlock = next - 1 > index ? blocks[next - 1] : null;
        var offset = lastBlock is ThematicBreakBlock
            ? LineStart(text, lastBlock.Span.Start)
            : next < blocks.Count ? LineStart(text, blocks[next].Span.Start) : text.Length;
        return (offset, level);
    }

    /// <summary>Puts <paramref name="body"/> at <paramref name="at"/> with a blank line on each side, keeping the file's final newline or its absence.</summary>
    private static string Surround(string text, int at, string body, string newLine)
    {
        var before = text[..at];
        var lead = before.Length == 0 || before.EndsWith(newLine + newLine, StringComparison.Ordinal) ? ""
            : before.EndsWith(newLine, StringComparison.Ordinal) ? newLine
            : newLine + newLine;
        if (at >= text.Length)
        {
            // At the end of the file: end with a line break only when the file did.
            var endsWithNewLine = text.Length > 0 && (text[^1] == '\n' || text[^1] == '\r');
            return lead + body + (endsWithNewLine ? newLine : "");
        }
        return lead + body + newLine + newLine;
    }

    private static int LineStart(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var start = offset;
        while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r')
        {
            start--;
        }
        return text.AsSpan(start, offset - start).Trim(" \t").Length == 0 ? start : offset;
    }

    /// <summary>
    /// With several secrets, <c>_(Secrets Manager)_</c> would not say which one: a value cell the code decides names
    /// the secret (<c>_(from secret [product]/stripe/api-key)_</c>), keeping the placeholder when the secrets table uses it.
    /// </summary>
    private static TableModel WithSecretNames(TableModel model, Plan plan, bool placeholder)
    {
        if (plan.Secrets.Count <= 1)
        {
            return model;
        }
        string Named(string secret) =>
            placeholder && plan.Product is { } product && secret.StartsWith(product + "/", StringComparison.Ordinal) ? "[product]" + secret[product.Length..] : secret;
        var variables = model.Variables
            .Select(v => v.Value is { Kind: CodeValueKind.FromSecret, Text: { Length: > 0 } secret } ? v with { Value = v.Value with { Secret = Named(secret) } } : v)
            .ToEquatableArray();
        return model with { Variables = variables };
    }

    /// <summary>
    /// Writes a Used by cell in the plan's words: a compute the code names <c>PaymentsHandlerFunction</c> is the
    /// plan's <c>payments-handler</c> when the diff's name matching says so; unmatched names stay as the code has them.
    /// </summary>
    internal static TableModel WithPlanNames(TableModel model, Plan plan)
    {
        // The first plan compute (in plan order) having each name form, per kind: one lookup per form of a Used by
        // name instead of comparing it with every plan compute (variables × users × compute, quadratic in the template).
        var compute = plan.Resources.Where(r => r.IsCompute).ToList();
        var firstWithName = new Dictionary<(ResourceKind Kind, string Name), int>();
        for (var i = 0; i < compute.Count; i++)
        {
            foreach (var name in Diffing.NameMatcher.PlanNames(compute[i].Name, compute[i].Kind, plan.Product))
            {
                firstWithName.TryAdd((compute[i].Kind, name), i);
            }
        }
        var kinds = compute.Select(r => r.Kind).Distinct().ToList();
        var inPlanWords = new Dictionary<string, string>(StringComparer.Ordinal);
        string InPlanWords(string used)
        {
            if (inPlanWords.TryGetValue(used, out var known))
            {
                return known;
            }
            var construct = used.Split('/')[0];
            var first = int.MaxValue;
            foreach (var kind in kinds)
            {
                foreach (var name in Diffing.NameMatcher.PlanNames(construct, kind, plan.Product))
                {
                    if (firstWithName.TryGetValue((kind, name), out var index) && index < first)
                    {
                        first = index;
                    }
                }
            }
            return inPlanWords[used] = first == int.MaxValue ? used : compute[first].Name;
        }
        // A value from a resource is written with the plan's name for it (_(from payments)_, not the construct id
        // PaymentsTable): the resource diff pairs with the referenced one, which the reader and the generator resolve back.
        var namesOf = plan.Resources.Select(r => (Resource: r, Names: Diffing.NameMatcher.PlanNames(r.Name, r.Kind, plan.Product))).ToList();
        // One search of the plan's resources per referenced resource, not per variable (variables × resources).
        var plannedFor = new Dictionary<InfraResource, PlannedResource?>(ReferenceEqualityComparer.Instance);
        string ResourceInPlanWords(CodeValue value)
        {
            if (value.Target is not { } target)
            {
                return value.Resource!;
            }
            if (!plannedFor.TryGetValue(target, out var planned))
            {
                var names = Diffing.NameMatcher.InfraNames(target.LogicalId, target.CdkPath, target.PhysicalName, target.Kind, plan.Product);
                planned = namesOf.FirstOrDefault(p => Diffing.NameMatcher.SameKind(p.Resource.Kind, target) && p.Names.Overlaps(names)).Resource;
                plannedFor[target] = planned;
            }
            return planned?.Name ?? value.Resource!;
        }

        var variables = model.Variables
            .Select(v => v with
            {
                UsedBy = v.UsedBy.Select(InPlanWords).Distinct().ToEquatableArray(),
                Value = v.Value.Kind switch
                {
                    CodeValueKind.FromResource when v.Value.Resource is not null => v.Value with { Resource = ResourceInPlanWords(v.Value) },
                    _ => v.Value,
                },
            })
            .ToEquatableArray();
        return model with { Variables = variables };
    }
}
