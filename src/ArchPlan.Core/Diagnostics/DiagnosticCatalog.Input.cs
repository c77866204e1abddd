namespace ArchPlan.Diagnostics;

// AP9010..AP9039: untrusted input — what ArchPlan refuses to read, and the limits it reads within (docs/input-limits.md).
public static partial class DiagnosticCatalog
{
    /// <summary>A device, pipe or socket given where a file is read: it could stream without end.</summary>
    public static readonly DiagnosticDescriptor NotRegularFile = Error(
        "AP9010", "Not a regular file", "'{0}' is {1}, not a regular file; it was not read",
        "Pass a file saved on disk; devices, pipes and sockets are refused because they can stream without end.");

    /// <summary>A plan saved as UTF-16 or UTF-32 (with or without a byte order mark).</summary>
    public static readonly DiagnosticDescriptor WrongTextEncoding = Error(
        "AP9011", "Not UTF-8", "the file is encoded as {0}, not UTF-8",
        "Save the plan as UTF-8 (most editors: 'Save with encoding' → UTF-8; PowerShell: Out-File -Encoding utf8).");

    /// <summary>An input file (template, manifest) over the size ArchPlan reads.</summary>
    public static readonly DiagnosticDescriptor InputTooLarge = Error(
        "AP9012", "Input too large", "'{0}' is larger than {1:N0} bytes, ArchPlan's limit for {2}; it was not read",
        "CloudFormation accepts templates up to 1 MB; check that the path names the template and not a data file.");

    /// <summary>A cloud assembly manifest points outside its own folder.</summary>
    public static readonly DiagnosticDescriptor AssemblyPathEscapes = Error(
        "AP9013", "Path leaves the cloud assembly", "the manifest's {0} '{1}' leads outside the cloud assembly '{2}'; it was not read",
        "cdk synth writes templates and nested assemblies inside cdk.out; synthesize again, or check where this manifest came from.");

    /// <summary>A mapping in a template names the same key twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateTemplateKey = Error(
        "AP9014", "Duplicate key in template", "the key '{0}' is given twice in one mapping (first on line {1}); tools disagree on which one counts",
        "Keep one of the two entries; CloudFormation and cfn-lint reject such templates.");

    /// <summary>A template with more values than ArchPlan reads, counting what YAML aliases repeat.</summary>
    public static readonly DiagnosticDescriptor TemplateTooManyValues = Error(
        "AP9015", "Template too large when expanded", "the template holds more than {0:N0} values{1}; it was not read",
        "CloudFormation templates are at most 1 MB and need no YAML anchors: write the values out, or check the file is a template.");

    /// <summary>A source file nested deeper than any stack code is.</summary>
    public static readonly DiagnosticDescriptor SourceTooDeep = Error(
        "AP9016", "Source nested too deeply", "the file nests brackets {0:N0} levels deep, more than the {1:N0} ArchPlan reads; it was not read",
        "Generated or minified code is not a CDK stack: move it out of the app folder, or flatten the expression.");

    /// <summary>Roslyn or the source reader ran out of stack on one file.</summary>
    public static readonly DiagnosticDescriptor SourceTooComplex = Error(
        "AP9017", "Source too complex", "an expression in this file is too long or too deeply nested to read; it was not read",
        "Split the expression (a very long string concatenation, deeply nested calls) into smaller statements.");
}
