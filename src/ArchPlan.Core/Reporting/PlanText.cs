using System.Text;
using ArchPlan.Model;
using ArchPlan.Validation;

namespace ArchPlan.Reporting;

/// <summary>The plan model as aligned text tables, for a person checking what ArchPlan understood.</summary>
public static class PlanText
{
    public static string Write(Plan plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"Plan:     {SafeText.ForDisplay(plan.FilePath)}");
        text.AppendLine($"Title:    {SafeText.ForDisplay(plan.FrontMatter.Title ?? "(none)")}");
        text.AppendLine($"Status:   {SafeText.ForDisplay(plan.FrontMatter.Status ?? "(none)")}");
        text.AppendLine($"Product:  {SafeText.ForDisplay(plan.Product ?? "(none)")}{(plan.Product is null ? "" : $"  (from {Words(plan.ProductOrigin.ToString())})")}");
        if (plan.Environments.Count > 0)
        {
            text.AppendLine($"Environments: {SafeText.ForDisplay(string.Join(", ", plan.Environments))}");
        }

        text.AppendLine().AppendLine($"Resources ({plan.Resources.Count})");
        Table(text, ["Line", "Kind", "Name", "Settings"], plan.Resources.Select(r => new[]
        {
            r.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ResourceKindNames.Of(r.Kind),
            r.Name,
            Settings(r),
        }));

        // What each stated phrase became, and what the generator leaves out: shown only when the plan states any.
        var stated = plan.Resources.SelectMany(r => r.Attributes.Select(a => (Resource: r, Attribute: a))).ToList();
        if (stated.Count > 0)
        {
            text.AppendLine().AppendLine($"Stated attributes ({stated.Count}; the plan's words and the property each sets)");
            Table(text, ["Line", "Resource", "Words", "Property", "Value"], stated.Select(s => new[]
            {
                s.Attribute.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Resource.Name,
                s.Attribute.Phrase,
                s.Attribute.Property,
                s.Attribute.Value,
            }));
        }
        var notGenerated = plan.Resources.SelectMany(r => r.NotGenerated.Select(p => (Resource: r, Phrase: p))).ToList();
        if (notGenerated.Count > 0)
        {
            text.AppendLine().AppendLine($"Not generated ({notGenerated.Count}; words no construct property stands for, listed in the generated README)");
            Table(text, ["Line", "Resource", "Words"], notGenerated.Select(n => new[]
            {
                n.Phrase.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                n.Resource.Name,
                n.Phrase.Text,
            }));
        }

        text.AppendLine().AppendLine($"Environment variables ({plan.Variables.Count})");
        Variables(text, plan.Variables);

        // Shown only when the plan has them, so a template plan reads as it always has.
        if (plan.BuildTimeVariables.Count > 0)
        {
            text.AppendLine().AppendLine($"Build-time variables ({plan.BuildTimeVariables.Count}; read by the CDK app or the deploy, not set on compute)");
            Variables(text, plan.BuildTimeVariables);
        }

        text.AppendLine().AppendLine($"Secrets ({plan.Secrets.Count})");
        var perEnvironment = plan.Secrets.Any(s => s.Environment is not null || s.Scope.Count > 0);
        string[] headers = perEnvironment ? ["Line", "Name", "JSON fields", "Environment", "Scope"] : ["Line", "Name", "JSON fields"];
        Table(text, headers, plan.Secrets.Select(s =>
        {
            string[] cells =
            [
                s.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Name,
                s.JsonFields.Count == 0 ? "(plain string)" : string.Join(", ", s.JsonFields),
            ];
            return perEnvironment ? [.. cells, s.Environment ?? "all", s.Scope.Count == 0 ? "all" : string.Join(", ", s.Scope)] : cells;
        }));
        return text.ToString();
    }

    private static void Variables(StringBuilder text, IEnumerable<EnvVariable> variables) =>
        Table(text, ["Line", "Name", "Kind", "Value", "Required", "Scope"], variables.Select(v => new[]
        {
            v.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v.Aliases.Count == 0 ? v.Name : $"{v.Name} (or {string.Join(", ", v.Aliases)})",
            Words(v.Value.Kind.ToString()),
            SafeText.Redact(Value(v), v.Name + " " + v.Description),
            v.Required switch { Requirement.Required => "yes", Requirement.Optional => "no", Requirement.Invalid => $"? ({v.RequiredText})", _ => "-" },
            v.Scope.Count == 0 ? "all" : string.Join(", ", v.Scope),
        }));

    private static string Settings(PlannedResource r)
    {
        var parts = new List<string>();
        if (r.Runtime is not null) parts.Add(r.Runtime);
        if (r.MemoryMb is { } memory) parts.Add($"{memory} MB");
        if (r.Cpu is { } cpu) parts.Add($"cpu {cpu}");
        if (r.TimeoutSeconds is { } timeout) parts.Add($"timeout {timeout}s");
        if (r.Schedule is { } schedule) parts.Add(schedule.Expression);
        if (r.DeadLetterQueue) parts.Add("DLQ");
        if (r.Image is not null) parts.Add($"image {r.Image}");
        parts.AddRange(r.Links.Select(l => l.Access == Access.Unspecified ? $"{Words(l.Kind.ToString())} {l.Target}" : $"{Words(l.Kind.ToString())} {l.Target} ({Words(l.Access.ToString())})"));
        if (r.External) parts.Add("not created by this stack");
        return string.Join("; ", parts);
    }

    private static string Value(EnvVariable v)
    {
        string One(ValueSpec value) => value.Kind switch
        {
            ValueKind.Literal => value.Text ?? "",
            ValueKind.FromResource => $"from {value.Resource}",
            ValueKind.FromSecret => value.Secret is null ? "from a secret" : value.SecretField is null ? $"secret {value.Secret}" : $"secret {value.Secret}:{value.SecretField}",
            _ => "-",
        };
        var main = One(v.Value);
        if (v.PerEnvironment.Count == 0)
        {
            return main;
        }
        var perEnv = string.Join(", ", v.PerEnvironment.Select(e => $"{e.Environment}={One(e.Value)}"));
        return v.Value.Kind == ValueKind.None ? perEnv : $"{main}; {perEnv}";
    }

    private static void Table(StringBuilder text, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Select(r => r.Select(Clean).ToArray()).ToList();
        if (all.Count == 0)
        {
            text.AppendLine("  (none)");
            return;
        }
        var widths = headers.Select((h, i) => Math.Min(60, Math.Max(h.Length, all.Max(r => r[i].Length)))).ToArray();
        void Row(string[] cells) => text.AppendLine(("  " + string.Join("  ", cells.Select((c, i) => Fit(c, widths[i]).PadRight(widths[i])))).TrimEnd());
        Row(headers);
        Row([.. widths.Select(w => new string('-', w))]);
        all.ForEach(Row);
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>One line, no control characters, no credentials: plan text must not break the table (or the terminal), nor leak into a log.</summary>
    private static string Clean(string text) =>
        new([.. SafeText.Redact(text).Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? ' ' : c)]);

    private static string Words(string pascal)
    {
        var builder = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
