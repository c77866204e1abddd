namespace ArchPlan.Diagnostics;

// AP5020..AP5039: drawing the infrastructure as a Mermaid diagram in the plan (archplan diagram).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor DiagramMarkerUnpaired = Error(
        "AP5020", "Diagram markers do not pair",
        "{0}; the plan is not changed",
        "Keep exactly one '<!-- archplan:diagram:start -->' line and one '<!-- archplan:diagram:end -->' line after it, outside code blocks, or delete both to have the diagram placed again.");

    public static readonly DiagnosticDescriptor DiagramSectionAdded = Warning(
        "AP5021", "Architecture section added",
        "the plan has no Architecture section; '{0}' is added {1} to hold the diagram",
        "Move the section (with both markers and what is between them) wherever you like: later runs update it in place.");

    public static readonly DiagnosticDescriptor DiagramNameWithheld = Warning(
        "AP5022", "Name looks like a credential",
        "the name of {0} looks like a {1}; the diagram shows '{2}' instead",
        "Give the resource a name that is not a credential; never put a secret value in a resource name or variable name.");

    public static readonly DiagnosticDescriptor DiagramSourceWithoutEdges = Info(
        "AP5023", "Edges read from templates only",
        "the infrastructure was read from C# source: the diagram shows its resources and the variables that refer to them, not its triggers and grants",
        "Run 'cdk synth' and draw from the cdk.out folder for triggers, targets and grants.");
}
