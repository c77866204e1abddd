namespace ArchPlan.Diagnostics;

// AP3180..AP3198: starting a plan from the template (archplan new, src/ArchPlan.Core/Authoring).
public static partial class DiagnosticCatalog
{
    /// <summary>{0}: the plan path.</summary>
    public static readonly DiagnosticDescriptor NewPlanExists = Error(
        "AP3180",
        "Plan file already exists",
        "'{0}' already exists; archplan new never overwrites a file, so nothing was written",
        "Edit the existing plan, or choose another file with --output (a folder, or a path ending in .md).");

    /// <summary>{0}: the product as given; {1}: a slug to suggest.</summary>
    public static readonly DiagnosticDescriptor NewPlanInvalidProduct = Error(
        "AP3181",
        "Invalid product slug",
        "'{0}' is not a valid product slug: it names the folder apps/<product>/ of the generated app",
        "Use lowercase letters, digits and inner hyphens, for example '{1}', and not a device name such as 'con' or 'nul'.");

    /// <summary>{0}: the title as given.</summary>
    public static readonly DiagnosticDescriptor NewPlanInvalidTitle = Error(
        "AP3182",
        "Invalid plan title",
        "the title {0} cannot be a plan title: it is empty or spans several lines",
        "Give a one-line title, for example --title \"Payments API\".");

    /// <summary>{0}: the plan path; {1}: the system's message.</summary>
    public static readonly DiagnosticDescriptor NewPlanWriteFailed = Error(
        "AP3183",
        "Plan could not be written",
        "'{0}' could not be written: {1}; nothing was left behind",
        "Check that the folder exists or can be created and that you may write to it.");
}
