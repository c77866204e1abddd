using ArchPlan.Common;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Decides what a configuration table's column holds from its header, with the synonyms people use.</summary>
internal static class ColumnRoles
{
    /// <summary>Headers that say the column names environment variables: such a table is read wherever it stands.</summary>
    private static readonly HashSet<string> VariableNameHeaders =
    [
        "variable", "variables", "variable name", "env var", "env vars", "env variable", "environment variable", "environment variables",
        "env var name", "environment variable name", "var", "envvar",
    ];

    /// <summary>Headers that name a variable or setting only inside a configuration section (a "Name" column is everywhere).</summary>
    private static readonly HashSet<string> GenericNameHeaders =
        ["name", "key", "parameter", "setting", "config key", "option", "property", "token", "placeholder"];

    /// <summary>Headers that name CDK context keys: such a table is read wherever it stands, as build-time variables.</summary>
    private static readonly HashSet<string> ContextNameHeaders = ["context key", "cdk context key", "context", "cdk context", "context variable", "context option"];

    private static readonly HashSet<string> DescriptionHeaders =
    [
        "description", "purpose", "notes", "note", "details", "meaning", "comment", "comments", "what", "usage", "contents",
        "explanation", "what it does", "remarks",
    ];

    private static readonly HashSet<string> ValueHeaders =
        ["example", "examples", "default", "default value", "value", "example value", "sample", "values", "default / example", "example / default", "e.g", "eg", "sample value"];

    private static readonly HashSet<string> RequiredHeaders = ["required", "required?", "mandatory", "req", "req'd", "req.", "must set"];

    private static readonly HashSet<string> FormatHeaders = ["format", "shape", "structure", "schema", "fields", "json format", "keys", "secret type", "secret format", "value format"];

    private static readonly HashSet<string> TypeHeaders = ["type", "data type", "kind"];

    private static readonly HashSet<string> ScopeHeaders =
    [
        "used by", "component", "components", "handler / file", "handler/file", "handler", "handlers", "file", "service",
        "services", "consumer", "consumers", "consumed by", "scope", "used in", "applies to", "function", "functions", "read by",
    ];

    // "Service" in a secrets table is as often the third party the secret is for (Stripe) as the compute that reads it.
    private static readonly HashSet<string> SecretScopeHeaders =
    [
        "used by", "component", "components", "handler / file", "handler/file", "handler", "handlers", "consumer", "consumers",
        "consumed by", "scope", "used in", "applies to", "function", "functions", "read by", "lambda", "lambdas",
    ];

    private static readonly HashSet<string> SourceHeaders = ["source", "value source", "from", "set from", "comes from", "origin", "provided by", "set by"];

    private static readonly HashSet<string> EnvironmentHeaders = ["environment", "environments", "stage", "env", "stages"];

    /// <summary>The spellings suggested for a header that is a typo of one ArchPlan knows ("Exmaple" → Example).</summary>
    private static readonly string[] Suggestions =
    [
        "Variable", "Name", "Key", "Description", "Purpose", "Example", "Default", "Value", "Required", "Mandatory", "Format",
        "Type", "Used by", "Component", "Handler", "Environment", "Stage", "Secret Name", "Secret", "Notes", "Source",
    ];

    /// <summary>Maps each header cell to a role; the first name-like column is the name. A misspelt header counts as the one it is a slip for.</summary>
    public static IReadOnlyList<TableColumn> Map(IReadOnlyList<string> headers, ConfigTableKind kind)
    {
        var columns = new List<TableColumn>();
        var nameIndex = NameColumn(headers, kind, anyName: true);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var key = EffectiveKey(header);
            if (i == nameIndex)
            {
                columns.Add(new TableColumn(header, ColumnRole.Name));
                continue;
            }
            var role = RoleOf(key, kind);
            if (role == ColumnRole.Name)
            {
                role = ColumnRole.Other;
            }
            if (role == ColumnRole.Value && EnvironmentList(key) is { Count: > 1 } environments)
            {
                columns.Add(new TableColumn(header, ColumnRole.EnvironmentValues) { Environments = environments.ToEquatableArray() });
                continue;
            }
            if (role is ColumnRole.Other or ColumnRole.Value && EnvironmentNames.Name(key) is { } env)
            {
                columns.Add(new TableColumn(header, ColumnRole.EnvironmentValue, env));
                continue;
            }
            columns.Add(new TableColumn(header, role) { IsExample = role == ColumnRole.Value && IsExampleHeader(key) });
        }
        return columns;
    }

    /// <summary>
    /// The column that names the table's entries, or -1. A secrets table is named by the column that names a secret
    /// (<c>AWS Secret Name/Path</c>, <c>Secret ARN</c>) wherever it stands; otherwise the first variable or name header.
    /// </summary>
    public static int NameColumn(IReadOnlyList<string> headers, ConfigTableKind kind, bool anyName)
    {
        if (kind == ConfigTableKind.Secrets)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (IsSecretNameHeader(headers[i]))
                {
                    return i;
                }
            }
        }
        for (var i = 0; i < headers.Count; i++)
        {
            var key = EffectiveKey(headers[i]);
            if ((kind != ConfigTableKind.Secrets && (VariableNameHeaders.Contains(key) || ContextNameHeaders.Contains(key)))
                || (anyName && ((GenericNameHeaders.Contains(key) && !(kind == ConfigTableKind.Secrets && key is "key" or "property" or "token"))
                    || (kind == ConfigTableKind.Secrets && key is "path" or "arn" or "id"))))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>True when the header names CDK context keys (<c>Context Key</c>).</summary>
    public static bool IsContextNameHeader(string header) => ContextNameHeaders.Contains(EffectiveKey(header));

    /// <summary>The known header a misspelt one stands for ("Varible" → Variable), or null when the header is known or not a slip.</summary>
    public static string? Misspelling(string header)
    {
        if (Misspellings.TryGetValue(header, out var known))
        {
            return known;
        }
        var key = Outline.Normalize(header);
        var suggestion = IsKnown(key) || IsSecretNameHeader(header) ? null : Suggest(header);
        if (Misspellings.Count > 4096)
        {
            // Bounded: a plan with thousands of distinct headers must not grow the process without end.
            Misspellings.Clear();
        }
        Misspellings[header] = suggestion;
        return suggestion;
    }

    /// <summary>Headers already looked at: a table's headers are asked about again and again, and finding a slip compares with every known header.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Misspellings = new(StringComparer.Ordinal);

    private static bool IsKnown(string key) =>
        RoleOf(key, ConfigTableKind.EnvironmentVariables) != ColumnRole.Other || EnvironmentNames.Name(key) is not null || ContextNameHeaders.Contains(key);

    /// <summary>The header's normalised text, or the one it is a slip for.</summary>
    private static string EffectiveKey(string header) =>
        Misspelling(header) is { } suggestion ? suggestion.ToLowerInvariant() : Outline.Normalize(header);

    /// <summary>True when the header says its column names environment variables (<c>Variable</c>, <c>Env Var</c>).</summary>
    public static bool IsVariableNameHeader(string header) => VariableNameHeaders.Contains(EffectiveKey(header));

    /// <summary>True when the header names a secret's name, path or ARN (<c>Secret Name</c>, <c>AWS Secret Name/Path</c>, <c>Secret ARN</c>).</summary>
    public static bool IsSecretNameHeader(string header)
    {
        var key = Outline.Normalize(header);
        if (key is "secret" or "secrets" or "secret name" or "secret id" or "secret path" or "secrets manager name" or "secret arn")
        {
            return true;
        }
        if (!key.Contains("secret", StringComparison.Ordinal))
        {
            return false;
        }
        var words = key.Split([' ', '/', '(', ')', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "name" or "names" or "path" or "paths" or "arn" or "arns" or "id" or "identifier")
            && !words.Any(w => w is "field" or "fields" or "key" or "keys" or "type" or "format" or "rotation" or "value");
    }

    /// <summary>The nearest known header within a slip of the keyboard ("Exmaple" → Example), or null.</summary>
    private static string? Suggest(string header)
    {
        var key = Outline.Normalize(header);
        if (key.Length < 3 || IsKnown(key))
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = key.Length <= 5 ? 1 : 2;
        foreach (var suggestion in Suggestions)
        {
            // Only a header of about the same length can be a slip for it: most headers are compared with nothing.
            if (Math.Abs(suggestion.Length - key.Length) > allowed)
            {
                continue;
            }
            var distance = EditDistance.Between(key, suggestion.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (suggestion, distance);
            }
        }
        return bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    private static ColumnRole RoleOf(string key, ConfigTableKind kind)
    {
        if (VariableNameHeaders.Contains(key) || GenericNameHeaders.Contains(key))
        {
            return ColumnRole.Name;
        }
        if (DescriptionHeaders.Contains(key))
        {
            return ColumnRole.Description;
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
        if (SourceHeaders.Contains(key))
        {
            return ColumnRole.Source;
        }
        if (EnvironmentHeaders.Contains(key))
        {
            return ColumnRole.Environment;
        }
        if (kind == ConfigTableKind.Secrets
            ? SecretScopeHeaders.Contains(key) || key.StartsWith("used by", StringComparison.Ordinal)
            : ScopeHeaders.Contains(key) || key.StartsWith("used by", StringComparison.Ordinal) || key.StartsWith("handler", StringComparison.Ordinal))
        {
            return ColumnRole.Scope;
        }
        if (ValueHeaders.Contains(key) || key.StartsWith("default", StringComparison.Ordinal) || key.StartsWith("example", StringComparison.Ordinal)
            || key.StartsWith("safe default", StringComparison.Ordinal) || key.StartsWith("value", StringComparison.Ordinal) || key.StartsWith("e.g", StringComparison.Ordinal))
        {
            return ColumnRole.Value;
        }
        return ColumnRole.Other;
    }

    private static bool IsExampleHeader(string key) =>
        (key.Contains("example", StringComparison.Ordinal) || key.StartsWith("e.g", StringComparison.Ordinal) || key is "eg" || key.Contains("sample", StringComparison.Ordinal))
        && !key.Contains("default", StringComparison.Ordinal);

    /// <summary>The environments a header such as "Safe default (dev / staging / prod)" names, in order.</summary>
    private static List<string>? EnvironmentList(string key)
    {
        var open = key.IndexOf('(');
        var close = key.LastIndexOf(')');
        var inner = open >= 0 && close > open ? key[(open + 1)..close] : key;
        var words = inner.Split(['/', ',', '|', '&', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (words.Count < 2)
        {
            return null;
        }
        var environments = words.Select(EnvironmentNames.Name).ToList();
        return environments.All(e => e is not null) ? environments.Select(e => e!).ToList() : null;
    }
}
