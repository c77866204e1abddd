namespace ArchPlan.Diagnostics;

// AP5001..AP5099: writing a plan's configuration tables from code (archplan tables).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor TablesValueConflict = Warning(
        "AP5001", "Variable set differently on two resources",
        "'{0}' is '{1}' on {2} but '{3}' on {4}; the table shows the first",
        "Give the variable one value everywhere, or give the two resources different variable names.");

    public static readonly DiagnosticDescriptor TablesSecretNameUnknown = Info(
        "AP5002", "Secret without a readable name",
        "a secret is referenced as '{0}', whose name cannot be recovered; it is left out of the Secrets table",
        "Reference the secret by name (Secret.FromSecretNameV2) or by a complete ARN with a literal name.");

    public static readonly DiagnosticDescriptor TablesValueUnknown = Info(
        "AP5003", "Value not known before deployment",
        "the value of '{0}' on {1} is only known at synth or deploy ('{2}'); the plan's cell is kept as written",
        "Set the value literally, or give the context key a default in cdk.json.");

    public static readonly DiagnosticDescriptor TablesSectionAppended = Warning(
        "AP5004", "Configuration section added at the end",
        "the plan has no Configuration section and no Infrastructure section to place it after; it is added at the end",
        "Move '## Configuration' to after '## Infrastructure (CDK/Terraform)', as in the template.");

    public static readonly DiagnosticDescriptor TablesRowRemoved = Info(
        "AP5005", "Row no longer in code",
        "'{0}' is no longer set by the infrastructure; its row is {1}",
        "Run with --keep-removed to keep such rows (struck through) instead of deleting them.");

    public static readonly DiagnosticDescriptor TablesRowAdded = Info(
        "AP5006", "Row added from code",
        "'{0}' is set by the infrastructure but missing from the plan; a row is added",
        "Fill in the new row's description.");

    public static readonly DiagnosticDescriptor TablesDuplicateRow = Warning(
        "AP5007", "Two rows with one name",
        "'{0}' has more than one row (first on line {1}); every row is refreshed",
        "Keep one row per variable, or use an Environment column to say which environment each row is for.");
}
