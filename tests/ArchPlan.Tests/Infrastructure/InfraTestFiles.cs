namespace ArchPlan.Tests.Infrastructure;

/// <summary>Finds the test inputs under tests/ArchPlan.Tests/TestFiles/infra, from the test assembly's folder upwards.</summary>
internal static class InfraTestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "ArchPlan.Tests", "TestFiles", "infra");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            candidate = System.IO.Path.Combine(dir.FullName, "TestFiles", "infra");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/ArchPlan.Tests/TestFiles/infra not found above " + AppContext.BaseDirectory);
    });

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>A fresh temporary folder, removed when disposed.</summary>
    public static TempFolder Temp() => new();

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "archplan-infra-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Dir);
        }

        public string Dir { get; }

        public string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(Dir, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>Copies a folder of test inputs here and returns the copy's path.</summary>
        public string CopyFolder(string source, string name)
        {
            var target = System.IO.Path.Combine(Dir, name);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
            return target;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Dir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
