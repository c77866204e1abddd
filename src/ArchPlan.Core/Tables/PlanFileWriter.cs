using System.Collections.Immutable;
using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Tables;

/// <summary>
/// Writes a plan back after <c>tables --write</c> as an edit of the file people have, not as a new file: through a
/// symbolic link to the file it names, keeping the file's mode, owner and hard links, and never into a read-only plan.
/// </summary>
/// <remarks>
/// When the real file has one link and belongs to this user (known on Linux), the new text goes to a temp file beside
/// it, created exclusively with the same mode and group, flushed, and renamed over it: a crash or a full disk leaves the
/// old plan whole. Otherwise (a hard link, another owner, a folder this user cannot write to, or a system that does not
/// say) the bytes go into the existing file, once the whole new text is ready: first the part that makes the file
/// longer (so a full disk fails before any old byte is touched), then the rest, then the length.
/// </remarks>
public static class PlanFileWriter
{
    private const string TempSuffix = ".archplan-tmp";

    /// <summary>
    /// Replaces the content of <paramref name="path"/>, which must still be <paramref name="expected"/>, with
    /// <paramref name="updated"/>. Returns the errors (AP3130–AP3133); empty when the plan was written.
    /// </summary>
    public static ImmutableArray<Diagnostic> Write(string path, byte[] expected, byte[] updated)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(updated);
        var location = SourceLocation.OfFile(path);
        try
        {
            var real = RealFile(path);
            if (real is null || !File.Exists(real) || Directory.Exists(real))
            {
                var what = real is not null && Directory.Exists(real) ? "a folder" : "a link to nothing";
                return [DiagnosticCatalog.PlanNotRegularFile.At(location, path, what)];
            }
            var status = UnixFileStatus.Of(real);
            if (status is { IsRegularFile: false })
            {
                return [DiagnosticCatalog.PlanNotRegularFile.At(location, path, "a device, pipe or socket")];
            }
            if (IsReadOnly(real))
            {
                return [DiagnosticCatalog.PlanReadOnly.At(location, path)];
            }
            if (!File.ReadAllBytes(real).AsSpan().SequenceEqual(expected))
            {
                return [DiagnosticCatalog.PlanChangedWhileWriting.At(location, path)];
            }
            if (status is { LinkCount: 1 } known && known.Owner == UnixFileStatus.EffectiveUser() && TryReplace(real, known, updated))
            {
                return [];
            }
            return WriteInPlace(real, expected, updated) ? [] : [DiagnosticCatalog.PlanChangedWhileWriting.At(location, path)];
        }
        catch (UnauthorizedAccessException)
        {
            return [DiagnosticCatalog.PlanReadOnly.At(location, path)];
        }
        catch (IOException e)
        {
            return [DiagnosticCatalog.PlanWriteFailed.At(location, path, e.Message)];
        }
    }

    /// <summary>The file <paramref name="path"/> finally names, every symbolic link followed; null for a link loop.</summary>
    private static string? RealFile(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }
        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The mode, not the access check: root may write into a 0444 file, but its owner made it read-only on purpose.
    private static bool IsReadOnly(string real) =>
        OperatingSystem.IsWindows()
            ? File.GetAttributes(real).HasFlag(FileAttributes.ReadOnly)
            : !File.GetUnixFileMode(real).HasFlag(UnixFileMode.UserWrite);

    /// <summary>Writes a temp file beside <paramref name="real"/> with its mode and group and renames it over it; false when that cannot keep them.</summary>
    private static bool TryReplace(string real, UnixFileStatus status, byte[] updated)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        var temp = Path.Join(Path.GetDirectoryName(real), $".{Path.GetFileName(real)}.{Guid.NewGuid():N}{TempSuffix}");
        var renamed = false;
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, // O_EXCL: never opened through anything already there
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = status.Mode & (UnixFileMode)0x1FF,
            };
            using (var stream = new FileStream(temp, options))
            {
                // The umask may have taken bits away at creation; set the plan's mode exactly (setuid and the like excepted).
                File.SetUnixFileMode(stream.SafeFileHandle, status.Mode & (UnixFileMode)0x1FF);
                stream.Write(updated);
                stream.Flush(flushToDisk: true);
            }
            // A folder with setgid, or a plan whose group was changed, would give the new file another group.
            if (UnixFileStatus.Of(temp) is not { } created || created.Group != status.Group || created.Owner != status.Owner)
            {
                return false;
            }
            File.Move(temp, real, overwrite: true);
            renamed = true;
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            // The folder is not writable for this user (the file may still be): write in place instead.
            return false;
        }
        finally
        {
            if (!renamed)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes <paramref name="updated"/> into the existing file; false when it no longer holds <paramref name="expected"/>.</summary>
    private static bool WriteInPlace(string real, byte[] expected, byte[] updated)
    {
        using var stream = new FileStream(real, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        var current = new byte[stream.Length];
        stream.ReadExactly(current);
        if (!current.AsSpan().SequenceEqual(expected))
        {
            return false;
        }
        if (updated.Length > expected.Length)
        {
            // Grow first: a full disk fails here, and the file is cut back to its old bytes.
            try
            {
                stream.Position = expected.Length;
                stream.Write(updated, expected.Length, updated.Length - expected.Length);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                stream.SetLength(expected.Length);
                throw;
            }
        }
        stream.Position = 0;
        stream.Write(updated, 0, Math.Min(updated.Length, expected.Length));
        stream.SetLength(updated.Length);
        stream.Flush(flushToDisk: true);
        return true;
    }
}
