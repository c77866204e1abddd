namespace ArchPlan.Generation.Output;

/// <summary>The real disk.</summary>
internal sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    private PhysicalFileSystem()
    {
    }

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    // LinkTarget reads the link itself (lstat/readlink), so it also sees dangling links and links to folders.
    public string? GetLinkTarget(string path) => new FileInfo(path).LinkTarget;

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public void WriteAllBytes(string path, byte[] bytes)
    {
        // CreateNew is O_CREAT|O_EXCL: it fails on any existing entry, a dangling link included, and never follows one.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        stream.Write(bytes);
        // Flush to the disk, not just the OS cache, so a crash after the rename never leaves an empty file.
        stream.Flush(flushToDisk: true);
    }

    public void Move(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void DeleteFile(string path) => File.Delete(path);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public bool TryDeleteEmptyDirectory(string path)
    {
        if (GetLinkTarget(path) is not null || !Directory.Exists(path) || Directory.EnumerateFileSystemEntries(path).Any())
        {
            return false;
        }
        Directory.Delete(path, recursive: false);
        return true;
    }

    public IDisposable? TryAcquireLock(string path)
    {
        try
        {
            // FileShare.None takes an exclusive flock on Unix and a sharing lock on Windows; the OS drops it
            // if the process dies, so a crash never leaves a stale lock. DeleteOnClose keeps the folder clean.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (IsHeldByAnother(e))
        {
            return null;
        }
    }

    // Windows: ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33) in the low word;
    // Unix: flock's EWOULDBLOCK, which is 11 on Linux and 35 on macOS.
    private static bool IsHeldByAnother(IOException e) =>
        (e.HResult & 0xFFFF) is 32 or 33 || (!OperatingSystem.IsWindows() && e.HResult is 11 or 35);
}
