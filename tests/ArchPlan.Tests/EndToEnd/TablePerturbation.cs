using System.Text;
using ArchPlan.Model;
using ArchPlan.Reading;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// Makes a plan's tables stale in the ways code can repair: value cells blanked or given a wrong literal, a variable
/// and a secret the code does not have added. Everything else (descriptions, Required, Used by, Format, per-environment
/// values the synthesized environment does not show, values the plan leaves to deploy time) stays as written: those
/// are the plan's words, not the code's.
/// </summary>
internal static class TablePerturbation
{
    /// <summary>The perturbed text and how many cells and rows were changed.</summary>
    /// <param name="text">The plan's text.</param>
    /// <param name="plan">The plan read from <paramref name="text"/>.</param>
    /// <param name="leftToDeploy">Variables whose value the plan leaves to deploy time (context the batch supplied).</param>
    /// <param name="salt">Picks blank or wrong literal per cell, so different plans get different perturbations.</param>
    public static (string Text, int Changes) Perturb(string text, Plan plan, IReadOnlySet<string> leftToDeploy, int salt)
    {
        var document = Markdown.Parse(text, PlanReader.Pipeline);
        var tables = document.Descendants<Table>().GroupBy(t => t.Span.Start).ToDictionary(g => g.Key, g => g.First());
        var edits = new List<(int Start, int Length, string Text)>();
        var requiredByName = plan.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Required == Requirement.Required);
        var addedVariable = false;
        var addedSecret = false;

        foreach (var info in plan.Tables)
        {
            if (!tables.TryGetValue(info.Start, out var table))
            {
                continue;
            }
            var columns = info.Columns.ToList();
            var nameColumn = columns.FindIndex(c => c.Role == ColumnRole.Name);
            var valueColumn = columns.FindIndex(c => c.Role == ColumnRole.Value);
            // Values per environment: the synthesized stack shows one environment's values, so the others cannot come back.
            var perEnvironment = info.Environment is not null || columns.Any(c => c.Role is ColumnRole.EnvironmentValue or ColumnRole.Environment);
            if (info.Kind == ConfigTableKind.EnvironmentVariables && valueColumn >= 0 && nameColumn >= 0 && !perEnvironment)
            {
                foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
                {
                    var cells = row.OfType<TableCell>().ToList();
                    if (valueColumn >= cells.Count || nameColumn >= cells.Count)
                    {
                        continue;
                    }
                    var name = InlineText.Of(cells[nameColumn], inTableCell: true).Trim().Trim('`');
                    var value = cells[valueColumn];
                    var current = CellValues.ParseValue(InlineText.Of(value, inTableCell: true));
                    if (current.Kind == ValueKind.None || leftToDeploy.Contains(name) || value.Span.Length <= 0)
                    {
                        continue;
                    }
                    // A required value blanked would read as "left to deploy time"; it gets a wrong literal instead.
                    var blank = !requiredByName.GetValueOrDefault(name) && (salt + edits.Count) % 2 == 0;
                    edits.Add((value.Span.Start, value.Span.Length, blank ? " " : "`stale-value`"));
                }
            }
            if (nameColumn < 0 || perEnvironment)
            {
                continue;
            }
            if (info.Kind == ConfigTableKind.EnvironmentVariables && !addedVariable)
            {
                edits.Add(AppendRow(text, info, columns, ColumnRole.Name, "`RETIRED_SETTING`", "`old`"));
                addedVariable = true;
            }
            else if (info.Kind == ConfigTableKind.Secrets && !addedSecret)
            {
                edits.Add(AppendRow(text, info, columns, ColumnRole.Name, $"`{plan.Product}/retired/key`", ""));
                addedSecret = true;
            }
        }

        var result = text;
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            result = string.Concat(result.AsSpan(0, start), replacement, result.AsSpan(start + length));
        }
        return (result, edits.Count);
    }

    /// <summary>A row after the table's last line, with the same line prefix (blockquote, indentation) and pipes.</summary>
    private static (int Start, int Length, string Text) AppendRow(string text, ConfigTable info, List<TableColumn> columns, ColumnRole nameRole, string name, string value)
    {
        var end = info.Start + info.Length;
        var lineStart = text.LastIndexOf('\n', end - 1) + 1;
        var line = text[lineStart..end];
        var firstPipe = line.IndexOf('|', StringComparison.Ordinal);
        var prefix = firstPipe > 0 && line[..firstPipe].All(c => c is ' ' or '\t' or '>') ? line[..firstPipe] : new string([.. line.TakeWhile(c => c is ' ' or '\t' or '>')]);
        var leading = line.TrimStart(' ', '\t', '>').StartsWith('|');
        var trailing = line.TrimEnd('\r').TrimEnd().EndsWith('|');
        var cells = columns.Select(c => c.Role == nameRole ? name : c.Role == ColumnRole.Value ? value : c.Role == ColumnRole.Required ? "No" : "");
        var row = new StringBuilder();
        row.Append(text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n").Append(prefix);
        row.Append(leading ? "| " : "").Append(string.Join(" | ", cells)).Append(trailing ? " |" : "");
        return (end, 0, row.ToString());
    }
}
