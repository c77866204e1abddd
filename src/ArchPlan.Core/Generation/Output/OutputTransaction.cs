namespace ArchPlan.Generation.Output;

/// <summary>
/// Applies a set of file writes and deletions all-or-nothing: every new content is first written to a temp
/// file beside its target, then renamed over it; the manifest is renamed last. Any failure undoes what was
/// done, from an undo log holding the previous bytes, and removes the folders this run created.
/// </summary>
internal sealed class OutputTransaction(IFileSystem fileSystem, string outputRoot)
{
    private readonly List<string> _createdDirectories = [];
    private readonly List<Staged> _staged = [];
    private readonly List<Staged> _undoLog = [];

    /// <summary>The path being worked on when an exception escaped, relative to the output root.</summary>
    public string? CurrentPath { get; private set; }

    /// <summary>Failures while undoing: the path and the error. Non-empty means the folder may be partly updated.</summary>
    public List<(string Path, string Error)> RollbackFailures { get; } = [];

    /// <summary>Creates <paramref name="directory"/> and any missing parents, remembering which were new.</summary>
    public void EnsureDirectory(string directory)
    {
        var missing = new Stack<string>();
        for (var current = directory; !fileSystem.DirectoryExists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }
        while (missing.TryPop(out var next))
        {
            CurrentPath = Display(next);
            fileSystem.CreateDirectory(next);
            _createdDirectories.Add(next);
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to a temp file beside <paramref name="target"/>; <paramref name="previous"/>
    /// holds the target's current bytes (null when it does not exist) for undoing.
    /// </summary>
    public void Stage(string target, byte[] bytes, byte[]? previous)
    {
        EnsureDirectory(Path.GetDirectoryName(target)!);
        var staged = new Staged(target, TempPathFor(target), bytes, previous);
        CurrentPath = Display(target);
        RemoveLeftover(staged.Temp);
        // Recorded before writing so a half-written temp file is deleted too.
        _staged.Add(staged);
        fileSystem.WriteAllBytes(staged.Temp, bytes);
    }

    /// <summary>
    /// Renames every staged file over its target, deletes <paramref name="removals"/>, and renames the staged
    /// manifest last, so a manifest on disk never describes files that are not in place yet.
    /// </summary>
    public void Commit(IReadOnlyList<(string Target, byte[] Previous)> removals, string? manifest)
    {
        foreach (var staged in _staged.Where(s => s.Target != manifest))
        {
            Rename(staged);
        }
        foreach (var (target, previous) in removals)
        {
            CurrentPath = Display(target);
            fileSystem.DeleteFile(target);
            _undoLog.Add(new Staged(target, TempPathFor(target), [], previous));
        }
        foreach (var staged in _staged.Where(s => s.Target == manifest))
        {
            Rename(staged);
        }
        _staged.Clear();
        _undoLog.Clear();
    }

    /// <summary>
    /// Undoes everything, best effort: deletes temp files and restores previous bytes. New folders are removed
    /// separately by <see cref="RemoveCreatedDirectories"/>, once the lock file inside one of them is closed.
    /// </summary>
    public void Rollback()
    {
        foreach (var staged in _staged.Where(s => !_undoLog.Contains(s)))
        {
            Try(staged.Temp, () =>
            {
                if (fileSystem.FileExists(staged.Temp))
                {
                    fileSystem.DeleteFile(staged.Temp);
                }
            });
        }
        _staged.Clear();
        for (var i = _undoLog.Count - 1; i >= 0; i--)
        {
            var done = _undoLog[i];
            Try(done.Target, () =>
            {
                if (done.Previous is null)
                {
                    fileSystem.DeleteFile(done.Target);
                }
                else
                {
                    // Restore through a temp file as well, so a failure here cannot leave a truncated file.
                    RemoveLeftover(done.Temp);
                    fileSystem.WriteAllBytes(done.Temp, done.Previous);
                    fileSystem.Move(done.Temp, done.Target);
                }
            });
        }
        _undoLog.Clear();
    }

    /// <summary>Deletes the folders this transaction created, deepest first, if they are empty.</summary>
    public void RemoveCreatedDirectories()
    {
        for (var i = _createdDirectories.Count - 1; i >= 0; i--)
        {
            try
            {
                fileSystem.TryDeleteEmptyDirectory(_createdDirectories[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Cosmetic only: an empty folder left behind changes no file.
            }
        }
        _createdDirectories.Clear();
    }

    /// <summary>After a successful commit: deletes folders left empty by removed files, up to <paramref name="stopAt"/>.</summary>
    public void PruneEmptyParents(IEnumerable<string> removedFiles, string stopAt)
    {
        foreach (var file in removedFiles)
        {
            for (var directory = Path.GetDirectoryName(file);
                 directory is not null && directory.Length > stopAt.Length && directory.StartsWith(stopAt, StringComparison.Ordinal);
                 directory = Path.GetDirectoryName(directory))
            {
                try
                {
                    if (!fileSystem.TryDeleteEmptyDirectory(directory))
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Cosmetic only: the files are committed, an empty folder left behind is harmless.
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Deletes whatever stands at one of ArchPlan's own paths (a temp file left by an interrupted run, or a link someone
    /// planted there) without following it, so the exclusive create that follows cannot write through it.
    /// </summary>
    public void RemoveLeftover(string path)
    {
        if (fileSystem.GetLinkTarget(path) is not null || fileSystem.FileExists(path))
        {
            fileSystem.DeleteFile(path);
        }
    }

    public static string TempPathFor(string target) =>
        Path.Join(Path.GetDirectoryName(target), "." + Path.GetFileName(target) + OutputLayout.TempSuffix);

    private void Rename(Staged staged)
    {
        CurrentPath = Display(staged.Target);
        fileSystem.Move(staged.Temp, staged.Target);
        _undoLog.Add(staged);
    }

    private void Try(string path, Action undo)
    {
        try
        {
            undo();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RollbackFailures.Add((Display(path), e.Message));
        }
    }

    private string Display(string fullPath) =>
        Path.GetRelativePath(outputRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private sealed record Staged(string Target, string Temp, byte[] Bytes, byte[]? Previous);
}
