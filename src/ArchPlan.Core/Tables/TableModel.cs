using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;

namespace ArchPlan.Tables;

/// <summary>What sort of value the code gives a variable, in the plan's terms.</summary>
public enum CodeValueKind
{
    /// <summary>Written as-is: the Example/Default cell shows it.</summary>
    Literal,

    /// <summary>An attribute of another resource: <c>_(from &lt;resource&gt;)_</c>.</summary>
    FromResource,

    /// <summary>A Secrets Manager secret: <c>_(Secrets Manager)_</c>.</summary>
    FromSecret,

    /// <summary>Known only at synth or deploy: the plan's cell is kept as written.</summary>
    Unknown,
}

/// <summary>A variable's value as the code sets it.</summary>
/// <param name="Kind">What sort of value this is.</param>
/// <param name="Text">The literal for <see cref="CodeValueKind.Literal"/>; a readable rendering otherwise.</param>
/// <param name="Resource">For <see cref="CodeValueKind.FromResource"/>: the referenced resource's name (the plan's name once matched).</param>
/// <param name="Secret">For <see cref="CodeValueKind.FromSecret"/>: the secret as a cell names it (<c>_(from secret …)_</c>), when the plan
/// has several secrets and <c>_(Secrets Manager)_</c> would not say which.</param>
/// <param name="Target">For <see cref="CodeValueKind.FromResource"/>: the referenced resource, to find the plan's name for it.</param>
public sealed record CodeValue(CodeValueKind Kind, string? Text = null, string? Resource = null, string? Secret = null, InfraResource? Target = null);

/// <summary>One row of the Environment Variables table, computed from code.</summary>
/// <param name="Name">The variable name as the application sees it (a Lambda's <c>X_SECRET_ARN</c> is <c>X</c>).</param>
/// <param name="Value">The value, from the first compute resource that sets it.</param>
/// <param name="UsedBy">The compute resources that set it, in the order read.</param>
/// <param name="UsedByAll">True when every compute resource sets it (the Used by cell then stays empty).</param>
/// <param name="Aliases">Other names the variable is set under (<c>X_SECRET_ARN</c>), which a plan row may use.</param>
public sealed record CodeVariable(string Name, CodeValue Value, EquatableArray<string> UsedBy, bool UsedByAll, EquatableArray<string> Aliases);

/// <summary>What a secret's Format cell can say.</summary>
public enum SecretShape
{
    /// <summary>The code reads the secret at run time (by ARN): its shape is not visible, the plan's cell is kept.</summary>
    Unknown,

    /// <summary>The whole secret string is handed to a variable.</summary>
    Plain,

    /// <summary>A JSON secret whose fields the code selects.</summary>
    Json,
}

/// <summary>One row of the Secrets table, computed from code.</summary>
/// <param name="Name">The secret's name.</param>
/// <param name="Shape">Plain, JSON or not visible.</param>
/// <param name="Fields">For JSON secrets: the fields the code reads, sorted.</param>
public sealed record CodeSecret(string Name, SecretShape Shape, EquatableArray<string> Fields);

/// <summary>The configuration table rows the code decides: variables and secrets, each sorted by name.</summary>
/// <param name="Variables">One row per variable name, however many compute resources set it.</param>
/// <param name="Secrets">One row per secret name.</param>
/// <param name="Environment">The environment the infrastructure is for (from a single stack's name such as <c>OrdersProdStack</c>), when it names one.</param>
public sealed partial record TableModel(EquatableArray<CodeVariable> Variables, EquatableArray<CodeSecret> Secrets, string? Environment)
{
    /// <summary>Suffix the generator gives a Lambda variable holding a secret's ARN (the function reads the secret at run time).</summary>
    public const string SecretArnSuffix = "_SECRET_ARN";

    // Variables CDK itself adds to functions; they are not the plan's configuration.
    private static readonly HashSet<string> CdkVariables = ["AWS_NODEJS_CONNECTION_REUSE_ENABLED"];

    /// <summary>Computes the rows from infrastructure read by <see cref="InfrastructureReader"/>.</summary>
    public static StageResult<TableModel> From(InfraModel infra)
    {
        var diagnostics = new DiagnosticBag();
        var resources = infra.Resources
            .GroupBy(r => r.LogicalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var compute = infra.Compute.Where(c => !c.IsHelper).ToList();

        var variables = new Dictionary<string, (CodeVariable Row, string Where, List<string> UsedBy, List<string> Aliases, InfraVariable Source)>(StringComparer.Ordinal);
        var secretLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var fields = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);

        foreach (var resource in compute)
        {
            var owner = ComputeName(resource, resources);
            foreach (var (variable, isContainerSecret) in resource.Environment.Select(v => (v, false)).Concat(resource.Secrets.Select(v => (v, true))))
            {
                if (CdkVariables.Contains(variable.Name))
                {
                    continue;
                }
                var secretName = SecretNameOf(variable.Value, resources);
                var isSecretArn = !isContainerSecret && secretName is not null
                    && variable.Name.EndsWith(SecretArnSuffix, StringComparison.Ordinal) && variable.Name.Length > SecretArnSuffix.Length;
                var name = isSecretArn ? variable.Name[..^SecretArnSuffix.Length] : variable.Name;
                var value = isContainerSecret || secretName is not null
                    ? new CodeValue(CodeValueKind.FromSecret, secretName)
                    : ValueOf(variable.Value, resources);
                if (value.Kind == CodeValueKind.Unknown)
                {
                    diagnostics.Add(DiagnosticCatalog.TablesValueUnknown, variable.Location.Source, name, owner, variable.Value.Text ?? "");
                }

                if (secretName is not null)
                {
                    referenced.Add(secretName);
                    secretLocations.TryAdd(secretName, variable.Location.Source);
                    if (variable.Value.SecretField is { Length: > 0 } field)
                    {
                        Fields(fields, secretName).Add(field);
                    }
                    else if (!isSecretArn)
                    {
                        // The variable receives the whole secret string.
                        plain.Add(secretName);
                    }
                }

                if (variables.TryGetValue(name, out var existing))
                {
                    if (!existing.UsedBy.Contains(owner))
                    {
                        existing.UsedBy.Add(owner);
                    }
                    if (name != variable.Name && !existing.Aliases.Contains(variable.Name))
                    {
                        existing.Aliases.Add(variable.Name);
                    }
                    if (!SameValue(existing.Row.Value, value))
                    {
                        diagnostics.Add(DiagnosticCatalog.TablesValueConflict, variable.Location.Source,
                            name, Describe(existing.Row.Value), existing.Where, Describe(value), owner);
                    }
                    continue;
                }
                variables[name] = (new CodeVariable(name, value, default, false, default), owner, [owner], name != variable.Name ? [variable.Name] : [], variable);
            }
        }

        var secretNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reference in infra.Secrets)
        {
            if (IsReadableSecretName(reference.Name))
            {
                secretNames.Add(reference.Name);
                secretLocations.TryAdd(reference.Name, reference.Location.Source);
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.TablesSecretNameUnknown, reference.Location.Source, reference.Arn ?? reference.Name);
            }
        }
        secretNames.UnionWith(referenced.Where(IsReadableSecretName));

        // Counted once: per variable it made the model quadratic (variables × compute).
        var distinctCompute = compute.Select(c => ComputeName(c, resources)).Distinct().Count();
        var rows = variables.Values
            .Select(v => (Row: v.Row with
            {
                UsedBy = v.UsedBy.ToEquatableArray(),
                UsedByAll = compute.Count > 1 && v.UsedBy.Count == distinctCompute,
                Aliases = v.Aliases.ToEquatableArray(),
            }, v.Source, Owner: v.Where))
            .OrderBy(v => v.Row.Name, StringComparer.Ordinal);
        var secretRows = secretNames
            .Select(name => (Row: fields.TryGetValue(name, out var read)
                ? new CodeSecret(name, SecretShape.Json, read.ToEquatableArray())
                : new CodeSecret(name, plain.Contains(name) ? SecretShape.Plain : SecretShape.Unknown, EquatableArray<string>.Empty),
                Location: secretLocations.GetValueOrDefault(name, SourceLocation.OfFile(infra.Path))));
        var (safeRows, safeSecrets) = Safe(rows, secretRows, diagnostics);
        var secrets = safeSecrets.ToEquatableArray();
        var environment = infra.Stacks.Count == 1 ? EnvironmentOfStack(infra.Stacks[0]) : null;
        return new StageResult<TableModel>(new TableModel(safeRows.ToEquatableArray(), secrets, environment), diagnostics.ToImmutableSorted());
    }

    /// <summary>The environment a stack name such as <c>NotificationsProdStack</c> or <c>orders-dev</c> names, if exactly one.</summary>
    public static string? EnvironmentOfStack(string stack)
    {
        var found = WordPattern().Matches(stack)
            .Select(m => EnvironmentNames.Canonical(m.Value))
            .OfType<string>()
            .Distinct()
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static SortedSet<string> Fields(Dictionary<string, SortedSet<string>> fields, string secret)
    {
        if (!fields.TryGetValue(secret, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            fields[secret] = set;
        }
        return set;
    }

    private static CodeValue ValueOf(InfraValue value, Dictionary<string, InfraResource> resources) => value.Kind switch
    {
        InfraValueKind.Literal => new CodeValue(CodeValueKind.Literal, value.Text ?? ""),
        InfraValueKind.Reference => new CodeValue(CodeValueKind.FromResource, value.Text,
            value.ResourceId is { } id ? ResourceName(id, resources) : value.Text,
            Target: value.ResourceId is { } target ? resources.GetValueOrDefault(target) : null),

        // The infrastructure reader gives a context value the cdk.json default as its text when there is one.
        InfraValueKind.Context when value.Text is not null => new CodeValue(CodeValueKind.Literal, value.Text),
        _ => new CodeValue(CodeValueKind.Unknown, value.Text),
    };

    /// <summary>The secret a value names: a secret value, or a reference to a secret declared in the stack.</summary>
    private static string? SecretNameOf(InfraValue value, Dictionary<string, InfraResource> resources)
    {
        if (value.Kind == InfraValueKind.Secret)
        {
            return value.SecretName ?? value.Text ?? "";
        }
        if (value.Kind == InfraValueKind.Reference && value.ResourceId is { } id && resources.TryGetValue(id, out var resource)
            && (resource.Role == InfraRole.Secret || resource.Type == "AWS::SecretsManager::Secret"))
        {
            return resource.PhysicalName ?? ResourceName(id, resources);
        }
        return null;
    }

    private static bool SameValue(CodeValue a, CodeValue b) =>
        a.Kind == b.Kind && a.Kind switch
        {
            CodeValueKind.Literal => a.Text == b.Text,
            CodeValueKind.FromResource => a.Resource == b.Resource,
            _ => true,
        };

    private static string Describe(CodeValue value) => value.Kind switch
    {
        CodeValueKind.Literal => value.Text ?? "",
        CodeValueKind.FromResource => $"from {value.Resource}",
        CodeValueKind.FromSecret => "Secrets Manager",
        _ => value.Text ?? "unknown",
    };

    /// <summary>A resource's name for people: its physical name, else its construct id, else its logical id.</summary>
    private static string ResourceName(string logicalId, Dictionary<string, InfraResource> resources)
    {
        if (!resources.TryGetValue(logicalId, out var resource))
        {
            return logicalId;
        }
        if (!string.IsNullOrWhiteSpace(resource.PhysicalName) && !resource.PhysicalName.Contains("${", StringComparison.Ordinal))
        {
            return resource.PhysicalName;
        }
        return ConstructId(resource.CdkPath) ?? WithoutHash(logicalId);
    }

    /// <summary>A CDK logical id without the 8-character hash CDK appends (<c>SnapshotBucketB2BF31D3</c> → <c>SnapshotBucket</c>).</summary>
    private static string WithoutHash(string logicalId)
    {
        var match = LogicalIdHash().Match(logicalId);
        return match.Success ? match.Groups["name"].Value : logicalId;
    }

    private static string ComputeName(ComputeResource compute, Dictionary<string, InfraResource> resources)
    {
        var name = resources.ContainsKey(compute.LogicalId)
            ? ResourceName(compute.LogicalId, resources)
            : ConstructId(compute.CdkPath) ?? WithoutHash(compute.LogicalId);
        return compute.ContainerName is null ? name : $"{name}/{compute.ContainerName}";
    }

    /// <summary>The construct's own id from <c>Stack/Orders/Resource</c> (the last segment that is not CDK's "Resource").</summary>
    private static string? ConstructId(string? cdkPath)
    {
        if (string.IsNullOrEmpty(cdkPath))
        {
            return null;
        }
        var segments = cdkPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 1; i--)
        {
            if (segments[i] is not ("Resource" or "Default"))
            {
                return segments[i];
            }
        }
        return null;
    }

    private static bool IsReadableSecretName(string name) =>
        name.Length > 0 && !name.Contains("${", StringComparison.Ordinal) && !name.Contains("{{", StringComparison.Ordinal)
        && !name.StartsWith("arn:", StringComparison.Ordinal) && !name.Contains('*');

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9]*?[a-z0-9])[0-9A-F]{8}$")]
    private static partial Regex LogicalIdHash();

    // Words of a stack name: "NotificationsProdStack" → Notifications, Prod, Stack; "orders-dev" → orders, dev.
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")]
    private static partial Regex WordPattern();
}
