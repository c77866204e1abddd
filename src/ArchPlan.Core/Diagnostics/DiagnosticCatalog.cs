namespace ArchPlan.Diagnostics;

/// <summary>
/// The one catalog of every diagnostic ArchPlan reports, split by stage into partial files:
/// AP1xxx reading (DiagnosticCatalog.Reading.cs), AP2xxx validation, AP3xxx generation,
/// AP4xxx diff, AP5xxx tables, AP9xxx input files and usage.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static DiagnosticDescriptor Error(string id, string title, string message, string help) =>
        new(id, title, message, Severity.Error, help);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string help) =>
        new(id, title, message, Severity.Warning, help);

    private static DiagnosticDescriptor Info(string id, string title, string message, string help) =>
        new(id, title, message, Severity.Info, help);
}
