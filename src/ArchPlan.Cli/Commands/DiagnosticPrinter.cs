using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using Spectre.Console;

namespace ArchPlan.Cli.Commands;

/// <summary>Prints diagnostics in the chosen format; text is coloured on a terminal.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(CliConsole console, IReadOnlyCollection<Diagnostic> diagnostics, DiagnosticFormat format, bool summary = true)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                console.Out.WriteLine(DiagnosticWriter.ToJson(diagnostics));
                return;
            case DiagnosticFormat.GitHub:
                foreach (var d in diagnostics)
                {
                    console.Out.WriteLine(DiagnosticWriter.ToGitHub(d));
                }
                return;
        }

        foreach (var d in diagnostics)
        {
            if (console.UseColor)
            {
                var colour = d.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "blue" };
                AnsiConsole.MarkupLine($"{Markup.Escape(d.Location.ToString())}: [{colour}]{d.Severity.ToString().ToLowerInvariant()} {d.Id}[/]: {Markup.Escape(d.Message)}");
                AnsiConsole.MarkupLine($"    [grey]help: {Markup.Escape(d.Help)}[/]");
            }
            else
            {
                console.Out.WriteLine(DiagnosticWriter.FormatText(d));
            }
        }
        if (summary)
        {
            console.Out.WriteLine(DiagnosticWriter.Summary(diagnostics));
        }
    }
}
