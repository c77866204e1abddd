using System.Collections.Immutable;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Model;

namespace ArchPlan.Tests.Generation;

internal static class GenerationTestHelpers
{
    public static StageResult<ImmutableArray<GeneratedFile>> Generate(Plan plan, GeneratorOptions? options = null) =>
        CdkAppGenerator.Generate(plan, options ?? new GeneratorOptions { SourcePlanPath = plan.FilePath });

    /// <summary>Generates and asserts success, returning files by path.</summary>
    public static Dictionary<string, GeneratedFile> GenerateFiles(Plan plan, GeneratorOptions? options = null)
    {
        var result = Generate(plan, options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>Writes the files under <paramref name="root"/> (the output root).</summary>
    public static void Write(string root, IEnumerable<GeneratedFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }
}
