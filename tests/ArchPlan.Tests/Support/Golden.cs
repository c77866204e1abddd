using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ArchPlan.Tests.Support;

/// <summary>
/// Compares output with golden files kept beside the tests, byte for byte. Set ARCHPLAN_ACCEPT=1 to rewrite them
/// from the current output instead (then review the diff in git).
/// </summary>
internal static class Golden
{
    public static bool Accepting => Environment.GetEnvironmentVariable("ARCHPLAN_ACCEPT") == "1";

    /// <summary>The folder <paramref name="relative"/> next to the calling test's source file.</summary>
    public static string Folder(string relative, [CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(callerFile)!, relative);

    /// <summary>Checks that <paramref name="folder"/> holds exactly <paramref name="files"/> (relative path to content).</summary>
    public static void Verify(string folder, IReadOnlyDictionary<string, string> files)
    {
        if (Accepting)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            foreach (var (path, content) in files)
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, Encoding.UTF8.GetBytes(content));
            }
            return;
        }

        Assert.True(Directory.Exists(folder), $"Golden folder {folder} is missing; run the tests with ARCHPLAN_ACCEPT=1 to create it.");
        var expectedPaths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expectedPaths, files.Keys.Order(StringComparer.Ordinal).ToList());

        var failures = new StringBuilder();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, path));
            var actual = Encoding.UTF8.GetBytes(content);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                failures.Append("--- ").Append(path).AppendLine(" differs from its golden file:");
                failures.AppendLine(Diff(Encoding.UTF8.GetString(expected), content));
            }
        }
        Assert.True(failures.Length == 0, failures + "Run with ARCHPLAN_ACCEPT=1 to accept the new output.");
    }

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        foreach (var line in model.Lines.Where(l => l.Type != ChangeType.Unchanged).Take(40))
        {
            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
        }
        return builder.ToString();
    }
}
