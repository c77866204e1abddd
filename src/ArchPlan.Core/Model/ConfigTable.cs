using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Model;

public enum ConfigTableKind
{
    EnvironmentVariables,
    Secrets,

    /// <summary>Variables read at build or deploy time (CDK context, <c>CDK_*</c>): <see cref="Plan.BuildTimeVariables"/>.</summary>
    BuildTimeVariables,
}

/// <summary>What a table column holds, decided from its header.</summary>
public enum ColumnRole
{
    Other,
    Name,
    Description,
    Value,
    Required,
    Format,
    Scope,
    Type,

    /// <summary>An Environment/Stage column naming the environment of the row.</summary>
    Environment,

    /// <summary>A column holding the value for one environment (<see cref="TableColumn.Environment"/>).</summary>
    EnvironmentValue,

    /// <summary>A column saying where the value comes from (<c>Source</c>: a secret, a resource, CDK context).</summary>
    Source,

    /// <summary>A column holding one value per environment its header names, in order (<c>Default (dev / prod)</c>): <see cref="TableColumn.Environments"/>.</summary>
    EnvironmentValues,
}

/// <summary>One column of a configuration table: its header as written and what it holds.</summary>
public sealed record TableColumn(string Header, ColumnRole Role, string? Environment = null)
{
    /// <summary>For <see cref="ColumnRole.EnvironmentValues"/>: the environments the header names, in its order.</summary>
    public EquatableArray<string> Environments { get; init; } = EquatableArray<string>.Empty;

    /// <summary>True when the column gives an example (<c>Example</c>, <c>e.g.</c>, <c>Sample</c>) rather than the value to deploy.</summary>
    public bool IsExample { get; init; }
}

/// <summary>A configuration table as it stands in the plan's source.</summary>
/// <param name="Kind">Variables or secrets.</param>
/// <param name="Start">Character offset of the table's first character in the source text.</param>
/// <param name="Length">Length of the table in characters, excluding the final line break.</param>
/// <param name="Columns">The header cells in order.</param>
/// <param name="Heading">The heading the table sits under.</param>
/// <param name="Environment">For one-table-per-environment layouts: the environment the heading names.</param>
/// <param name="Location">Where the table starts.</param>
public sealed record ConfigTable(
    ConfigTableKind Kind,
    int Start,
    int Length,
    EquatableArray<TableColumn> Columns,
    string Heading,
    string? Environment,
    SourceLocation Location);
