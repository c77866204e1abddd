namespace ArchPlan.Generation;

/// <summary>Settings for <see cref="CdkAppGenerator"/>.</summary>
public sealed record GeneratorOptions
{
    /// <summary>A folder whose <c>*.liquid</c> files replace the embedded templates of the same name; null uses only the embedded ones.</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>The Amazon.CDK.Lib package version the generated project references.</summary>
    public string CdkLibVersion { get; init; } = "2.160.0";

    /// <summary>
    /// The AWS CDK CLI (npm package aws-cdk) the generated app's package.json pins, so that <c>npx cdk synth</c> works
    /// wherever the app is; the same version as the repository's own package.json, which the tests synthesize with.
    /// </summary>
    public string CdkCliVersion { get; init; } = "2.1148.1";

    /// <summary>The Constructs package version the generated project references.</summary>
    public string ConstructsVersion { get; init; } = "10.0.5";

    /// <summary>The plan's path as shown in generated headers and the README (e.g. relative to the repository); empty uses <c>Plan.FilePath</c>.</summary>
    public string SourcePlanPath { get; init; } = "";

    /// <summary>
    /// The stack class and construct id an earlier run generated for this product (from its manifest): kept, whatever
    /// the plan's title or stack file now says, so the files people own keep building. Null (or invalid) uses the plan's.
    /// </summary>
    public StackIdentity? KeepStack { get; init; }
}
