using System.CommandLine;
using ArchPlan.Diagnostics.Rendering;
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
        var format = new Option<string>("--format") { Description = "text (aligned tables) or json (schema version 1).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var product = CommonOptions.Product();
        var command = new Command("show", "Print the model ArchPlan read from a plan: product, resources, variables and secrets, each with its line.")
        {
            plan, format, product,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(plan)!;
            var result = PlanLoader.Load(path, new ReadOptions(parse.GetValue(product)));
            if (result.Value is null || PlanLoader.IsUnreadable(result.Diagnostics))
            {
                DiagnosticPrinter.Print(new CliConsole(console.Error, console.Error), result.Diagnostics, DiagnosticFormat.Text);
                return PlanLoader.IsUnreadable(result.Diagnostics) ? CliApp.UsageError : CliApp.Failure;
            }
            console.Out.Write(parse.GetValue(format) == "json" ? PlanJson.Write(result.Value) + Environment.NewLine : PlanText.Write(result.Value));
            if (result.Diagnostics.Length > 0)
            {
                console.Error.WriteLine();
                DiagnosticPrinter.Print(new CliConsole(console.Error, console.Error), result.Diagnostics, DiagnosticFormat.Text);
            }
            return CliApp.Success;
        });
        return command;
    }
}
