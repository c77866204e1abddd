using System.Text.RegularExpressions;

namespace ArchPlan.Generation.Output;

/// <summary>Decides whether a product slug is safe as the folder name in <c>apps/&lt;product&gt;/</c>.</summary>
public static partial class ProductSlug
{
    // Windows refuses these as file or folder names, with or without an extension.
    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>True for lowercase letters, digits and inner hyphens that are not a device name.</summary>
    /// <remarks>
    /// The pattern alone already excludes '..', slashes, backslashes, drive letters, UNC prefixes,
    /// uppercase and trailing dots; it is anchored with \z so a trailing newline cannot slip through.
    /// </remarks>
    public static bool IsValid(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !IsReservedDeviceName(slug);

    /// <summary>True when Windows treats <paramref name="segment"/> (before its first dot) as a device.</summary>
    internal static bool IsReservedDeviceName(string segment)
    {
        var dot = segment.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? segment : segment[..dot]).TrimEnd(' ');
        return ReservedDeviceNames.Contains(stem);
    }

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
