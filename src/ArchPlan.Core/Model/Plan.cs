using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Model;

/// <summary>Everything ArchPlan understood from one architecture plan.</summary>
public sealed record Plan
{
    /// <summary>The path the plan was read from, as given by the caller.</summary>
    public required string FilePath { get; init; }

    public required FrontMatter FrontMatter { get; init; }

    /// <summary>The product slug (<c>apps/&lt;product&gt;/infra/cdk</c>), or null when the plan names none.</summary>
    public string? Product { get; init; }

    public ProductOrigin ProductOrigin { get; init; }

    /// <summary>Where the product slug was read, when it came from the plan.</summary>
    public SourceLocation? ProductLocation { get; init; }

    /// <summary>The stack file named in the CDK Stack Structure block (placeholders replaced), e.g. <c>acme-snapshot-stack.ts</c>.</summary>
    public string? StackFileName { get; init; }

    public EquatableArray<PlannedResource> Resources { get; init; } = EquatableArray<PlannedResource>.Empty;

    public EquatableArray<EnvVariable> Variables { get; init; } = EquatableArray<EnvVariable>.Empty;

    /// <summary>
    /// Variables read at build or deploy time (CDK context, <c>CDK_*</c>, deploy-script settings), not by the running
    /// compute: never wired into functions or containers, never expected on them by diff.
    /// </summary>
    public EquatableArray<EnvVariable> BuildTimeVariables { get; init; } = EquatableArray<EnvVariable>.Empty;

    public EquatableArray<PlannedSecret> Secrets { get; init; } = EquatableArray<PlannedSecret>.Empty;

    /// <summary>The configuration tables as found in the source, for tools that rewrite them.</summary>
    public EquatableArray<ConfigTable> Tables { get; init; } = EquatableArray<ConfigTable>.Empty;

    /// <summary>The headings of the sections that matter, with their locations.</summary>
    public PlanSections Sections { get; init; } = new();

    /// <summary>The environment names the plan gives values for (from columns, headings or an Environment column), in order of appearance.</summary>
    public EquatableArray<string> Environments { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Names the document writes in code spans outside code blocks (a paragraph's <c>estuary-crawler</c>, a family
    /// <c>ESTUARY_*</c>), with where: not read as resources or variables, but diff does not call infrastructure the
    /// document names "not in the plan".
    /// </summary>
    public EquatableArray<PlanPhrase> Mentions { get; init; } = EquatableArray<PlanPhrase>.Empty;

    /// <summary>A name for the plan in messages and generated code: the title, else the file name.</summary>
    public string DisplayName => FrontMatter.Title ?? Path.GetFileNameWithoutExtension(FilePath);
}

/// <summary>Where the product slug came from.</summary>
public enum ProductOrigin
{
    None,
    FrontMatter,
    StackStructure,
    Option,
}

/// <summary>Locations of the plan's sections that ArchPlan reads (null when a section is missing).</summary>
public sealed record PlanSections
{
    public SourceLocation? Infrastructure { get; init; }

    public SourceLocation? AwsResources { get; init; }

    public SourceLocation? StackStructure { get; init; }

    public SourceLocation? Configuration { get; init; }

    public SourceLocation? EnvironmentVariables { get; init; }

    public SourceLocation? Secrets { get; init; }

    /// <summary>Character offset where a new Configuration section would go (before the section after Infrastructure), for plans that have none.</summary>
    public int? ConfigurationInsertOffset { get; init; }
}
