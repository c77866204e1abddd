using System.Collections.Immutable;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Generation;

/// <summary>Turns a plan into the files of a C# AWS CDK app under <c>apps/&lt;product&gt;/infra/cdk/</c>.</summary>
public static class CdkAppGenerator
{
    /// <summary>Generates the app's files; the value is absent when the plan cannot be generated (errors say why).</summary>
    public static StageResult<ImmutableArray<GeneratedFile>> Generate(Plan plan, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException("The generator is being written.");
    }
}
