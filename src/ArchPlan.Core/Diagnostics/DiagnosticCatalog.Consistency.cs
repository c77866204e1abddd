namespace ArchPlan.Diagnostics;

// AP2070–AP2099: what check must say so that a plan it passes generates, restores and deploys (the rules are shared
// with the generator, never copied), and what AWS has announced about the plan's choices.
public static partial class DiagnosticCatalog
{
    /// <summary>{0}: function name; {1}: runtime; {2}: deprecation date; {3}: what is blocked and when (may be empty).</summary>
    public static readonly DiagnosticDescriptor RuntimeDeprecated = Warning(
        "AP2070",
        "Lambda runtime deprecated",
        "Lambda function '{0}' uses {1}, deprecated since {2}{3}; AWS no longer patches it",
        "Move '{0}' to a supported runtime (docs/runtimes.md lists the dates ArchPlan knows). The generated app still uses {1}, as the plan says.");

    /// <summary>{0}: function name; {1}: runtime; {2}: deprecation date; {3}: what is blocked and when (may be empty); {4}: days until then.</summary>
    public static readonly DiagnosticDescriptor RuntimeDeprecatedSoon = Warning(
        "AP2071",
        "Lambda runtime deprecated soon",
        "Lambda function '{0}' uses {1}, deprecated on {2} (in {4} days){3}",
        "Plan the move of '{0}' to a newer runtime before {2} (docs/runtimes.md lists the dates ArchPlan knows). The generated app still uses {1}, as the plan says.");

    /// <summary>{0}: the generated path; {1}: the segment; {2}: its length in bytes.</summary>
    public static readonly DiagnosticDescriptor GeneratedPathDeviceName = Error(
        "AP2072",
        "Generated path uses a device name",
        "the generated app would contain '{0}': '{1}' is a name Windows reserves for a device (con, prn, aux, nul, com0-9, lpt0-9), so generate refuses it",
        "Rename what the path is named after (a function's name becomes its handler folder), e.g. '{1}-handler'.");

    /// <summary>{0}: the generated path; {1}: the segment (shortened); {2}: its length in bytes.</summary>
    public static readonly DiagnosticDescriptor GeneratedPathTooLong = Error(
        "AP2073",
        "Generated file name too long",
        "the generated app would contain a file or folder name of {2} bytes ('{1}'); file systems allow 255, so generate refuses it",
        "Shorten what the name comes from: the plan's title (it names the stack class and its files), or the resource's name.");

    /// <summary>{0}: option; {1}: value as given.</summary>
    public static readonly DiagnosticDescriptor InvalidPackageVersion = Error(
        "AP2074",
        "Invalid package version",
        "{0} '{1}' is not a NuGet version; the generated project could not restore",
        "Give a version such as 2.160.0 or 10.0.5 (digits and dots, optionally a -prerelease suffix).");

    /// <summary>{0}: this name; {1}: the other name; {2}: the other's line; {3}: the identifier both make; {4}: this one's construct id.</summary>
    public static readonly DiagnosticDescriptor ResourceIdCollision = Warning(
        "AP2075",
        "Resource names make the same construct id",
        "'{0}' and '{1}' (line {2}) both make the construct id '{3}'; the generated app calls this one '{4}', after its spelling",
        "The ids stay the same when lines are reordered, but two names that differ only in punctuation are easy to confuse: consider renaming one.");

    /// <summary>{0}: the name (shortened); {1}: its length; {2}: the limit; {3}: the kind.</summary>
    public static readonly DiagnosticDescriptor ResourceNameTooLong = Warning(
        "AP2076",
        "Resource name too long",
        "the {3} name '{0}' is {1} characters long; AWS allows at most {2}",
        "Shorten the name to {2} characters or fewer: the generated app lets CloudFormation name the resource, but the plan names what cannot exist in AWS under that name.");

    /// <summary>{0}: the note's line; {1}: the table's header line.</summary>
    public static readonly DiagnosticDescriptor NoteUnderTable = Warning(
        "AP2077",
        "Line directly under a table",
        "line {0} is written directly under the table on line {1}: GitHub shows it as the table's last row, and ArchPlan reads the table without it",
        "Put a blank line between the table and the note, so that it is a paragraph of its own everywhere.");
}

