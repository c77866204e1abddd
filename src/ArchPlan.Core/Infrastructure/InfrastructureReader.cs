using ArchPlan.Diagnostics;

namespace ArchPlan.Infrastructure;

/// <summary>Reads existing infrastructure (a template, a cdk.out folder or a C# CDK app's source) into an <see cref="InfraModel"/>.</summary>
public static class InfrastructureReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="stackName"/> picks one stack of a cdk.out folder (artifact id or stack name).</summary>
    public static StageResult<InfraModel> Read(string path, string? stackName = null)
    {
        throw new NotImplementedException();
    }
}
