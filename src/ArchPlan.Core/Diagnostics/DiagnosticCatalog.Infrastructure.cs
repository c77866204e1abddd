namespace ArchPlan.Diagnostics;

// AP4001..AP4049: problems reading existing infrastructure (templates, cloud assemblies, CDK source).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor InfraPathNotFound = Error(
        "AP4001", "Infrastructure path not found",
        "'{0}' does not exist",
        "Give a CloudFormation template (.json, .yaml, .yml, .template), a cdk.out folder, or a C# CDK app folder.");

    public static readonly DiagnosticDescriptor InfraTemplateUnreadable = Error(
        "AP4002", "Template cannot be parsed",
        "The template cannot be parsed: {0}",
        "Check that the file is valid JSON or YAML CloudFormation.");

    public static readonly DiagnosticDescriptor InfraNotATemplate = Error(
        "AP4003", "Not a CloudFormation template",
        "'{0}' has none of a CloudFormation template's sections (Resources, Parameters, Outputs, ...), so it is not a template",
        "Give a template synthesized by CDK (cdk synth) or exported from a deployed stack.");

    public static readonly DiagnosticDescriptor InfraManifestUnreadable = Error(
        "AP4004", "Cloud assembly manifest cannot be read",
        "The cloud assembly manifest '{0}' cannot be read: {1}",
        "Run 'cdk synth' again to recreate the cdk.out folder.");

    public static readonly DiagnosticDescriptor InfraStackNotFound = Error(
        "AP4005", "Stack not found",
        "No stack named '{0}' in '{1}'; available stacks: {2}",
        "Pass --stack with one of the artifact ids or stack names listed.");

    public static readonly DiagnosticDescriptor InfraNoStacks = Error(
        "AP4006", "No stacks in the cloud assembly",
        "'{0}' contains no CloudFormation stacks",
        "Run 'cdk synth' in the CDK app to produce stack templates.");

    public static readonly DiagnosticDescriptor InfraNoSource = Error(
        "AP4007", "No CDK source found",
        "'{0}' contains no C# source files and no cdk.json, template or cdk.out",
        "Give a C# CDK app folder (with .cs files), a cdk.out folder, or a template file.");

    public static readonly DiagnosticDescriptor InfraUnknownTag = Warning(
        "AP4008", "Unknown YAML tag",
        "Unknown YAML tag '{0}'; its value is read as written",
        "CloudFormation short forms are !Ref, !GetAtt, !Sub, !Join, !Select, !Split, !If, !ImportValue, !FindInMap, !GetAZs, !Base64, !Equals, !And, !Or, !Not, !Condition, !Cidr, !Transform.");

    public static readonly DiagnosticDescriptor InfraContextMissing = Info(
        "AP4009", "Context value not found",
        "Context key '{0}' is not set in cdk.json; its value is known only when the app is synthesized",
        "Set the key in cdk.json's \"context\" or pass -c {0}=... to cdk synth.");

    public static readonly DiagnosticDescriptor InfraSourceSyntaxError = Warning(
        "AP4010", "C# source has syntax errors",
        "{0}",
        "The file is read as far as it parses; fix the syntax error for a complete reading.");

    public static readonly DiagnosticDescriptor InfraNoConstructs = Warning(
        "AP4011", "No CDK constructs found",
        "No CDK constructs were found in the C# source under '{0}'",
        "The reader recognises 'new Function(...)', 'new Bucket(...)' and similar construct creations.");

    public static readonly DiagnosticDescriptor InfraStackOption = Warning(
        "AP4012", "--stack ignored",
        "--stack '{0}' is ignored: '{1}' holds a single template",
        "Use --stack only with a cdk.out folder.");

    public static readonly DiagnosticDescriptor InfraReadChoice = Info(
        "AP4013", "cdk.out read instead of source",
        "Read the synthesized cloud assembly '{0}'; '{1}' also holds C# CDK source, which was not read",
        "Pass --read source to compare the source instead; run 'cdk synth' first if the assembly may be older than the source.");

    public static readonly DiagnosticDescriptor InfraReadModeNotFound = Error(
        "AP4014", "Nothing to read as asked",
        "--read {0}: '{1}' has {2}",
        "Give a folder that holds it, or choose another --read: cdk-out, source or template.");

    public static readonly DiagnosticDescriptor InfraReadModeIgnored = Warning(
        "AP4015", "--read ignored",
        "--read {0} is ignored: '{1}' is a template file, read as a template",
        "Use --read cdk-out or --read source with a folder.");
}
