using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Model;

/// <summary>Where a configuration value comes from.</summary>
public enum ValueKind
{
    /// <summary>The plan gives no value.</summary>
    None,

    /// <summary>A literal, written as-is into the infrastructure.</summary>
    Literal,

    /// <summary>An attribute of a resource, e.g. <c>_(from RDS)_</c>.</summary>
    FromResource,

    /// <summary>A Secrets Manager secret (or one field of a JSON secret).</summary>
    FromSecret,
}

/// <summary>A configuration value and where it comes from.</summary>
/// <param name="Kind">What sort of value this is.</param>
/// <param name="Text">The cell text (plain, markup removed); the literal for <see cref="ValueKind.Literal"/>.</param>
/// <param name="Resource">For <see cref="ValueKind.FromResource"/>: the resource words the plan used, e.g. "RDS" or "S3 bucket".</param>
/// <param name="Secret">For <see cref="ValueKind.FromSecret"/>: the secret name when known.</param>
/// <param name="SecretField">For a JSON secret: the field, e.g. <c>password</c>.</param>
public sealed record ValueSpec(ValueKind Kind, string? Text = null, string? Resource = null, string? Secret = null, string? SecretField = null)
{
    public static ValueSpec None { get; } = new(ValueKind.None);

    public static ValueSpec Literal(string text) => new(ValueKind.Literal, text);
}

/// <summary>A value the plan gives for one environment (dev, staging, prod, ...).</summary>
public sealed record EnvironmentValue(string Environment, ValueSpec Value, SourceLocation Location);

/// <summary>What the Required column says.</summary>
public enum Requirement
{
    Unspecified,
    Required,
    Optional,

    /// <summary>The cell says something that is neither yes nor no; see <see cref="EnvVariable.RequiredText"/>.</summary>
    Invalid,
}

/// <summary>One environment variable from a configuration table.</summary>
public sealed record EnvVariable
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The default or example value (the value that applies when no environment-specific one does).</summary>
    public ValueSpec Value { get; init; } = ValueSpec.None;

    /// <summary>Values the plan gives per environment, in the plan's order.</summary>
    public EquatableArray<EnvironmentValue> PerEnvironment { get; init; } = EquatableArray<EnvironmentValue>.Empty;

    public Requirement Required { get; init; }

    /// <summary>The Required cell as written (null when the table has no such column).</summary>
    public string? RequiredText { get; init; }

    /// <summary>The components (resource names or words such as a handler file) the variable is scoped to; empty means every compute.</summary>
    public EquatableArray<string> Scope { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The Type column as written, when the table has one.</summary>
    public string? Type { get; init; }

    /// <summary>Other names the row gives the variable (<c>`A` (or `B`)</c>): the same setting under another name.</summary>
    public EquatableArray<string> Aliases { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// True when the value came from a column that gives an example (<c>Example</c>, <c>e.g.</c>) rather than the value
    /// to deploy (<c>Default</c>, <c>Value</c>, a per-environment column): a different value in the infrastructure is then
    /// a warning, not an error.
    /// </summary>
    public bool ValueIsExample { get; init; }

    /// <summary>Where the row's name cell is.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where the row's value cell is (the name cell when the table has no value column).</summary>
    public SourceLocation ValueLocation { get; init; }

    /// <summary>Index into <see cref="Plan.Tables"/> of the table the row came from.</summary>
    public int TableIndex { get; init; }
}

/// <summary>One secret from the Secrets table.</summary>
public sealed record PlannedSecret
{
    /// <summary>The secret name with <c>[product]</c> replaced by the product slug.</summary>
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The Format cell as written (plain text), null when the table has no Format column.</summary>
    public string? Format { get; init; }

    /// <summary>Field names of a JSON secret (<c>JSON: {username, password}</c>), empty for plain-string secrets.</summary>
    public EquatableArray<string> JsonFields { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The compute the secret is for, from a scoping column (<c>Used by</c>, <c>Component</c>); empty when the table does not say.</summary>
    public EquatableArray<string> Scope { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For per-environment secrets tables (an Environment column or heading): the environment this name is for.</summary>
    public string? Environment { get; init; }

    public required SourceLocation Location { get; init; }

    public int TableIndex { get; init; }
}
