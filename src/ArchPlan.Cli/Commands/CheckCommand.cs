using System.CommandLine;
using ArchPlan.Diagnostics;
using ArchPlan.Pipeline;
using ArchPlan.Reading;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan check &lt;plan.md&gt;...</c>: validates plans and reports every problem with its location.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var plans = new Argument<string[]>("plans") { Description = "Plan files or folders of plans.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.DiagnosticFormat();
        var product = CommonOptions.Product();
        var command = new Command("check", "Validate plans and report every problem with file:line:column. Exit 1 when a plan has errors.")
        {
            plans, format, product,
        };
        HelpExamples.Add(command,
            "archplan check samples/                       # every plan in a folder",
            "archplan check plans/payments.md --format github",
            "archplan check plans/ --format sarif > archplan.sarif");
        command.SetAction(parse =>
        {
            var all = new DiagnosticBag();
            var unreadable = false;
            var files = CommonOptions.ExpandPlans(parse.GetValue(plans)!);
            foreach (var path in files)
            {
                var result = PlanLoader.Check(path, new ReadOptions(parse.GetValue(product)));
                unreadable |= PlanLoader.IsUnreadable(result.Diagnostics);
                all.AddRange(result.Diagnostics);
            }
            var diagnostics = all.ToImmutableSorted();
            DiagnosticPrinter.Print(console, diagnostics, parse.GetValue(format), Plans(files.Count));
            return unreadable ? CliApp.UsageError : diagnostics.Any(d => d.IsError) ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    /// <summary>"1 plan", "3 plans".</summary>
    public static string Plans(int count) => count == 1 ? "1 plan" : $"{count} plans";
}
