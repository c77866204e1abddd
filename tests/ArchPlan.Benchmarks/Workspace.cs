namespace ArchPlan.Benchmarks;

/// <summary>A scratch folder under the temp directory, one per benchmark class and parameter set.</summary>
internal static class Workspace
{
    public static string Create(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "archplan-bench", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        return path;
    }
}
