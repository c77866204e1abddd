namespace ArchPlan.Generation.Output;

/// <summary>The few file operations the output writer needs; a seam so tests can make them fail midway.</summary>
/// <remarks>Every path is absolute. Methods throw <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> on failure.</remarks>
internal interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>The raw target of a symbolic link at <paramref name="path"/>, or null when it is not a link (or does not exist).</summary>
    string? GetLinkTarget(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>
    /// Creates <paramref name="path"/> exclusively (O_EXCL: fails when anything, a link included, is already there, so
    /// nothing is ever written through an existing path), writes <paramref name="bytes"/> and flushes them to the disk.
    /// </summary>
    void WriteAllBytes(string path, byte[] bytes);

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> (atomic within one folder).</summary>
    void Move(string source, string destination);

    /// <summary>Deletes a file; a symbolic link is deleted itself (unlink), never what it points to.</summary>
    void DeleteFile(string path);

    void CreateDirectory(string path);

    /// <summary>Deletes <paramref name="path"/> if it is an empty folder and not a link; returns whether it did.</summary>
    bool TryDeleteEmptyDirectory(string path);

    /// <summary>Opens <paramref name="path"/> (a regular file or nothing, never a link) exclusively; null when another process (or handle) holds it.</summary>
    IDisposable? TryAcquireLock(string path);
}
