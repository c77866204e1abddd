using System.Text;

namespace ArchPlan.Tests.Generation.Output;

/// <summary>A real temporary folder, deleted on dispose, with helpers to read and snapshot it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Join(Path.GetTempPath(), "archplan-output-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relativePath) => Path.Join(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath), Encoding.UTF8);

    public bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    public void Write(string relativePath, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relativePath))!);
        File.WriteAllBytes(PathOf(relativePath), Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Every folder and file under <paramref name="root"/> with its bytes, as one comparable string.</summary>
    public static string Snapshot(string root)
    {
        var text = new StringBuilder();
        var entries = Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } link)
            {
                text.Append("link ").Append(relative).Append(" -> ").Append(link).Append('\n');
            }
            else if (Directory.Exists(entry))
            {
                text.Append("dir  ").Append(relative).Append('\n');
            }
            else
            {
                text.Append("file ").Append(relative).Append(' ').Append(ReadOrLocked(entry)).Append('\n');
            }
        }
        return text.ToString();
    }

    public string Snapshot() => Snapshot(Root);

    // A file another handle holds exclusively (a lock file) cannot be read, only named.
    private static string ReadOrLocked(string path)
    {
        try
        {
            return Convert.ToBase64String(File.ReadAllBytes(path));
        }
        catch (IOException)
        {
            return "(locked)";
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed midway may hold a handle; the OS temp cleaner gets the rest.
        }
    }
}
