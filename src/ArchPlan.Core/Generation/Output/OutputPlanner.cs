using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Generation.Output;

/// <summary>
/// Decides, from the disk and the previous manifest, what happens to each file. Reads only; writes nothing.
/// </summary>
internal sealed class OutputPlanner
{
    private readonly List<Planned> _changes = [];

    private OutputPlanner()
    {
    }

    /// <summary>New contents to write, with the bytes they replace (null when the file is new).</summary>
    public List<(string FullPath, byte[] Bytes, byte[]? Previous)> Writes { get; } = [];

    /// <summary>Leftover generated files to delete, with their bytes so a failed run can put them back.</summary>
    public List<(string Target, byte[] Previous)> Removals { get; } = [];

    /// <summary>The new manifest, or null when it would be byte-identical to the one on disk.</summary>
    public byte[]? ManifestBytes { get; private set; }

    public byte[]? PreviousManifestBytes { get; private set; }

    /// <summary>Null when the manifest is unusable (an error is reported); conflicts are reported as errors too.</summary>
    public static OutputPlanner? Create(
        OutputLayout layout, IFileSystem fileSystem, IReadOnlyList<Wanted> wanted, WriteOptions options, DiagnosticBag diagnostics)
    {
        var planner = new OutputPlanner();
        var previous = planner.ReadManifest(layout, fileSystem, diagnostics);
        if (previous is null)
        {
            return null;
        }
        // The files people own name the stack class: generating another one would leave them pointing at a class
        // that no longer exists. The generate command keeps the recorded one; anything else is refused here.
        if (previous.Stack is { } before && options.Stack is { } now && before != now)
        {
            diagnostics.Add(DiagnosticCatalog.StackIdentityChanged, SourceLocation.OfFile(layout.ManifestPath),
                layout.Product, before.ClassName, before.ConstructId, now.ClassName, now.ConstructId, layout.ManifestPath);
        }
        var recorded = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in wanted)
        {
            planner.PlanFile(file, previous, recorded, fileSystem, options, diagnostics);
        }
        var wantedPaths = wanted.Select(w => w.RelativePath).ToHashSet(OutputLayout.PathComparer);
        foreach (var (path, hash) in previous.Files)
        {
            if (!wantedPaths.Contains(path))
            {
                planner.PlanOrphan(layout, path, hash, fileSystem, options, diagnostics);
            }
        }
        foreach (var change in planner._changes.Where(c => c.Action is FileAction.Create or FileAction.Update or FileAction.Overwrite).ToList())
        {
            planner.CheckTempPath(layout, change.RelativePath, fileSystem, diagnostics);
        }
        var manifest = OutputManifest.From(recorded, options.Stack ?? previous.Stack).Serialize(layout.Product);
        if (planner.PreviousManifestBytes is null || !manifest.AsSpan().SequenceEqual(planner.PreviousManifestBytes))
        {
            planner.ManifestBytes = manifest;
            planner.CheckTempPath(layout, layout.ManifestPath, fileSystem, diagnostics);
        }
        planner._changes.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return planner;
    }

    /// <summary>
    /// Looks at the temp path of a file about to be written: a link there is reported (the transaction removes it as a
    /// link, never following it), a folder there is an error; a plain file left by an interrupted run is just removed.
    /// </summary>
    private void CheckTempPath(OutputLayout layout, string relativePath, IFileSystem fileSystem, DiagnosticBag diagnostics)
    {
        var temp = OutputLayout.TempRelativePathFor(relativePath);
        var fullTemp = layout.ToFullPath(temp);
        if (fileSystem.GetLinkTarget(fullTemp) is { } link)
        {
            diagnostics.Add(DiagnosticCatalog.PlantedTempLinkRemoved, SourceLocation.OfFile(temp), temp, link);
        }
        else if (fileSystem.DirectoryExists(fullTemp))
        {
            diagnostics.Add(DiagnosticCatalog.TempPathIsFolder, SourceLocation.OfFile(temp), temp, relativePath, OutputLayout.TempSuffix);
        }
    }

    /// <summary>The report, with unified diffs for every content change when <paramref name="withDiffs"/>.</summary>
    public WriteReport Report(bool withDiffs, bool written) =>
        new([.. _changes.Select(c => new FileChange(c.RelativePath, c.Action, withDiffs ? c.Diff() : null))], written);

    private OutputManifest? ReadManifest(OutputLayout layout, IFileSystem fileSystem, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.OfFile(layout.ManifestPath);
        var fullPath = layout.ToFullPath(layout.ManifestPath);
        if (fileSystem.DirectoryExists(fullPath))
        {
            diagnostics.Add(DiagnosticCatalog.OutputPathIsFolder, location, layout.ManifestPath);
            return null;
        }
        if (fileSystem.GetLinkTarget(fullPath) is { } link)
        {
            diagnostics.Add(DiagnosticCatalog.OutputTargetIsLink, location, layout.ManifestPath, link);
            return null;
        }
        if (!fileSystem.FileExists(fullPath))
        {
            return OutputManifest.Empty;
        }
        PreviousManifestBytes = fileSystem.ReadAllBytes(fullPath);
        var manifest = OutputManifest.TryParse(PreviousManifestBytes, layout.Product, out var errorAt);
        if (manifest is null)
        {
            diagnostics.Add(DiagnosticCatalog.ManifestUnreadable, location, layout.ManifestPath, errorAt);
            return null;
        }
        // The manifest decides what gets deleted, so a tampered one must not reach outside the product folder.
        foreach (var path in manifest.Files.Keys)
        {
            if (!layout.IsPlainRelativePath(path))
            {
                diagnostics.Add(DiagnosticCatalog.ManifestEntryUnsafe, location, layout.ManifestPath, path, layout.Product);
            }
            else if (layout.FindEscape(fileSystem, path) is { } escape)
            {
                diagnostics.Add(DiagnosticCatalog.OutputPathEscapes, SourceLocation.OfFile(path), path, escape, layout.Product);
            }
        }
        return diagnostics.HasErrors ? null : manifest;
    }

    private void PlanFile(
        Wanted file, OutputManifest previous, SortedDictionary<string, string> recorded,
        IFileSystem fileSystem, WriteOptions options, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.OfFile(file.RelativePath);
        if (fileSystem.GetLinkTarget(file.FullPath) is { } link)
        {
            // A file people own is never written, so a link there (to a file inside the app) is theirs to keep.
            if (file.Ownership == FileOwnership.Scaffold && fileSystem.FileExists(file.FullPath))
            {
                _changes.Add(new Planned(file.RelativePath, FileAction.Skip, null, null));
                return;
            }
            // Renaming over the link would leave what it points to stale, and reading through it would judge the wrong file.
            diagnostics.Add(DiagnosticCatalog.OutputTargetIsLink, location, file.RelativePath, link);
            _changes.Add(new Planned(file.RelativePath, FileAction.Conflict, null, null));
            return;
        }
        if (fileSystem.DirectoryExists(file.FullPath))
        {
            diagnostics.Add(DiagnosticCatalog.OutputPathIsFolder, location, file.RelativePath);
            _changes.Add(new Planned(file.RelativePath, FileAction.Conflict, null, null));
            return;
        }
        var onDisk = fileSystem.FileExists(file.FullPath) ? fileSystem.ReadAllBytes(file.FullPath) : null;
        if (file.Ownership == FileOwnership.Scaffold)
        {
            // Scaffold files belong to people once they exist: never overwritten, not even with --force.
            Add(file, onDisk is null ? FileAction.Create : FileAction.Skip, onDisk);
            return;
        }
        recorded[file.RelativePath] = OutputManifest.Hash(file.Bytes);
        if (onDisk is null)
        {
            Add(file, FileAction.Create, onDisk);
            return;
        }
        if (onDisk.AsSpan().SequenceEqual(file.Bytes))
        {
            // Also covers a run that crashed after its renames but before the manifest: the rerun adopts the files.
            Add(file, FileAction.Unchanged, onDisk);
            return;
        }
        var tracked = previous.Files.TryGetValue(file.RelativePath, out var hash);
        if (tracked && OutputManifest.Hash(onDisk) == hash)
        {
            Add(file, FileAction.Update, onDisk);
            return;
        }
        if (options.Force)
        {
            diagnostics.Add(DiagnosticCatalog.OverwroteHandEdit, location, file.RelativePath);
            Add(file, FileAction.Overwrite, onDisk);
            return;
        }
        diagnostics.Add(tracked ? DiagnosticCatalog.HandEditedGeneratedFile : DiagnosticCatalog.UnknownExistingFile, location, file.RelativePath);
        Add(file, FileAction.Conflict, onDisk);
    }

    private void PlanOrphan(OutputLayout layout, string path, string hash, IFileSystem fileSystem, WriteOptions options, DiagnosticBag diagnostics)
    {
        // The manifest can be edited by anyone (a bad merge, a hostile pull request), so an entry alone never gets a
        // file deleted: it must also lie inside the generated app folder, be a regular file of a kind the generator
        // writes, and still hold exactly the bytes the manifest says ArchPlan wrote.
        var fullPath = layout.ToFullPath(path);
        var location = SourceLocation.OfFile(path);
        if (layout.FindEscapeFromApp(fileSystem, path) is not null)
        {
            diagnostics.Add(DiagnosticCatalog.LeftoverOutsideApp, location, path, layout.Product, layout.ManifestPath);
            _changes.Add(new Planned(path, FileAction.KeepOrphan, null, null));
            return;
        }
        if (fileSystem.GetLinkTarget(fullPath) is not null)
        {
            diagnostics.Add(DiagnosticCatalog.LeftoverNotGenerated, location, path, "a symbolic link");
            _changes.Add(new Planned(path, FileAction.KeepOrphan, null, null));
            return;
        }
        if (!fileSystem.FileExists(fullPath))
        {
            // Already gone (or replaced by a folder someone made): nothing of ours left to report.
            return;
        }
        if (options.MayRemove is { } mayRemove && !mayRemove(path[layout.AppPrefix.Length..]))
        {
            diagnostics.Add(DiagnosticCatalog.LeftoverNotGenerated, location, path, "a kind of file ArchPlan never generates (only people's files have such a name)");
            _changes.Add(new Planned(path, FileAction.KeepOrphan, null, null));
            return;
        }
        var onDisk = fileSystem.ReadAllBytes(fullPath);
        if (options.MayRemove is not null && path.EndsWith(".cs", StringComparison.Ordinal) && !CdkAppGenerator.HasGeneratedHeader(onDisk))
        {
            // A manifest entry can carry the right hash of someone's own *.g.cs; ArchPlan's start with its header.
            diagnostics.Add(DiagnosticCatalog.LeftoverNotGenerated, location, path, "a C# file without the header ArchPlan writes at the top of generated code");
            _changes.Add(new Planned(path, FileAction.KeepOrphan, null, null));
            return;
        }
        if (OutputManifest.Hash(onDisk) == hash)
        {
            Removals.Add((fullPath, onDisk));
            _changes.Add(new Planned(path, FileAction.Remove, onDisk, []));
            return;
        }
        // Edited by hand: the edit may be the only copy of someone's work, so it is kept even with --force.
        diagnostics.Add(DiagnosticCatalog.OrphanKept, SourceLocation.OfFile(path), path);
        _changes.Add(new Planned(path, FileAction.KeepOrphan, null, null));
    }

    private void Add(Wanted file, FileAction action, byte[]? onDisk)
    {
        if (action is FileAction.Create or FileAction.Update or FileAction.Overwrite)
        {
            Writes.Add((file.FullPath, file.Bytes, onDisk));
        }
        _changes.Add(new Planned(file.RelativePath, action, onDisk, file.Bytes));
    }

    /// <summary>One decision, with the bytes needed to show its diff.</summary>
    private sealed record Planned(string RelativePath, FileAction Action, byte[]? OldBytes, byte[]? NewBytes)
    {
        public string? Diff()
        {
            if (Action is not (FileAction.Create or FileAction.Update or FileAction.Overwrite or FileAction.Conflict or FileAction.Remove)
                || NewBytes is null)
            {
                return null;
            }
            var oldName = OldBytes is null ? UnifiedDiff.NoFile : "a/" + RelativePath;
            var newName = Action == FileAction.Remove ? UnifiedDiff.NoFile : "b/" + RelativePath;
            return UnifiedDiff.Create(Decode(OldBytes), Decode(NewBytes), oldName, newName);
        }

        private static string Decode(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);
    }
}
