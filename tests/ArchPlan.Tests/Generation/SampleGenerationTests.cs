using ArchPlan.Reading;

namespace ArchPlan.Tests.Generation;

/// <summary>The shipped samples read and generate without errors (the samples double as fixtures).</summary>
public sealed class SampleGenerationTests
{
    public static TheoryData<string> Samples => [.. Directory.EnumerateFiles(SamplesFolder(), "*.md")
        .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
        .Select(p => Path.GetFileName(p))
        .Order(StringComparer.Ordinal)];

    internal static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ArchPlan.sln")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("samples/ not found above the test binaries");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_generates_without_errors(string sample)
    {
        var read = PlanReader.Read(Path.Combine(SamplesFolder(), sample), new ReadOptions());
        Assert.NotNull(read.Value);
        var result = GenerationTestHelpers.Generate(read.Value, new ArchPlan.Generation.GeneratorOptions { SourcePlanPath = "samples/" + sample });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Value, f => f.RelativePath.EndsWith(".g.cs", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("ARCHPLAN_DUMP") is { } dump)
        {
            GenerationTestHelpers.Write(Path.Combine(dump, Path.GetFileNameWithoutExtension(sample)), result.Value);
            File.WriteAllLines(Path.Combine(dump, sample + ".diagnostics.txt"), result.Diagnostics.Select(d => d.ToString()));
        }
    }
}
