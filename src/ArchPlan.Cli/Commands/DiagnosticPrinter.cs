using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;

namespace ArchPlan.Cli.Commands;

/// <summary>Prints diagnostics in the chosen format; text is coloured on a terminal and follows -q/-v.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>"    help: " — wrapped help lines continue under the text after it.</summary>
    private const string HelpPrefix = "    help: ";

    public static void Print(CliConsole console, IReadOnlyCollection<Diagnostic> diagnostics, DiagnosticFormat format, bool summary = true) =>
        Print(console, diagnostics, format switch
        {
            DiagnosticFormat.Json => OutputFormat.Json,
            DiagnosticFormat.GitHub => OutputFormat.GitHub,
            _ => OutputFormat.Text,
        }, summary ? "" : null);

    /// <summary>
    /// Prints <paramref name="diagnostics"/>. <paramref name="summaryPrefix"/>: null for no summary line, "" for
    /// "1 error, 0 warnings", or a count of what was checked ("3 plans") to put before it.
    /// </summary>
    public static void Print(CliConsole console, IReadOnlyCollection<Diagnostic> diagnostics, OutputFormat format, string? summaryPrefix)
    {
        switch (format)
        {
            case OutputFormat.Json:
                console.Out.WriteLine(DiagnosticWriter.ToJson(diagnostics));
                return;
            case OutputFormat.GitHub:
                foreach (var d in diagnostics)
                {
                    console.Out.WriteLine(DiagnosticWriter.ToGitHub(d));
                }
                return;
            case OutputFormat.Sarif:
                console.Out.Write(SarifWriter.Write(diagnostics, CliApp.Version));
                return;
        }

        foreach (var d in diagnostics.Where(d => !console.Quiet || d.IsError))
        {
            WriteText(console, d);
        }
        if (summaryPrefix is not null && !console.Quiet)
        {
            var line = DiagnosticWriter.Summary(diagnostics);
            console.Out.WriteLine(summaryPrefix.Length == 0 ? line : $"{summaryPrefix}: {line}");
        }
    }

    /// <summary>One diagnostic in the compiler format; on a terminal coloured, with its help line wrapped under itself.</summary>
    public static void WriteText(CliConsole console, Diagnostic d)
    {
        var colour = console.UseColor;
        var severity = d.Severity.ToString().ToLowerInvariant();
        console.Out.WriteLine($"{Paint.With(colour, Paint.Bold, d.Location.ToString())}: {Paint.With(colour, Paint.ForSeverity(severity), $"{severity} {d.Id}")}: {d.Message}");
        foreach (var line in Paint.Wrap(HelpPrefix + d.Help, console.WrapWidth, HelpPrefix.Length))
        {
            console.Out.WriteLine(Paint.With(colour, Paint.Dim, line));
        }
    }
}
