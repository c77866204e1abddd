using System.Text.RegularExpressions;

namespace ArchPlan.Generation;

/// <summary>The package versions a generated project may reference, and the package ids it references.</summary>
public static partial class PackageVersions
{
    /// <summary>The packages the generated project references directly; a project named like one of them cannot restore (NU1108, a cycle).</summary>
    public static readonly IReadOnlyList<string> ReferencedPackages = ["Amazon.CDK.Lib", "Constructs"];

    /// <summary>True for a plain NuGet version: 1 to 4 numbers, an optional -prerelease and +metadata (2.160.0, 10.0.5, 2.0.0-rc.1).</summary>
    public static bool IsValid(string? version) => version is not null && Pattern().IsMatch(version);

    [GeneratedRegex(@"^\d+(\.\d+){0,3}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
