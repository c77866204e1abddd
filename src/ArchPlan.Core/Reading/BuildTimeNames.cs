namespace ArchPlan.Reading;

/// <summary>Variables that are read at build or deploy time whatever table lists them.</summary>
internal static class BuildTimeNames
{
    /// <summary>CDK's own variables (<c>CDK_DEFAULT_ACCOUNT</c>, <c>CDK_DEPLOY_REGION</c>) are read by the CDK app, never by a function.</summary>
    public static bool IsBuildTime(string name) => name.StartsWith("CDK_", StringComparison.Ordinal);
}
