using ArchPlan.Diagnostics;

namespace ArchPlan.Infrastructure;

/// <summary>Reads a C# CDK app's source with Roslyn's syntax trees, without building it.</summary>
internal static class CdkSourceReader
{
    public static bool HasSource(string folder) => SourceFiles(folder).Any();

    internal static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "cdk.out" or "node_modules"))
            .Order(StringComparer.Ordinal);

    public static InfraModel? Read(string folder, DiagnosticBag diagnostics)
    {
        _ = diagnostics;
        return new InfraModelBuilder().Build(folder, InfraSourceKind.CdkSource);
    }
}
