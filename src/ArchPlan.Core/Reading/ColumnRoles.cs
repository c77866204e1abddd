using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Decides what a configuration table's column holds from its header, with the synonyms people use.</summary>
internal static class ColumnRoles
{
    private static readonly HashSet<string> NameHeaders =
    [
        "variable", "variables", "variable name", "env var", "env vars", "env variable", "environment variable", "name", "key",
        "var", "parameter", "setting", "secret name", "secret", "secret id", "secret path", "secrets manager name", "config key",
    ];

    private static readonly HashSet<string> DescriptionHeaders =
        ["description", "purpose", "notes", "note", "details", "meaning", "comment", "comments", "what", "usage", "contents"];

    private static readonly HashSet<string> ValueHeaders =
        ["example", "examples", "default", "default value", "value", "example value", "sample", "values", "default / example", "example / default"];

    private static readonly HashSet<string> RequiredHeaders = ["required", "required?", "mandatory", "req", "req'd", "req.", "must set"];

    private static readonly HashSet<string> FormatHeaders = ["format", "shape", "structure", "schema", "fields", "json format", "keys"];

    private static readonly HashSet<string> TypeHeaders = ["type", "data type", "kind"];

    private static readonly HashSet<string> ScopeHeaders =
    [
        "used by", "component", "components", "handler / file", "handler/file", "handler", "handlers", "file", "service",
        "services", "consumer", "consumers", "consumed by", "scope", "used in", "applies to", "function", "functions", "read by",
    ];

    private static readonly HashSet<string> EnvironmentHeaders = ["environment", "environments", "stage", "env", "stages"];

    /// <summary>Maps each header cell to a role; the first name-like column is the name.</summary>
    public static IReadOnlyList<TableColumn> Map(IReadOnlyList<string> headers, ConfigTableKind kind)
    {
        var columns = new List<TableColumn>();
        var hasName = false;
        foreach (var header in headers)
        {
            var key = Outline.Normalize(header);
            var role = RoleOf(key, kind);
            string? environment = null;
            if (role == ColumnRole.Name)
            {
                if (hasName)
                {
                    role = ColumnRole.Other;
                }
                hasName = true;
            }
            else if (role == ColumnRole.Other && EnvironmentNames.Canonical(key) is { } env)
            {
                role = ColumnRole.EnvironmentValue;
                environment = env;
            }
            columns.Add(new TableColumn(header, role, environment));
        }
        return columns;
    }

    /// <summary>True when the header names a secret (so a table under Configuration holds secrets).</summary>
    public static bool IsSecretNameHeader(string header) =>
        Outline.Normalize(header).StartsWith("secret", StringComparison.Ordinal);

    private static ColumnRole RoleOf(string key, ConfigTableKind kind)
    {
        if (NameHeaders.Contains(key))
        {
            return ColumnRole.Name;
        }
        if (DescriptionHeaders.Contains(key))
        {
            return ColumnRole.Description;
        }
        if (ValueHeaders.Contains(key) || key.StartsWith("default", StringComparison.Ordinal) || key.StartsWith("example", StringComparison.Ordinal))
        {
            return ColumnRole.Value;
        }
        if (RequiredHeaders.Contains(key))
        {
            return ColumnRole.Required;
        }
        if (FormatHeaders.Contains(key) || (kind == ConfigTableKind.Secrets && TypeHeaders.Contains(key)))
        {
            return ColumnRole.Format;
        }
        if (TypeHeaders.Contains(key))
        {
            return ColumnRole.Type;
        }
        if (ScopeHeaders.Contains(key) || key.StartsWith("used by", StringComparison.Ordinal) || key.StartsWith("handler", StringComparison.Ordinal))
        {
            return ColumnRole.Scope;
        }
        if (EnvironmentHeaders.Contains(key))
        {
            return ColumnRole.Environment;
        }
        return ColumnRole.Other;
    }
}
