using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArchPlan.Diagnostics.Rendering;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (one run, one rule per diagnostic id reported), the format code-scanning
/// tools (GitHub code scanning, Azure DevOps, IDE viewers) read.
/// </summary>
public static class SarifWriter
{
    /// <summary>Where ArchPlan lives; the driver's <c>informationUri</c>.</summary>
    public const string InformationUri = "https://github.com/archplan/archplan";

    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The documentation of one diagnostic id: its section of docs/diagnostics.md.</summary>
    public static string HelpUri(string id) => $"{InformationUri}/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}";

    /// <summary>SARIF's level for a severity: error, warning, note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The SARIF log for <paramref name="diagnostics"/>, as indented JSON with a final newline.</summary>
    /// <param name="diagnostics">What to report, in order.</param>
    /// <param name="toolVersion">The archplan version that found them.</param>
    public static string Write(IReadOnlyCollection<Diagnostic> diagnostics, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "archplan");
            json.WriteString("version", toolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", HelpUri(rule.Id));
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(json, d, ruleIndex[d.Id]);
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", string.IsNullOrEmpty(d.Help) ? d.Message : $"{d.Message}. {d.Help}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        if (!string.IsNullOrEmpty(d.Location.File))
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(d.Location.File));
            json.WriteEndObject();
            if (d.Location.HasPosition)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", d.Location.Line);
                if (d.Location.Column > 0)
                {
                    json.WriteNumber("startColumn", d.Location.Column);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A path as a URI reference: relative paths stay relative (code scanning resolves them against the repository
    /// root), with '/' separators and each segment percent-encoded; absolute paths become <c>file://</c> URIs.
    /// </summary>
    public static string ArtifactUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }
        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
