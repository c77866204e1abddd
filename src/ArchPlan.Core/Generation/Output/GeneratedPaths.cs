using System.Text;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Generation.Output;

/// <summary>
/// The rules a generated file's path must meet to be written on every platform: the writer refuses a path that breaks
/// them, and the generator reports it at the plan line it came from, so <c>check</c> (which runs the generator in
/// memory) says so before <c>generate</c> is ever run.
/// </summary>
public static class GeneratedPaths
{
    /// <summary>ext4, APFS and NTFS allow 255 bytes (UTF-8) or characters in one file or folder name.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>The first segment of <paramref name="relativePath"/> the rules refuse, with the descriptor that says why; null when none.</summary>
    public static (string Segment, DiagnosticDescriptor Descriptor)? Problem(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (ProductSlug.IsReservedDeviceName(segment))
            {
                return (segment, DiagnosticCatalog.GeneratedPathDeviceName);
            }
            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return (segment, DiagnosticCatalog.GeneratedPathTooLong);
            }
        }
        return null;
    }

    /// <summary>One diagnostic per file the rules refuse, at the plan line its name comes from (a function, the title), else the plan.</summary>
    internal static IEnumerable<Diagnostic> Check(Plan plan, IEnumerable<GeneratedFile> files)
    {
        foreach (var file in files)
        {
            if (Problem(file.RelativePath) is not { } problem)
            {
                continue;
            }
            yield return problem.Descriptor.At(Origin(plan, problem.Segment), file.RelativePath, Shown(problem.Segment), Encoding.UTF8.GetByteCount(problem.Segment));
        }
    }

    private static SourceLocation Origin(Plan plan, string segment)
    {
        var stem = segment.Split('.')[0];
        var resource = plan.Resources.FirstOrDefault(r => string.Equals(Naming.Words.ToKebab(r.Name), stem, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, stem, StringComparison.OrdinalIgnoreCase));
        if (resource is not null)
        {
            return resource.Location;
        }
        return plan.FrontMatter.Find("title")?.Location ?? SourceLocation.OfFile(plan.FilePath);
    }

    private static string Shown(string segment) => segment.Length <= 60 ? segment : segment[..40] + "…" + segment[^12..];
}
