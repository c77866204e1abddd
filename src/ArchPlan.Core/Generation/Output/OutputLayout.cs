using System.Diagnostics.CodeAnalysis;

namespace ArchPlan.Generation.Output;

/// <summary>
/// Where one product's files live under the output root, and the checks that keep every path inside
/// <c>apps/&lt;product&gt;/</c>: first by spelling, then by resolving symbolic links on disk.
/// </summary>
internal sealed class OutputLayout
{
    /// <summary>Suffix of the temporary files written beside their targets before the rename.</summary>
    public const string TempSuffix = ".archplan-tmp";

    private const string StateFolderName = ".archplan";

    // A link chain longer than this is treated as a loop (Linux gives up at 40 too).
    private const int MaxLinkHops = 40;

    // Linux disks are case-sensitive; macOS and Windows disks normally are not.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Compares relative paths the way the disk does, so two spellings of one file count as one.</summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private string? _realRoot;

    private OutputLayout(string outputRoot, string product)
    {
        OutputRoot = outputRoot;
        Product = product;
        ProductPrefix = $"apps/{product}/";
        AppPrefix = $"{ProductPrefix}infra/cdk/";
        ManifestPath = $"{AppPrefix}{StateFolderName}/manifest.json";
        LockPath = $"{AppPrefix}{StateFolderName}/lock";
    }

    /// <summary>The output root as a full path.</summary>
    public string OutputRoot { get; }

    public string Product { get; }

    /// <summary><c>apps/&lt;product&gt;/</c>: every relative path starts with it.</summary>
    public string ProductPrefix { get; }

    /// <summary><c>apps/&lt;product&gt;/infra/cdk/</c>: the generated app folder, the only place a leftover may be deleted.</summary>
    public string AppPrefix { get; }

    /// <summary>The manifest, relative to the output root.</summary>
    public string ManifestPath { get; }

    /// <summary>The lock file, relative to the output root.</summary>
    public string LockPath { get; }

    /// <summary>Call only with a slug <see cref="ProductSlug.IsValid"/> accepted.</summary>
    public static OutputLayout Create(string outputRoot, string product) =>
        new(Path.GetFullPath(outputRoot), product);

    public string ToFullPath(string relativePath) =>
        Path.Join(OutputRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The full path of the product folder, <c>&lt;root&gt;/apps/&lt;product&gt;</c>.</summary>
    public string ProductFolder => ToFullPath(ProductPrefix.TrimEnd('/'));

    /// <summary>The full path of the generated app folder, <c>&lt;root&gt;/apps/&lt;product&gt;/infra/cdk</c>.</summary>
    public string AppFolder => ToFullPath(AppPrefix.TrimEnd('/'));

    /// <summary>The temp file written beside <paramref name="relativePath"/> before it is renamed over it.</summary>
    public static string TempRelativePathFor(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return relativePath[..(slash + 1)] + "." + relativePath[(slash + 1)..] + TempSuffix;
    }

    /// <summary>
    /// True when <paramref name="relativePath"/> is spelled as a plain path under <c>apps/&lt;product&gt;/</c>
    /// that is a legal file name on Windows, macOS and Linux alike, and is not ArchPlan's own state.
    /// </summary>
    public bool IsPlainRelativePath([NotNullWhen(true)] string? relativePath)
    {
        if (relativePath is null || !relativePath.StartsWith(ProductPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var segments = relativePath[ProductPrefix.Length..].Split('/');
        return segments.All(IsPlainSegment);
    }

    /// <summary>
    /// Null when <paramref name="relativePath"/>, with every symbolic link on the way resolved, stays inside the
    /// product folder; otherwise the full path it really leads to.
    /// </summary>
    public string? FindEscape(IFileSystem fileSystem, string relativePath)
    {
        var realRoot = _realRoot ??= RealPath(fileSystem, OutputRoot);
        var target = RealPath(fileSystem, ToFullPath(relativePath));
        if (realRoot is null || target is null)
        {
            return ToFullPath(relativePath);
        }
        var anchor = Path.Join(realRoot, "apps", Product) + Path.DirectorySeparatorChar;
        return target.StartsWith(anchor, PathComparison) ? null : target;
    }

    /// <summary>
    /// Null when <paramref name="relativePath"/> is spelled under <c>apps/&lt;product&gt;/infra/cdk/</c> and, with every
    /// symbolic link resolved, stays inside the real app folder (itself inside the product folder); otherwise where it leads.
    /// </summary>
    public string? FindEscapeFromApp(IFileSystem fileSystem, string relativePath)
    {
        if (!relativePath.StartsWith(AppPrefix, StringComparison.Ordinal))
        {
            return ToFullPath(relativePath);
        }
        var realApp = RealPath(fileSystem, AppFolder);
        var target = RealPath(fileSystem, ToFullPath(relativePath));
        if (realApp is null || target is null || FindEscape(fileSystem, AppPrefix.TrimEnd('/')) is not null)
        {
            return target ?? ToFullPath(relativePath);
        }
        return target.StartsWith(realApp + Path.DirectorySeparatorChar, PathComparison) ? null : target;
    }

    private static bool IsPlainSegment(string segment)
    {
        if (segment.Length == 0 || segment is "." or ".."
            || segment.EndsWith('.') || segment.EndsWith(' ')
            || segment.Equals(StateFolderName, StringComparison.OrdinalIgnoreCase)
            || segment.EndsWith(TempSuffix, StringComparison.OrdinalIgnoreCase)
            || ProductSlug.IsReservedDeviceName(segment))
        {
            return false;
        }
        foreach (var c in segment)
        {
            // Backslash and colon would make a separator or a drive/stream on Windows; the rest are illegal there.
            if (char.IsControl(c) || c is '\\' or ':' or '<' or '>' or '"' or '|' or '?' or '*')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The path with every symbolic link along it resolved, like POSIX realpath but tolerating a missing tail;
    /// null for a link loop. '..' after a link goes up from the link's target, as the OS does.
    /// </summary>
    internal static string? RealPath(IFileSystem fileSystem, string fullPath)
    {
        var hops = 0;
        return Walk(Path.GetFullPath(fullPath));

        string? Walk(string path)
        {
            var root = Path.GetPathRoot(path);
            if (string.IsNullOrEmpty(root))
            {
                return null;
            }
            var current = root;
            var rest = path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
            foreach (var segment in rest)
            {
                if (segment is "" or ".")
                {
                    continue;
                }
                if (segment == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }
                var next = Path.Join(current, segment);
                var link = fileSystem.GetLinkTarget(next);
                if (link is null)
                {
                    current = next;
                    continue;
                }
                if (++hops > MaxLinkHops)
                {
                    return null;
                }
                var resolved = Walk(Path.IsPathRooted(link) ? link : Path.Join(current, link));
                if (resolved is null)
                {
                    return null;
                }
                current = resolved;
            }
            return current;
        }
    }
}
