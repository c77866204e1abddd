using System.Runtime.InteropServices;
using System.Text;

namespace ArchPlan.Common;

/// <summary>What became of reading an input file.</summary>
public enum InputFileOutcome
{
    /// <summary>The bytes were read.</summary>
    Read,

    /// <summary>The path is empty or names nothing.</summary>
    NotFound,

    /// <summary>The path names a folder.</summary>
    Folder,

    /// <summary>A device, pipe or socket: refused without reading, since it can stream without end.</summary>
    NotRegular,

    /// <summary>More bytes than the cap (the file was read only up to the cap, plus one byte).</summary>
    TooLarge,

    /// <summary>The operating system refused (permissions, I/O error).</summary>
    Failed,
}

/// <summary>The bytes of an input file, or why there are none (<see cref="Detail"/> says it in words).</summary>
public readonly record struct InputFileResult(InputFileOutcome Outcome, byte[]? Bytes, string Detail);

/// <summary>
/// Reads every file ArchPlan takes as input (plans, templates, manifests, source): regular files only, and never more
/// than a cap, whatever the file claims its size is. <c>/dev/zero</c>, a FIFO or a link to either cannot make a run
/// read gigabytes or wait forever.
/// </summary>
public static class InputFile
{
    /// <summary>Reads at most <paramref name="cap"/> + 1 bytes of <paramref name="path"/>.</summary>
    public static InputFileResult Read(string path, long cap)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new(InputFileOutcome.NotFound, null, "the path is empty");
        }
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return new(InputFileOutcome.NotFound, null, "the path contains a NUL character");
        }
        try
        {
            if (Directory.Exists(path))
            {
                return new(InputFileOutcome.Folder, null, "it is a folder");
            }
            if (!File.Exists(path))
            {
                return new(InputFileOutcome.NotFound, null, "no such file");
            }
            if (SpecialKind(path) is { } kind)
            {
                return new(InputFileOutcome.NotRegular, null, kind);
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var bytes = ReadAtMost(stream, cap);
            return bytes.Length > cap
                ? new(InputFileOutcome.TooLarge, null, $"more than {cap:N0} bytes")
                : new(InputFileOutcome.Read, bytes, "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(InputFileOutcome.Failed, null, ex.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Reads up to <paramref name="cap"/> + 1 bytes: one more than allowed is enough to know the file is too large.</summary>
    private static byte[] ReadAtMost(Stream stream, long cap)
    {
        var limit = (int)Math.Min(cap + 1, Array.MaxLength);
        long hint;
        try
        {
            hint = stream.CanSeek ? stream.Length : 0;
        }
        catch (IOException)
        {
            hint = 0;
        }
        var buffer = new byte[(int)Math.Clamp(hint + 1, 4096, limit)];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>What a path is when it is not a regular file (following links), in words; null for a regular file or when unknown.</summary>
    internal static string? SpecialKind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows device names are no files File.Exists finds; the read cap still bounds anything else.
            return null;
        }
        try
        {
            // The runtime's own portable stat (libSystem.Native ships with every .NET): its FileStatus has the
            // mode at offset 4 on every platform. The buffer is larger than the struct, so a later field cannot overrun it.
            var status = new byte[512];
            if (NativeMethods.Stat(path, status) != 0)
            {
                return null;
            }
            return (BitConverter.ToInt32(status, 4) & 0xF000) switch
            {
                0x1000 => "a named pipe (FIFO)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => null,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The encoding of text that is neither UTF-8 nor ASCII but UTF-16 or UTF-32 (by its byte order mark, or by the
    /// pattern of zero bytes Latin text has in those encodings), in words; null otherwise.
    /// </summary>
    public static string? WideEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return "UTF-32 (little-endian, with a byte order mark)";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "UTF-32 (big-endian, with a byte order mark)";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16 (little-endian, with a byte order mark)";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 (big-endian, with a byte order mark)";
        }

        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length >= 8 && Mostly(sample, 4) is { } utf32)
        {
            return utf32 ? "UTF-32 (little-endian)" : "UTF-32 (big-endian)";
        }
        if (sample.Length >= 4 && Mostly(sample, 2) is { } utf16)
        {
            return utf16 ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)";
        }
        return null;
    }

    /// <summary>
    /// True when most units of <paramref name="width"/> bytes hold one non-zero byte first and zeros after it
    /// (little-endian Latin text), false when zeros come first (big-endian), null when neither.
    /// </summary>
    private static bool? Mostly(ReadOnlySpan<byte> sample, int width)
    {
        int units = sample.Length / width, little = 0, big = 0;
        for (var i = 0; i + width <= sample.Length; i += width)
        {
            var unit = sample.Slice(i, width);
            if (unit[0] != 0 && unit[1..].IndexOfAnyExcept((byte)0) < 0)
            {
                little++;
            }
            else if (unit[^1] != 0 && unit[..^1].IndexOfAnyExcept((byte)0) < 0)
            {
                big++;
            }
        }
        return little * 4 >= units * 3 ? true : big * 4 >= units * 3 ? false : null;
    }

    /// <summary>Decodes template text: UTF-8 (BOM or not), or UTF-16/UTF-32 with a byte order mark, as every JSON/YAML tool does.</summary>
    internal static string DecodeText(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}

/// <summary>Where a path really leads, every symbolic link along it followed, and whether it stays inside a folder.</summary>
public static class RealPaths
{
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The path with every symbolic link resolved, component by component (as <c>realpath</c> does: a link in the
    /// middle of the path counts, and <c>..</c> after a link climbs from where the link leads). Parts that do not
    /// exist are kept as written. Throws <see cref="IOException"/> on a loop of links.
    /// </summary>
    public static string Resolve(string path)
    {
        var pending = new Stack<string>();
        var full = Path.GetFullPath(path);
        var current = Push(full, pending);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"'{path}' goes through more than {MaxLinks} symbolic links");
                }
                // Resolve the target's parts next, before the rest of the path.
                current = Push(Path.IsPathRooted(target) ? target : Path.Combine(current, target), pending, current);
                continue;
            }
            current = next;
        }
        return current;
    }

    /// <summary>Pushes the parts of <paramref name="path"/> (first part on top); returns the folder they start from.</summary>
    private static string Push(string path, Stack<string> pending, string? relativeTo = null)
    {
        var root = Path.GetPathRoot(path);
        var start = string.IsNullOrEmpty(root) ? relativeTo ?? Path.GetFullPath(".") : root;
        var parts = path[(root?.Length ?? 0)..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
        return start;
    }

    /// <summary>True when <paramref name="path"/>, links followed, is <paramref name="realFolder"/> or inside it.</summary>
    public static bool StaysInside(string path, string realFolder)
    {
        var real = Resolve(path);
        var folder = realFolder.TrimEnd(Separators);
        return string.Equals(real, folder, Comparison)
            || (real.StartsWith(folder, Comparison) && real.Length > folder.Length && Separators.Contains(real[folder.Length]))
            || (folder.Length == 0 && real.Length > 0);
    }
}

/// <summary>Files under a folder, for readers that take a whole folder (a C# app, a folder of plans).</summary>
public static class InputFolders
{
    /// <summary>
    /// Every file under <paramref name="folder"/> whose name matches <paramref name="pattern"/>, in ordinal order.
    /// Folders that are symbolic links are not entered: .NET's own recursion follows them, so a link to a parent
    /// loops until paths are too long, and a link to <c>/</c> walks the whole disk.
    /// </summary>
    public static List<string> Files(string folder, string pattern, Func<string, bool>? enterFolder = null)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0, MatchCasing = MatchCasing.PlatformDefault };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var current))
        {
            files.AddRange(Directory.EnumerateFiles(current, pattern, options));
            foreach (var sub in Directory.EnumerateDirectories(current, "*", options))
            {
                if (new DirectoryInfo(sub).LinkTarget is null && (enterFolder?.Invoke(sub) ?? true))
                {
                    pending.Push(sub);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
