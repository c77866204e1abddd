using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

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
            json.WriteString("file", plan.FilePath);
            json.WriteString("title", plan.FrontMatter.Title);
            json.WriteString("status", plan.FrontMatter.Status);
            json.WriteString("product", plan.Product);
            json.WriteString("productFrom", Camel(plan.ProductOrigin.ToString()));
            json.WriteString("stackFile", plan.StackFileName);
            json.WriteStartArray("environments");
            foreach (var environment in plan.Environments)
            {
                json.WriteStringValue(environment);
            }
            json.WriteEndArray();

            json.WriteStartArray("resources");
            foreach (var r in plan.Resources)
            {
                json.WriteStartObject();
                json.WriteString("kind", Camel(r.Kind.ToString()));
                json.WriteString("name", r.Name);
                json.WriteNumber("line", r.Location.Line);
                WriteOptional(json, "runtime", r.Runtime);
                WriteOptional(json, "memoryMb", r.MemoryMb);
                WriteOptional(json, "cpu", r.Cpu);
                WriteOptional(json, "timeoutSeconds", r.TimeoutSeconds);
                if (r.Schedule is { } schedule)
                {
                    json.WriteString("schedule", schedule.Expression);
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
                        json.WriteString("target", link.Target);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteString("text", r.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteVariables(json, "variables", plan.Variables);
            WriteVariables(json, "buildTimeVariables", plan.BuildTimeVariables);

            json.WriteStartArray("secrets");
            foreach (var s in plan.Secrets)
            {
                json.WriteStartObject();
                json.WriteString("name", s.Name);
                json.WriteNumber("line", s.Location.Line);
                WriteOptional(json, "format", s.Format);
                json.WriteStartArray("jsonFields");
                foreach (var f in s.JsonFields)
                {
                    json.WriteStringValue(f);
                }
                json.WriteEndArray();
                WriteOptional(json, "environment", s.Environment);
                WriteList(json, "scope", s.Scope);
                json.WriteString("description", s.Description);
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
            json.WriteString("name", v.Name);
            json.WriteNumber("line", v.Location.Line);
            WriteValue(json, v.Value);
            json.WriteString("required", Camel(v.Required.ToString()));
            json.WriteStartArray("scope");
            foreach (var s in v.Scope)
            {
                json.WriteStringValue(s);
            }
            json.WriteEndArray();
            if (v.PerEnvironment.Count > 0)
            {
                json.WriteStartArray("environments");
                foreach (var e in v.PerEnvironment)
                {
                    json.WriteStartObject();
                    json.WriteString("environment", e.Environment);
                    json.WriteNumber("line", e.Location.Line);
                    WriteValue(json, e.Value);
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
            json.WriteString("description", v.Description);
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
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, ValueSpec value)
    {
        json.WriteString("kind", Camel(value.Kind.ToString()));
        if (value.Kind == ValueKind.Literal)
        {
            json.WriteString("value", value.Text);
        }
        WriteOptional(json, "resource", value.Resource);
        WriteOptional(json, "secret", value.Secret);
        WriteOptional(json, "secretField", value.SecretField);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    internal static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
