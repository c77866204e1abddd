using System.Globalization;

namespace ArchPlan.Diagnostics;

/// <summary>The fixed description of one kind of problem, with a stable id (AP1001 style).</summary>
/// <param name="Id">Stable id: AP1xxx reading, AP2xxx validation, AP3xxx generation, AP4xxx diff, AP5xxx tables, AP9xxx input/usage.</param>
/// <param name="Title">Short title, the same for every occurrence.</param>
/// <param name="MessageFormat">Composite format string for the message; arguments come from the call site.</param>
/// <param name="DefaultSeverity">Severity every occurrence gets.</param>
/// <param name="HelpFormat">What to do about it; may use the same arguments as the message.</param>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, Severity DefaultSeverity, string HelpFormat)
{
    /// <summary>Creates one occurrence of this problem at <paramref name="location"/>.</summary>
    /// <remarks>Text arguments come from plans and templates: they are made safe here (credentials redacted, control characters shown as code points), once for every diagnostic.</remarks>
    public Diagnostic At(SourceLocation location, params object?[] args)
    {
        var safe = SafeArguments(args);
        return new(this, location,
            string.Format(CultureInfo.InvariantCulture, MessageFormat, safe),
            string.Format(CultureInfo.InvariantCulture, HelpFormat, safe),
            DefaultSeverity);
    }

    /// <summary>The arguments as messages may show them (<see cref="Validation.SafeText.Argument"/>).</summary>
    public static object?[] SafeArguments(object?[] args) => [.. args.Select(Validation.SafeText.Argument)];
}
