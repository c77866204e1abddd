namespace ArchPlan.Tests.Support;

/// <summary>Paths inside the repository, found from the test assembly's location.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArchPlan.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ArchPlan.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static string TestFiles => Path.Combine(Root, "tests", "ArchPlan.Tests", "TestFiles");

    public static string Template => Path.Combine(Root, "templates", "plan-template.md");

    /// <summary>Every bundled sample plan (samples/*.md except the README).</summary>
    public static IEnumerable<string> AllSamples() =>
        Directory.EnumerateFiles(Samples, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
