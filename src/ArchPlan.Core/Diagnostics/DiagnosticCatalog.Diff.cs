namespace ArchPlan.Diagnostics;

// AP4050..AP4099: drift between a plan and its infrastructure (reported by 'archplan diff').
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor DiffSecretSetAsLiteral = Error(
        "AP4050", "Secret-sourced variable set as a literal",
        "'{0}' should come from secret '{1}', but {2} sets it as a plain literal",
        "Read the value from Secrets Manager: a container secret for ECS, or a {0}_SECRET_ARN variable holding the secret's ARN for Lambda; then rotate the exposed value.");

    public static readonly DiagnosticDescriptor DiffVariableNotSet = Error(
        "AP4051", "Planned variable not set",
        "'{0}' is in the plan but set on no compute resource",
        "Set '{0}' on the functions and containers that need it, or remove the row from the plan.");

    public static readonly DiagnosticDescriptor DiffVariableNotPlanned = Warning(
        "AP4052", "Variable not in the plan",
        "'{0}' is set on {1} but is not in the plan",
        "Add '{0}' to the plan's Environment Variables table, or remove it from the infrastructure.");

    public static readonly DiagnosticDescriptor DiffVariableOnSomeCompute = Warning(
        "AP4053", "Variable set on only some compute",
        "'{0}' is set on {1} but not on {2}",
        "Set '{0}' on every compute resource, or give the row a scope naming the components that need it.");

    public static readonly DiagnosticDescriptor DiffRequiredVariableEmpty = Error(
        "AP4054", "Required variable is empty",
        "'{0}' is required but {1} sets it to an empty value",
        "Give '{0}' a value, or mark it optional in the plan.");

    public static readonly DiagnosticDescriptor DiffValueDiffers = Error(
        "AP4055", "Value differs from the plan",
        "'{0}' is {1} on {2}, but the plan's {3} is {4}",
        "Set '{0}' to the plan's value in the infrastructure, or correct the plan if the infrastructure is right.");

    public static readonly DiagnosticDescriptor DiffValueDiffersFromExample = Warning(
        "AP4056", "Value differs from the plan's example",
        "'{0}' is {1} on {2}, but the plan's example{3} is {4}",
        "An example is not enforced: if it is the value to deploy, set it in the infrastructure, or name the column Default or Value in the plan.");

    public static readonly DiagnosticDescriptor DiffSecretNotReferenced = Error(
        "AP4060", "Planned secret not referenced",
        "Secret '{0}' is in the plan but the infrastructure never references it",
        "Reference the secret (Secret.FromSecretNameV2 / FromSecretCompleteArn) where it is used, or remove it from the plan.");

    public static readonly DiagnosticDescriptor DiffSecretNotPlanned = Warning(
        "AP4061", "Secret not in the plan",
        "Secret '{0}' is referenced by {1} but is not in the plan",
        "Add '{0}' to the plan's Secrets table, or stop referencing it.");

    public static readonly DiagnosticDescriptor DiffSecretWildcardGrant = Error(
        "AP4062", "Secrets granted on a wildcard resource",
        "{0} grants {1} on '{2}', which covers every secret",
        "Grant access to the named secrets only (secret.GrantRead(...)), never to '*'.");

    public static readonly DiagnosticDescriptor DiffResourceNotFound = Error(
        "AP4070", "Planned resource not found",
        "{0} '{1}' is in the plan but not in the infrastructure",
        "Create the resource, or remove it from the plan's AWS Resources list.");

    public static readonly DiagnosticDescriptor DiffResourceNotPlanned = Warning(
        "AP4071", "Resource not in the plan",
        "{0} '{1}' ({2}) is in the infrastructure but not in the plan",
        "Add the resource to the plan's AWS Resources list, or remove it from the infrastructure.");

    public static readonly DiagnosticDescriptor DiffValuesNotCompared = Info(
        "AP4080", "Per-environment values not compared",
        "The plan's per-environment values of {0} were not compared: {1}",
        "Name each stack after its environment (OrdersStack-prod, orders-dev) or tag it 'env', choose a stack with --stack, or say which environment the infrastructure is for with --environment.");

    public static readonly DiagnosticDescriptor DiffResourcesNotCompared = Info(
        "AP4081", "Resources not compared",
        "The plan lists no AWS resources, so the infrastructure's resources were not compared with it",
        "List the resources under '### AWS Resources' (one bullet per resource) to have missing and unplanned ones reported.");
}
