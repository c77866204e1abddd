using ArchPlan.Generation.Output;

namespace ArchPlan.Tests.Generation.Output;

/// <summary>
/// The real disk, except that the Nth change (write, rename, delete, new folder) fails: a full disk, a
/// read-only folder, or a crash midway. A failing write leaves half its bytes behind, as a full disk does.
/// </summary>
internal sealed class FaultyFileSystem(int failAt, Func<string, Exception>? makeError = null) : IFileSystem
{
    private readonly IFileSystem _disk = PhysicalFileSystem.Instance;

    /// <summary>How many changes were attempted, counting the failed one.</summary>
    public int Changes { get; private set; }

    public bool Failed { get; private set; }

    public bool FileExists(string path) => _disk.FileExists(path);

    public bool DirectoryExists(string path) => _disk.DirectoryExists(path);

    public string? GetLinkTarget(string path) => _disk.GetLinkTarget(path);

    public byte[] ReadAllBytes(string path) => _disk.ReadAllBytes(path);

    public void WriteAllBytes(string path, byte[] bytes)
    {
        if (ShouldFail())
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            throw Error(path);
        }
        _disk.WriteAllBytes(path, bytes);
    }

    public void Move(string source, string destination)
    {
        FailIfDue(destination);
        _disk.Move(source, destination);
    }

    public void DeleteFile(string path)
    {
        FailIfDue(path);
        _disk.DeleteFile(path);
    }

    public void CreateDirectory(string path)
    {
        FailIfDue(path);
        _disk.CreateDirectory(path);
    }

    public bool TryDeleteEmptyDirectory(string path) => _disk.TryDeleteEmptyDirectory(path);

    public IDisposable? TryAcquireLock(string path) => _disk.TryAcquireLock(path);

    private void FailIfDue(string path)
    {
        if (ShouldFail())
        {
            throw Error(path);
        }
    }

    // Only the Nth change fails: the rollback that follows must be able to use the disk again.
    private bool ShouldFail()
    {
        Changes++;
        if (Changes != failAt)
        {
            return false;
        }
        Failed = true;
        return true;
    }

    private Exception Error(string path) =>
        makeError?.Invoke(path) ?? new IOException($"No space left on device : '{path}'");
}
