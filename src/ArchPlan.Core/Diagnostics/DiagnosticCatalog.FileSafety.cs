namespace ArchPlan.Diagnostics;

// AP3120..AP3149: file safety — links and temp paths in the output, what may be deleted, the stack's identity
// across runs (Generation/Output), and editing the plan in place (tables --write). See docs/security.md.
public static partial class DiagnosticCatalog
{
    /// <summary>A file ArchPlan would write is a symbolic link.</summary>
    public static readonly DiagnosticDescriptor OutputTargetIsLink = Error(
        "AP3120",
        "Output file is a symbolic link",
        "'{0}' is a symbolic link (to '{1}'); ArchPlan never writes through a link; nothing was written",
        "delete the link ('rm' removes only the link, not what it points to) and run again; ArchPlan then writes a regular file there");

    /// <summary>A symbolic link stood at a temp path ArchPlan writes; it is removed as a link, never followed.</summary>
    public static readonly DiagnosticDescriptor PlantedTempLinkRemoved = Warning(
        "AP3121",
        "Link at a temp path removed",
        "'{0}' was a symbolic link (to '{1}') where ArchPlan writes its temp file; the link itself is removed and never followed",
        "nothing the link points to was read or written; find out where the link came from (a cloned repository can carry one)");

    /// <summary>A folder stands where ArchPlan writes a temp file.</summary>
    public static readonly DiagnosticDescriptor TempPathIsFolder = Error(
        "AP3122",
        "Folder at a temp path",
        "'{0}' is a folder, where ArchPlan writes the temp file for '{1}'; nothing was written",
        "move or delete the folder ({2}-named paths belong to ArchPlan), then run again");

    /// <summary>A leftover listed in the manifest lies outside the generated app folder: kept.</summary>
    public static readonly DiagnosticDescriptor LeftoverOutsideApp = Warning(
        "AP3123",
        "Manifest entry outside the app folder kept",
        "the manifest lists '{0}', which is outside the generated app folder apps/{1}/infra/cdk/; ArchPlan never generates files there, so it was not deleted",
        "the manifest was edited or merged badly: remove the entry from {2} (the file itself is yours)");

    /// <summary>A leftover listed in the manifest is a link or a file ArchPlan did not write: kept.</summary>
    public static readonly DiagnosticDescriptor LeftoverNotGenerated = Warning(
        "AP3124",
        "Leftover file ArchPlan did not write kept",
        "the manifest lists '{0}', but it is {1}, which ArchPlan does not write; it was not deleted",
        "if you no longer need it, delete it yourself; check the manifest for entries nobody generated (a bad merge, an edited manifest)");

    /// <summary>The stack class or id the files were generated with differs from the one the app was generated with before.</summary>
    public static readonly DiagnosticDescriptor StackIdentityChanged = Error(
        "AP3125",
        "Stack class would change",
        "apps/{0}/ was generated with the stack class '{1}' (construct id '{2}'), and this run would generate '{3}' (construct id '{4}'); the files you own still name the old class, so nothing was written",
        "run 'archplan generate' (it keeps the recorded class), or rename the class in your files and set the new names under \"stack\" in {5}");

    /// <summary>The plan would now give another stack class or id; the app keeps the recorded ones.</summary>
    public static readonly DiagnosticDescriptor StackIdentityKept = Info(
        "AP3126",
        "Stack class kept",
        "the plan now gives the stack class '{0}', but the app keeps '{1}' (construct id '{2}'), recorded in {3}, so the files you own keep building and CloudFormation keeps the same stack",
        "to rename it, rename the class (and its file) in your files, then set the new names under \"stack\" in {3}");

    /// <summary>The plan to update is read-only.</summary>
    public static readonly DiagnosticDescriptor PlanReadOnly = Error(
        "AP3130",
        "Plan is read-only",
        "'{0}' is read-only, so its tables were not written",
        "make it writable ('chmod u+w {0}') if you mean to update it, or use --check to see the change without writing");

    /// <summary>The plan to update is not a regular file.</summary>
    public static readonly DiagnosticDescriptor PlanNotRegularFile = Error(
        "AP3131",
        "Plan is not a regular file",
        "'{0}' is not a regular file ({1}), so its tables were not written",
        "pass the plan's Markdown file itself");

    /// <summary>The plan changed between reading and writing.</summary>
    public static readonly DiagnosticDescriptor PlanChangedWhileWriting = Error(
        "AP3132",
        "Plan changed while running",
        "'{0}' changed while its tables were being computed, so nothing was written",
        "run the command again once nobody else is editing the plan");

    /// <summary>Writing the plan failed; the plan was left as it was.</summary>
    public static readonly DiagnosticDescriptor PlanWriteFailed = Error(
        "AP3133",
        "Cannot write plan",
        "could not write '{0}': {1}",
        "the plan was left as it was; check that its folder is writable and the disk has free space, then run again");
}
