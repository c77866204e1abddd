using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Validation;

namespace ArchPlan.Diffing;

/// <summary>The output formats of a diff report.</summary>
public enum DiffFormat
{
    /// <summary>A readable table per section, for a terminal.</summary>
    Text,

    /// <summary>Stable JSON for tools (<c>schemaVersion</c> 1; see Diffing/README.md).</summary>
    Json,

    /// <summary>A pull-request comment.</summary>
    Markdown,

    /// <summary>GitHub Actions workflow commands that annotate the plan file.</summary>
    GitHub,
}

/// <summary>Writes a <see cref="DiffReport"/> in one of the <see cref="DiffFormat"/>s.</summary>
public static class DiffRenderer
{
    /// <summary>The version of the JSON output's shape; raised only when a field is removed or changes meaning.</summary>
    public const int JsonSchemaVersion = 1;

    public static void Render(DiffReport report, DiffFormat format, TextWriter writer)
    {
        switch (format)
        {
            case DiffFormat.Json:
                WriteJson(report, writer);
                break;
            case DiffFormat.Markdown:
                WriteMarkdown(report, writer);
                break;
            case DiffFormat.GitHub:
                WriteGitHub(report, writer);
                break;
            default:
                WriteText(report, writer);
                break;
        }
    }

    public static string Render(DiffReport report, DiffFormat format)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Render(report, format, writer);
        return writer.ToString();
    }

    public static string SectionTitle(DiffSection section) => section switch
    {
        DiffSection.Security => "Security",
        DiffSection.EnvironmentVariables => "Environment variables",
        DiffSection.Secrets => "Secrets",
        _ => "Resources",
    };

    private static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary><c>plan.md:12</c>, or the file alone when the finding has no line.</summary>
    private static string PlanPlace(SourceLocation location) =>
        location.HasPosition ? $"{location.File}:{location.Line}" : location.File ?? "";

    private static string Summary(DiffReport report)
    {
        var errors = report.Findings.Count(f => f.Severity == Diagnostics.Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Diagnostics.Severity.Warning);
        var total = report.Findings.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{total} finding{(total == 1 ? "" : "s")} ({errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")})");
    }

    // ---- text ---------------------------------------------------------------------------------------------

    private static void WriteText(DiffReport report, TextWriter writer)
    {
        if (!report.HasDrift)
        {
            writer.WriteLine($"No drift: {report.PlanPath} agrees with {report.InfraPath}.");
            writer.WriteLine(ReadLine(report));
            return;
        }

        writer.WriteLine($"Drift between {report.PlanPath} and {report.InfraPath}: {Summary(report)}");
        writer.WriteLine(ReadLine(report));
        string[] headers = ["SEVERITY", "ID", "PLAN", "INFRASTRUCTURE", "FINDING"];
        foreach (var section in report.Findings.GroupBy(f => f.Section))
        {
            var rows = section.Select(f => new[] { Severity(f.Severity), f.Id, Safe(PlanPlace(f.PlanLocation)), Safe(f.InfraLocation?.Display ?? "-"), Safe(Message(f)) }).ToList();
            var widths = Enumerable.Range(0, headers.Length - 1)
                .Select(i => Math.Max(headers[i].Length, rows.Max(r => r[i].Length)))
                .ToArray();
            writer.WriteLine();
            writer.WriteLine(SectionTitle(section.Key));
            writer.WriteLine(Row(headers, widths));
            foreach (var row in rows)
            {
                writer.WriteLine(Row(row, widths));
            }
        }
    }

    private static string Row(string[] cells, int[] widths)
    {
        var builder = new StringBuilder("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            builder.Append(i < widths.Length ? cells[i].PadRight(widths[i] + 2) : cells[i]);
        }
        return builder.ToString().TrimEnd();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// Names and values from a template (logical ids, stack names, environment names) reach the output here: credentials
    /// redacted, control characters shown as code points, so a template cannot drive the terminal or a log viewer.
    /// </summary>
    private static string Safe(string? text) => SafeText.ForDisplay(text is null ? null : OneLine(text));

    /// <summary>The message, after the environments it holds for when the comparison was per environment.</summary>
    private static string Message(DiffFinding finding) =>
        finding.Environment is null ? finding.Message : $"[{Safe(finding.Environment)}] {finding.Message}";

    /// <summary>What was read and how its stacks were compared, in one line: every format says it.</summary>
    public static string ReadLine(DiffReport report)
    {
        var builder = new StringBuilder("Read ");
        switch (report.SourceKind)
        {
            case InfraSourceKind.CloudAssembly:
                builder.Append(CultureInfo.InvariantCulture, $"the synthesized cloud assembly (cdk.out) {Safe(report.ReadPath)}");
                break;
            case InfraSourceKind.CdkSource:
                builder.Append(CultureInfo.InvariantCulture, $"the C# CDK source in {Safe(report.ReadPath)} ({report.SourceFiles} .cs file{(report.SourceFiles == 1 ? "" : "s")}");
                if (report.SourceEnvironment is { } selected)
                {
                    builder.Append(CultureInfo.InvariantCulture, $", cdk.json values of environment '{Safe(selected)}'");
                }
                builder.Append(')');
                break;
            default:
                builder.Append(report.Stacks.Count > 1
                    ? $"{report.Stacks.Count} CloudFormation templates in {Safe(report.ReadPath)}"
                    : $"the CloudFormation template {Safe(report.ReadPath)}");
                break;
        }
        if (report.SourceKind != InfraSourceKind.CdkSource && (report.Stacks.Count > 1 || report.SourceKind == InfraSourceKind.CloudAssembly))
        {
            builder.Append(CultureInfo.InvariantCulture, $"; stack{(report.Stacks.Count == 1 ? "" : "s")} {string.Join(", ", report.Stacks.Select(Safe))}");
        }
        if (report.Comparisons.Count > 1)
        {
            builder.Append("; compared per environment: ")
                .AppendJoin("; ", report.Comparisons.Select(c => $"{Safe(c.Environment)} ({string.Join(", ", c.Stacks.Select(Safe))})"));
        }
        else if (report.Comparisons.Count == 1 && report.Comparisons[0].Environment is { } environment && report.SourceKind != InfraSourceKind.CdkSource)
        {
            builder.Append(CultureInfo.InvariantCulture, $"; compared as environment '{Safe(environment)}'");
        }
        else if (report.Stacks.Count > 1 && report.SourceKind != InfraSourceKind.CdkSource)
        {
            builder.Append("; compared as one app (a resource or variable on any stack counts)");
        }
        return builder.Append('.').ToString();
    }

    // ---- markdown -----------------------------------------------------------------------------------------

    private static void WriteMarkdown(DiffReport report, TextWriter writer)
    {
        if (!report.HasDrift)
        {
            writer.WriteLine("## ArchPlan diff: no drift");
            writer.WriteLine();
            writer.WriteLine($"{Code(report.PlanPath)} agrees with {Code(report.InfraPath)}.");
            writer.WriteLine();
            writer.WriteLine(Cell(ReadLine(report)));
            return;
        }

        writer.WriteLine($"## ArchPlan diff: {Summary(report)}");
        writer.WriteLine();
        writer.WriteLine($"{Code(report.PlanPath)} compared with {Code(report.InfraPath)}.");
        writer.WriteLine();
        writer.WriteLine(Cell(ReadLine(report)));
        foreach (var section in report.Findings.GroupBy(f => f.Section))
        {
            writer.WriteLine();
            writer.WriteLine($"### {SectionTitle(section.Key)}");
            writer.WriteLine();
            writer.WriteLine("| Severity | Id | Finding | Plan | Infrastructure |");
            writer.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var f in section)
            {
                var icon = f.Severity switch
                {
                    Diagnostics.Severity.Error => "🔴 error",
                    Diagnostics.Severity.Warning => "🟡 warning",
                    _ => "🔵 info",
                };
                writer.WriteLine($"| {icon} | {f.Id} | {Cell(Message(f))} | {Cell(PlanPlace(f.PlanLocation))} | {(f.InfraLocation is null ? "–" : Code(f.InfraLocation.Display))} |");
            }
        }
    }

    /// <summary>A table cell: pipes escaped (GitHub splits on them even in code spans), one line.</summary>
    private static string Cell(string text) => Safe(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string text)
    {
        var cell = Cell(text);
        var fence = cell.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        return $"{fence}{cell}{fence}";
    }

    // ---- GitHub annotations -------------------------------------------------------------------------------

    private static void WriteGitHub(DiffReport report, TextWriter writer)
    {
        foreach (var f in report.Findings)
        {
            var command = f.Severity switch
            {
                Diagnostics.Severity.Error => "error",
                Diagnostics.Severity.Warning => "warning",
                _ => "notice",
            };
            var properties = new StringBuilder($"file={Property(f.PlanLocation.File ?? report.PlanPath)}");
            if (f.PlanLocation.HasPosition)
            {
                properties.Append(CultureInfo.InvariantCulture, $",line={f.PlanLocation.Line}");
            }
            properties.Append(CultureInfo.InvariantCulture, $",title={Property($"{f.Id} {f.Descriptor.Title}")}");
            var message = f.InfraLocation is null ? Message(f) : $"{Message(f)} (infrastructure: {Safe(f.InfraLocation.Display)})";
            writer.WriteLine($"::{command} {properties}::{Data(message)}");
        }
        writer.WriteLine(report.HasDrift
            ? $"Drift between {report.PlanPath} and {report.InfraPath}: {Summary(report)}"
            : $"No drift: {report.PlanPath} agrees with {report.InfraPath}.");
        writer.WriteLine(ReadLine(report));
    }

    // Workflow commands: data escapes % CR LF; property values also escape : and ,.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    // ---- JSON ---------------------------------------------------------------------------------------------

    private static void WriteJson(DiffReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", JsonSchemaVersion);
            json.WriteString("plan", report.PlanPath);
            json.WriteString("infrastructure", report.InfraPath);
            json.WriteStartObject("read");
            json.WriteString("kind", ReadKind(report.SourceKind));
            json.WriteString("path", report.ReadPath);
            json.WriteStartArray("stacks");
            foreach (var stack in report.Stacks)
            {
                json.WriteStringValue(Safe(stack));
            }
            json.WriteEndArray();
            if (report.SourceKind == InfraSourceKind.CdkSource)
            {
                json.WriteNumber("files", report.SourceFiles);
                json.WriteString("environment", report.SourceEnvironment);
            }
            json.WriteString("description", ReadLine(report));
            json.WriteEndObject();
            json.WriteStartArray("comparisons");
            foreach (var comparison in report.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("environment", comparison.Environment);
                json.WriteStartArray("stacks");
                foreach (var stack in comparison.Stacks)
                {
                    json.WriteStringValue(stack);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteBoolean("drift", report.HasDrift);
            json.WriteStartObject("summary");
            json.WriteNumber("findings", report.Findings.Count);
            json.WriteNumber("errors", report.Findings.Count(f => f.Severity == Diagnostics.Severity.Error));
            json.WriteNumber("warnings", report.Findings.Count(f => f.Severity == Diagnostics.Severity.Warning));
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", f.Id);
                json.WriteString("kind", KebabCase(f.Kind.ToString()));
                json.WriteString("section", KebabCase(f.Section.ToString()));
                json.WriteString("severity", Severity(f.Severity));
                json.WriteString("subject", Safe(f.Subject));
                json.WriteString("message", f.Message);
                json.WriteString("help", f.Help);
                json.WritePropertyName("plan");
                WriteLocation(json, f.PlanLocation, null, null);
                json.WritePropertyName("infrastructure");
                if (f.InfraLocation is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    WriteLocation(json, f.InfraLocation.Source, f.InfraLocation.LogicalId, f.InfraLocation.Stack);
                }
                if (f.Group is not null)
                {
                    json.WriteString("resourceType", Safe(f.Group));
                }
                if (f.Environment is not null)
                {
                    json.WriteString("environment", Safe(f.Environment));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", Severity(d.Severity));
                json.WriteString("message", d.Message);
                json.WritePropertyName("location");
                WriteLocation(json, d.Location, null, null);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n"));
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location, string? logicalId, string? stack)
    {
        json.WriteStartObject();
        json.WriteString("file", location.File);
        if (location.HasPosition)
        {
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }
        else
        {
            json.WriteNull("line");
            json.WriteNull("column");
        }
        if (logicalId is not null || stack is not null)
        {
            json.WriteString("logicalId", logicalId is null ? null : Safe(logicalId));
            json.WriteString("stack", stack is null ? null : Safe(stack));
        }
        json.WriteEndObject();
    }

    /// <summary>The JSON <c>read.kind</c>: the same words as <c>--read</c>.</summary>
    private static string ReadKind(InfraSourceKind kind) => kind switch
    {
        InfraSourceKind.CloudAssembly => "cdk-out",
        InfraSourceKind.CdkSource => "source",
        _ => "template",
    };

    private static string KebabCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
