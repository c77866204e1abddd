using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation;

namespace ArchPlan.Reporting;

/// <summary>The plan model as JSON for scripts: schema version 1, documented in docs/json-output.md.</summary>
public static class PlanJson
{
    public const int SchemaVersion = 1;

    public static string Write(Plan plan)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("file", R(plan.FilePath));
            json.WriteString("title", R(plan.FrontMatter.Title));
            json.WriteString("status", R(plan.FrontMatter.Status));
            json.WriteString("product", R(plan.Product));
            json.WriteString("productFrom", Camel(plan.ProductOrigin.ToString()));
            json.WriteString("stackFile", R(plan.StackFileName));
            json.WriteStartArray("environments");
            foreach (var environment in plan.Environments)
            {
                json.WriteStringValue(R(environment));
            }
            json.WriteEndArray();

            json.WriteStartArray("resources");
            foreach (var r in plan.Resources)
            {
                json.WriteStartObject();
                json.WriteString("kind", Camel(r.Kind.ToString()));
                json.WriteString("name", R(r.Name));
                json.WriteNumber("line", r.Location.Line);
                WriteOptional(json, "runtime", r.Runtime);
                WriteOptional(json, "memoryMb", r.MemoryMb);
                WriteOptional(json, "cpu", r.Cpu);
                WriteOptional(json, "timeoutSeconds", r.TimeoutSeconds);
                if (r.Schedule is { } schedule)
                {
                    json.WriteString("schedule", R(schedule.Expression));
                }
                if (r.DeadLetterQueue)
                {
                    json.WriteBoolean("deadLetterQueue", true);
                }
                WriteOptional(json, "image", r.Image);
                if (r.Links.Count > 0)
                {
                    json.WriteStartArray("links");
                    foreach (var link in r.Links)
                    {
                        json.WriteStartObject();
                        json.WriteString("kind", Camel(link.Kind.ToString()));
                        json.WriteString("target", R(link.Target));
                        if (link.Access != Access.Unspecified)
                        {
                            json.WriteString("access", Camel(link.Access.ToString()));
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                if (r.External)
                {
                    json.WriteBoolean("external", true);
                }
                if (r.Attributes.Count > 0)
                {
                    json.WriteStartArray("attributes");
                    foreach (var attribute in r.Attributes)
                    {
                        json.WriteStartObject();
                        json.WriteString("property", R(attribute.Property));
                        json.WriteString("value", R(attribute.Value));
                        json.WriteString("phrase", R(attribute.Phrase));
                        json.WriteNumber("line", attribute.Location.Line);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                if (r.NotGenerated.Count > 0)
                {
                    json.WriteStartArray("notGenerated");
                    foreach (var phrase in r.NotGenerated)
                    {
                        json.WriteStartObject();
                        json.WriteString("text", R(phrase.Text));
                        json.WriteNumber("line", phrase.Location.Line);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteString("text", R(r.Text));
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteVariables(json, "variables", plan.Variables);
            WriteVariables(json, "buildTimeVariables", plan.BuildTimeVariables);

            json.WriteStartArray("secrets");
            foreach (var s in plan.Secrets)
            {
                json.WriteStartObject();
                json.WriteString("name", R(s.Name));
                json.WriteNumber("line", s.Location.Line);
                WriteOptional(json, "format", s.Format);
                json.WriteStartArray("jsonFields");
                foreach (var f in s.JsonFields)
                {
                    json.WriteStringValue(R(f));
                }
                json.WriteEndArray();
                WriteOptional(json, "environment", s.Environment);
                WriteList(json, "scope", s.Scope);
                json.WriteString("description", R(s.Description));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Variables (run-time or build-time) with their values per environment, scope and aliases.</summary>
    private static void WriteVariables(Utf8JsonWriter json, string property, IEnumerable<EnvVariable> variables)
    {
        json.WriteStartArray(property);
        foreach (var v in variables)
        {
            json.WriteStartObject();
            json.WriteString("name", R(v.Name));
            json.WriteNumber("line", v.Location.Line);
            WriteValue(json, v.Value, v.Name + " " + v.Description);
            json.WriteString("required", Camel(v.Required.ToString()));
            json.WriteStartArray("scope");
            foreach (var s in v.Scope)
            {
                json.WriteStringValue(R(s));
            }
            json.WriteEndArray();
            if (v.PerEnvironment.Count > 0)
            {
                json.WriteStartArray("environments");
                foreach (var e in v.PerEnvironment)
                {
                    json.WriteStartObject();
                    json.WriteString("environment", R(e.Environment));
                    json.WriteNumber("line", e.Location.Line);
                    WriteValue(json, e.Value, v.Name + " " + v.Description);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            WriteOptional(json, "type", v.Type);
            WriteList(json, "aliases", v.Aliases);
            if (v.ValueIsExample)
            {
                json.WriteBoolean("valueIsExample", true);
            }
            json.WriteString("description", R(v.Description));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A string array, written only when it has entries (fields are only ever added to schema version 1).</summary>
    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(R(value));
        }
        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, ValueSpec value, string context)
    {
        json.WriteString("kind", Camel(value.Kind.ToString()));
        if (value.Kind == ValueKind.Literal)
        {
            json.WriteString("value", R(value.Text, context));
        }
        WriteOptional(json, "resource", value.Resource);
        WriteOptional(json, "secret", value.Secret);
        WriteOptional(json, "secretField", value.SecretField);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, R(value));
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    /// <summary>Plan text as the JSON may hold it: credentials redacted (<see cref="SafeText"/>); the JSON writer escapes control characters.</summary>
    private static string? R(string? text, string? context = null) => text is null ? null : SafeText.Redact(text, context);

    internal static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
