using System.Text;
using System.Text.Json;

namespace ArchPlan.Diagnostics.Rendering;

/// <summary>Writes diagnostics as text, JSON or GitHub annotations.</summary>
public static class DiagnosticWriter
{
    /// <summary>One diagnostic in the canonical compiler format, followed by an indented help line.</summary>
    public static string FormatText(Diagnostic diagnostic) =>
        $"{diagnostic}{Environment.NewLine}    help: {diagnostic.Help}";

    /// <summary>The summary line: "2 errors, 1 warning".</summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        return $"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
    }

    /// <summary>A JSON document: <c>{"schemaVersion":1,"diagnostics":[...],"errors":N,"warnings":N}</c>.</summary>
    public static string ToJson(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                WriteJson(json, d);
            }
            json.WriteEndArray();
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One diagnostic as a JSON object (used inside other commands' JSON output too).</summary>
    public static void WriteJson(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        json.WriteString("title", d.Descriptor.Title);
        json.WriteString("message", d.Message);
        json.WriteString("help", d.Help);
        json.WriteString("file", d.Location.File);
        json.WriteNumber("line", d.Location.Line);
        json.WriteNumber("column", d.Location.Column);
        json.WriteEndObject();
    }

    /// <summary>A GitHub Actions workflow command; info diagnostics become notices.</summary>
    public static string ToGitHub(Diagnostic d)
    {
        var command = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string> { $"file={EscapeProperty(d.Location.File)}" };
        if (d.Location.HasPosition)
        {
            properties.Add($"line={d.Location.Line}");
            properties.Add($"col={d.Location.Column}");
        }
        properties.Add($"title={EscapeProperty($"{d.Id} {d.Descriptor.Title}")}");
        return $"::{command} {string.Join(',', properties)}::{EscapeData($"{d.Message}. {d.Help}")}";
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
