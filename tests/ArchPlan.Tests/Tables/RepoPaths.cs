namespace ArchPlan.Tests.Tables;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding ArchPlan.sln), found from the test binaries.</summary>
    public static string Root()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "ArchPlan.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("ArchPlan.sln not found above " + AppContext.BaseDirectory);
        }
        return dir;
    }
}
