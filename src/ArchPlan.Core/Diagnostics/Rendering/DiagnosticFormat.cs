namespace ArchPlan.Diagnostics.Rendering;

/// <summary>The ways diagnostics can be printed.</summary>
public enum DiagnosticFormat
{
    /// <summary><c>path(line,col): error AP1001: message</c> plus a help line; what editors and problem matchers read.</summary>
    Text,

    /// <summary>A JSON document with <c>schemaVersion</c> 1 (see docs/json-output.md).</summary>
    Json,

    /// <summary>GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>).</summary>
    GitHub,
}
