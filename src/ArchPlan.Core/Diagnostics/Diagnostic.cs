namespace ArchPlan.Diagnostics;

/// <summary>One problem found in an input, with where it is and how to fix it.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message, string Help, Severity Severity)
{
    public string Id => Descriptor.Id;

    public bool IsError => Severity == Severity.Error;

    /// <summary>The canonical compiler line: <c>path(line,col): error AP1001: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
