namespace ArchPlan.Diagnostics;

/// <summary>How serious a diagnostic is. Errors make commands exit 1.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
