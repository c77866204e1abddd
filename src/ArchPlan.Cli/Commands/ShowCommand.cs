using System.CommandLine;
using ArchPlan.Pipeline;
using ArchPlan.Reading;
using ArchPlan.Reporting;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan show &lt;plan.md&gt;</c>: prints what ArchPlan understood from a plan.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var plan = new Argument<string>("plan") { Description = "The plan file." };
        var format = CommonOptions.Format("Output format: text (aligned tables, default) or json (schema version 1).", OutputFormat.Text, OutputFormat.Json);
        var product = CommonOptions.Product();
        var command = new Command("show", "Print the model ArchPlan read from a plan: product, resources, variables and secrets, each with its line.")
        {
            plan, format, product,
        };
        HelpExamples.Add(command,
            "archplan show samples/payments-api.md",
            "archplan show plans/payments.md --format json");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(plan)!;
            var result = PlanLoader.Load(path, new ReadOptions(parse.GetValue(product)));
            var errors = console.ForErrors();
            if (result.Value is null || PlanLoader.IsUnreadable(result.Diagnostics))
            {
                DiagnosticPrinter.Print(errors, result.Diagnostics, OutputFormat.Text, "");
                return PlanLoader.IsUnreadable(result.Diagnostics) ? CliApp.UsageError : CliApp.Failure;
            }
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                console.Out.WriteLine(PlanJson.Write(result.Value));
            }
            else
            {
                WriteText(console, PlanText.Write(result.Value));
            }
            if (result.Diagnostics.Any(d => !console.Quiet || d.IsError))
            {
                console.Error.WriteLine();
                DiagnosticPrinter.Print(errors, result.Diagnostics, OutputFormat.Text, console.Quiet ? null : "");
            }
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The text tables; on a terminal, section titles bold and column headers dim.</summary>
    private static void WriteText(CliConsole console, string text)
    {
        if (!console.UseColor)
        {
            console.Out.Write(text);
            return;
        }
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == lines.Length - 1 && line.Length == 0)
            {
                break;
            }
            var isHeader = i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith("----", StringComparison.Ordinal);
            var painted = line.Length > 0 && line[0] != ' ' ? Paint.With(true, Paint.Bold, line)
                : isHeader || line.TrimStart().StartsWith("----", StringComparison.Ordinal) ? Paint.With(true, Paint.Dim, line)
                : line;
            console.Out.WriteLine(painted);
        }
    }
}
