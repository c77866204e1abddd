using System.Collections.Immutable;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;

namespace ArchPlan.Diffing;

/// <summary>The report sections, in the order they are shown: security first.</summary>
public enum DiffSection
{
    Security,
    EnvironmentVariables,
    Secrets,
    Resources,
}

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    SecretSetAsLiteral,
    VariableNotSet,
    VariableNotPlanned,
    VariableOnSomeCompute,
    RequiredVariableEmpty,
    SecretNotReferenced,
    SecretNotPlanned,
    SecretWildcardGrant,
    ResourceNotFound,
    ResourceNotPlanned,

    /// <summary>A literal the infrastructure sets differs from the plan's value (an error), or from its example (a warning).</summary>
    ValueDiffers,
}

/// <summary>One difference between the plan and the infrastructure.</summary>
/// <param name="Kind">What sort of difference.</param>
/// <param name="Descriptor">The catalog entry (id, severity, help).</param>
/// <param name="Subject">The variable, secret or resource the finding is about.</param>
/// <param name="Message">The message, formatted from the catalog.</param>
/// <param name="Help">What to do about it.</param>
/// <param name="PlanLocation">The plan line (the row, or the section heading when the plan lacks the thing).</param>
/// <param name="InfraLocation">The template resource or source line, when the infrastructure has the thing.</param>
/// <param name="Group">For resources: the CloudFormation type, used to group unplanned resources.</param>
public sealed record DiffFinding(
    FindingKind Kind,
    DiagnosticDescriptor Descriptor,
    string Subject,
    string Message,
    string Help,
    SourceLocation PlanLocation,
    InfraLocation? InfraLocation,
    string? Group = null)
{
    public string Id => Descriptor.Id;

    public Severity Severity => Descriptor.DefaultSeverity;

    /// <summary>
    /// The environments the finding holds for, when the infrastructure was compared per environment and it does not
    /// hold for all of them (<c>prod</c>, <c>dev, staging</c>); null otherwise.
    /// </summary>
    public string? Environment { get; init; }

    public DiffSection Section => Kind switch
    {
        FindingKind.SecretSetAsLiteral => DiffSection.Security,
        FindingKind.VariableNotSet or FindingKind.VariableNotPlanned or FindingKind.VariableOnSomeCompute
            or FindingKind.RequiredVariableEmpty or FindingKind.ValueDiffers => DiffSection.EnvironmentVariables,
        FindingKind.SecretNotReferenced or FindingKind.SecretNotPlanned or FindingKind.SecretWildcardGrant => DiffSection.Secrets,
        _ => DiffSection.Resources,
    };
}

/// <summary>Stacks compared with the plan together, and the environment they are for (null when not known or not per environment).</summary>
public sealed record StackComparison(string? Environment, EquatableArray<string> Stacks);

/// <summary>The result of comparing a plan with its infrastructure.</summary>
/// <param name="PlanPath">The plan file.</param>
/// <param name="InfraPath">The template, cdk.out folder or source folder.</param>
/// <param name="Findings">The differences, security first, then by section, plan line and subject.</param>
/// <param name="Diagnostics">Problems reading the inputs (warnings and notes; errors stop the diff before it runs).</param>
public sealed record DiffReport(string PlanPath, string InfraPath, EquatableArray<DiffFinding> Findings, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the plan and the infrastructure disagree.</summary>
    public bool HasDrift => Findings.Count > 0;

    /// <summary>What was read: a template, a cloud assembly (cdk.out) or C# source.</summary>
    public InfraSourceKind SourceKind { get; init; }

    /// <summary>The file or folder actually read (the <c>cdk.out</c> inside an app folder, say).</summary>
    public string ReadPath { get => field ?? InfraPath; init; }

    /// <summary>For C# source: how many .cs files were read.</summary>
    public int SourceFiles { get; init; }

    /// <summary>For C# source: the environment whose cdk.json values were read.</summary>
    public string? SourceEnvironment { get; init; }

    /// <summary>Every stack read.</summary>
    public EquatableArray<string> Stacks { get; init; } = EquatableArray<string>.Empty;

    /// <summary>How the stacks were compared: one entry per environment, or one for all of them.</summary>
    public EquatableArray<StackComparison> Comparisons { get; init; } = EquatableArray<StackComparison>.Empty;
}
