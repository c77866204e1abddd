using System.Collections.Immutable;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Validation;

namespace ArchPlan.Pipeline;

/// <summary>Reads a plan and validates it: the first two stages every command runs.</summary>
public static class PlanLoader
{
    /// <summary>Reads and validates the plan; the diagnostics of both stages, sorted by location.</summary>
    public static StageResult<Plan> Load(string path, ReadOptions? options = null)
    {
        var read = PlanReader.Read(path, options, out var text);
        if (read.Value is null || text is null || IsUnreadable(read.Diagnostics))
        {
            // A plan the parser gave up on has no sections to validate: "no Configuration section" would mislead.
            return read;
        }
        var bag = new DiagnosticBag();
        bag.AddRange(read.Diagnostics);
        bag.AddRange(PlanValidator.Validate(read.Value, text));
        return new StageResult<Plan>(read.Value, bag.ToImmutableSorted());
    }

    /// <summary>
    /// What <c>check</c> reports: <see cref="Load"/>, and for a plan without errors, every error the generator would
    /// refuse it with (generated in memory with the default options), so a plan check passes is a plan generate takes.
    /// </summary>
    public static StageResult<Plan> Check(string path, ReadOptions? options = null)
    {
        var loaded = Load(path, options);
        if (loaded.Value is null || loaded.HasErrors || loaded.Value.Product is null)
        {
            return loaded;
        }
        var generated = CdkAppGenerator.Generate(loaded.Value, new GeneratorOptions());
        var refusals = generated.Diagnostics.Where(d => d.IsError).ToList();
        return refusals.Count == 0 ? loaded : loaded with { Diagnostics = [.. loaded.Diagnostics.Concat(refusals).OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)] };
    }

    /// <summary>
    /// True when the diagnostics mean the file itself could not be read as a plan (exit code 2 rather than 1): missing,
    /// a folder, not a regular file, too large, binary, not UTF-8 or UTF-16, empty, or Markdown the parser gave up on.
    /// </summary>
    public static bool IsUnreadable(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Any(d => UnreadableFile.Contains(d.Descriptor));

    private static readonly HashSet<DiagnosticDescriptor> UnreadableFile =
    [
        DiagnosticCatalog.FileNotFound, DiagnosticCatalog.FileTooLarge, DiagnosticCatalog.BinaryFile, DiagnosticCatalog.NotUtf8,
        DiagnosticCatalog.EmptyFile, DiagnosticCatalog.NotRegularFile, DiagnosticCatalog.WrongTextEncoding, DiagnosticCatalog.MarkdownTooDeep,
    ];
}
