using System.Text;
using ArchPlan.Diagnostics;

namespace ArchPlan.Generation.Output;

/// <summary>
/// The last stage of <c>archplan generate</c>: writes generated files under <c>apps/&lt;product&gt;/</c> without
/// ever losing a person's work, and all-or-nothing.
/// </summary>
public static class OutputWriter
{
    // Files are written as UTF-8 without a BOM; throwing on lone surrogates beats writing U+FFFD silently.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Plans and (unless <see cref="WriteOptions.DryRun"/>) applies <paramref name="files"/> under
    /// <c>&lt;outputRoot&gt;/apps/&lt;product&gt;/</c>. The value is null only when the input itself is unsafe.
    /// </summary>
    /// <param name="outputRoot">The folder that holds <c>apps/</c>, usually the repository root.</param>
    /// <param name="product">The product slug; see <see cref="ProductSlug.IsValid"/>.</param>
    /// <param name="files">Paths relative to <paramref name="outputRoot"/>, each starting with <c>apps/&lt;product&gt;/</c>.</param>
    /// <param name="options">Dry run and force.</param>
    public static StageResult<WriteReport> Apply(string outputRoot, string product, IReadOnlyList<GeneratedFile> files, WriteOptions options) =>
        Apply(outputRoot, product, files, options, PhysicalFileSystem.Instance);

    internal static StageResult<WriteReport> Apply(
        string outputRoot, string product, IReadOnlyList<GeneratedFile> files, WriteOptions options, IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(outputRoot);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        if (!ProductSlug.IsValid(product))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidProductSlug, SourceLocation.OfFile(outputRoot), product);
            return Fail(diagnostics);
        }
        var layout = OutputLayout.Create(outputRoot, product);
        var wanted = Prepare(layout, files, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }
        try
        {
            CheckContainment(layout, fileSystem, wanted, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.OutputIoFailed, SourceLocation.OfFile(outputRoot), e.Message);
        }
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }
        return options.DryRun
            ? Plan(layout, fileSystem, wanted, options, diagnostics)
            : PlanAndWrite(layout, fileSystem, wanted, options, diagnostics);
    }

    /// <summary>
    /// The stack class and construct id an earlier run recorded for <paramref name="product"/> under
    /// <paramref name="outputRoot"/>, for <see cref="GeneratorOptions.KeepStack"/>. Manifests written before the stack was
    /// recorded give it by their one <c>src/&lt;Project&gt;/&lt;Class&gt;.g.cs</c> besides PlanSettings.g.cs (the id was the
    /// class then). Null when there is none, or the manifest cannot be used: the write then reports why.
    /// </summary>
    public static StackIdentity? RecordedStack(string outputRoot, string product)
    {
        ArgumentNullException.ThrowIfNull(outputRoot);
        if (!ProductSlug.IsValid(product))
        {
            return null;
        }
        var layout = OutputLayout.Create(outputRoot, product);
        var fileSystem = PhysicalFileSystem.Instance;
        var fullPath = layout.ToFullPath(layout.ManifestPath);
        try
        {
            if (layout.FindEscape(fileSystem, layout.ManifestPath) is not null || fileSystem.GetLinkTarget(fullPath) is not null
                || !fileSystem.FileExists(fullPath))
            {
                return null;
            }
            var manifest = OutputManifest.TryParse(fileSystem.ReadAllBytes(fullPath), product, out _);
            if (manifest?.Stack is { } recorded)
            {
                return recorded;
            }
            var classes = (manifest?.Files.Keys ?? [])
                .Where(p => p.StartsWith(layout.AppPrefix + "src/", StringComparison.Ordinal) && p.EndsWith(".g.cs", StringComparison.Ordinal))
                .Select(p => p[(p.LastIndexOf('/') + 1)..^".g.cs".Length])
                .Where(name => name != "PlanSettings")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return classes.Count == 1 && new StackIdentity(classes[0], classes[0]) is { IsValid: true } inferred ? inferred : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Checks every path by spelling and encodes every content; reports all problems at once.</summary>
    private static List<Wanted> Prepare(OutputLayout layout, IReadOnlyList<GeneratedFile> files, DiagnosticBag diagnostics)
    {
        var wanted = new List<Wanted>(files.Count);
        foreach (var file in files)
        {
            if (!layout.IsPlainRelativePath(file.RelativePath))
            {
                diagnostics.Add(DiagnosticCatalog.UnsafeOutputPath, SourceLocation.OfFile(file.RelativePath ?? ""), file.RelativePath, layout.Product);
                continue;
            }
            try
            {
                wanted.Add(new Wanted(file.RelativePath, layout.ToFullPath(file.RelativePath), StrictUtf8.GetBytes(file.Content), file.Ownership));
            }
            catch (EncoderFallbackException)
            {
                diagnostics.Add(DiagnosticCatalog.ContentNotEncodable, SourceLocation.OfFile(file.RelativePath), file.RelativePath);
            }
        }
        ReportCollisions(wanted, diagnostics);
        wanted.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return wanted;
    }

    // Case-insensitive because macOS and Windows disks are: two such files would overwrite each other there.
    private static void ReportCollisions(List<Wanted> wanted, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in wanted)
        {
            if (!seen.TryAdd(file.RelativePath, file.RelativePath))
            {
                diagnostics.Add(DiagnosticCatalog.CollidingOutputPaths, SourceLocation.OfFile(file.RelativePath), seen[file.RelativePath], file.RelativePath);
            }
        }
        foreach (var file in wanted)
        {
            for (var slash = file.RelativePath.IndexOf('/', StringComparison.Ordinal); slash >= 0;
                 slash = file.RelativePath.IndexOf('/', slash + 1))
            {
                if (seen.TryGetValue(file.RelativePath[..slash], out var folderAsFile))
                {
                    diagnostics.Add(DiagnosticCatalog.CollidingOutputPaths, SourceLocation.OfFile(file.RelativePath), folderAsFile, file.RelativePath);
                }
            }
        }
    }

    private static void CheckContainment(OutputLayout layout, IFileSystem fileSystem, List<Wanted> wanted, DiagnosticBag diagnostics)
    {
        // Each file and the folder it goes in (where its temp file is written), the manifest, and the lock's folder: the
        // lock itself, like a temp file, is never followed (a link there is removed), so only its folder must stay inside.
        var paths = wanted.Select(w => w.RelativePath)
            .Concat(wanted.Select(w => Parent(w.RelativePath)))
            .Append(layout.ManifestPath)
            .Append(Parent(layout.LockPath))
            .Distinct(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (layout.FindEscape(fileSystem, path) is { } escape)
            {
                diagnostics.Add(DiagnosticCatalog.OutputPathEscapes, SourceLocation.OfFile(path), path, escape, layout.Product);
            }
        }
    }

    private static string Parent(string relativePath) => relativePath[..relativePath.LastIndexOf('/')];

    private static StageResult<WriteReport> Plan(
        OutputLayout layout, IFileSystem fileSystem, List<Wanted> wanted, WriteOptions options, DiagnosticBag diagnostics)
    {
        try
        {
            var plan = OutputPlanner.Create(layout, fileSystem, wanted, options, diagnostics);
            return Done(plan?.Report(withDiffs: true, written: false), diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.OutputIoFailed, SourceLocation.OfFile(layout.ProductPrefix), e.Message);
            return Fail(diagnostics);
        }
    }

    private static StageResult<WriteReport> PlanAndWrite(
        OutputLayout layout, IFileSystem fileSystem, List<Wanted> wanted, WriteOptions options, DiagnosticBag diagnostics)
    {
        var transaction = new OutputTransaction(fileSystem, layout.OutputRoot);
        var lockPath = layout.ToFullPath(layout.LockPath);
        IDisposable? heldLock = null;
        var committed = false;
        try
        {
            // The lock is taken before anything is read, so a second run cannot plan against files the first is replacing.
            transaction.EnsureDirectory(Path.GetDirectoryName(lockPath)!);
            if (fileSystem.GetLinkTarget(lockPath) is { } planted)
            {
                diagnostics.Add(DiagnosticCatalog.PlantedTempLinkRemoved, SourceLocation.OfFile(layout.LockPath), layout.LockPath, planted);
                transaction.RemoveLeftover(lockPath);
            }
            heldLock = fileSystem.TryAcquireLock(lockPath);
            if (heldLock is null)
            {
                diagnostics.Add(DiagnosticCatalog.OutputLocked, SourceLocation.OfFile(layout.LockPath), layout.Product, layout.LockPath);
                return Fail(diagnostics);
            }
            var plan = OutputPlanner.Create(layout, fileSystem, wanted, options, diagnostics);
            if (plan is null || diagnostics.HasErrors)
            {
                return Done(plan?.Report(withDiffs: false, written: false), diagnostics);
            }
            foreach (var write in plan.Writes)
            {
                transaction.Stage(write.FullPath, write.Bytes, write.Previous);
            }
            var manifestPath = layout.ToFullPath(layout.ManifestPath);
            if (plan.ManifestBytes is not null)
            {
                transaction.Stage(manifestPath, plan.ManifestBytes, plan.PreviousManifestBytes);
            }
            transaction.Commit(plan.Removals, manifestPath);
            committed = true;
            transaction.PruneEmptyParents(plan.Removals.Select(r => r.Target), layout.AppFolder);
            return Done(plan.Report(withDiffs: false, written: true), diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            transaction.Rollback();
            var where = transaction.CurrentPath ?? layout.ProductPrefix;
            diagnostics.Add(DiagnosticCatalog.OutputIoFailed, SourceLocation.OfFile(where), e.Message);
            foreach (var (path, error) in transaction.RollbackFailures)
            {
                diagnostics.Add(DiagnosticCatalog.RollbackFailed, SourceLocation.OfFile(path), path, error);
            }
            return Fail(diagnostics);
        }
        finally
        {
            heldLock?.Dispose();
            if (!committed)
            {
                // Only the folders this run created, and only if still empty: the lock file is gone by now.
                transaction.RemoveCreatedDirectories();
            }
        }
    }

    private static StageResult<WriteReport> Done(WriteReport? report, DiagnosticBag diagnostics) =>
        new(report, diagnostics.ToImmutableSorted());

    private static StageResult<WriteReport> Fail(DiagnosticBag diagnostics) =>
        new(null, diagnostics.ToImmutableSorted());
}

/// <summary>One file to write, with its content already encoded.</summary>
internal sealed record Wanted(string RelativePath, string FullPath, byte[] Bytes, FileOwnership Ownership);
