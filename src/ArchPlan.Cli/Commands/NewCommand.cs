using System.CommandLine;
using ArchPlan.Authoring;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan new &lt;product&gt;</c>: starts a plan from the template, never over an existing file.</summary>
internal static class NewCommand
{
    public static Command Create(CliConsole console)
    {
        var product = new Argument<string>("product") { Description = "Product slug: lowercase letters, digits and hyphens (the app goes to apps/<product>/infra/cdk/)." };
        var title = new Option<string?>("--title") { Description = "The plan's title (default: left as a placeholder for you to fill in)." };
        var output = new Option<string>("--output", "-o") { Description = "Folder for <product>.md, or the plan's path ending in .md (default: plans).", DefaultValueFactory = _ => "plans" };
        var command = new Command("new", "Start a plan from the template: product, today's date and status filled in; never overwrites a file.")
        {
            product, title, output,
        };
        HelpExamples.Add(command,
            "archplan new payments                                   # writes plans/payments.md",
            "archplan new payments --title \"Payments API\" --output docs/plans/payments.md");
        command.SetAction(parse =>
        {
            var slug = parse.GetValue(product)!;
            var request = new NewPlanRequest(slug, parse.GetValue(title), DateOnly.FromDateTime(DateTime.Now));
            var rendered = NewPlan.Render(request);
            if (rendered.Value is null)
            {
                DiagnosticPrinter.Print(console, rendered.Diagnostics, DiagnosticFormat.Text, summary: false);
                return CliApp.UsageError;
            }
            var target = parse.GetValue(output)!;
            var path = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? target : Path.Combine(target, slug + ".md");
            var written = NewPlan.Write(path, rendered.Value);
            if (written.Value is null)
            {
                DiagnosticPrinter.Print(console, written.Diagnostics, DiagnosticFormat.Text, summary: false);
                return written.Diagnostics.Any(d => d.Descriptor == DiagnosticCatalog.NewPlanExists) ? CliApp.Failure : CliApp.UsageError;
            }
            console.Out.WriteLine($"created {path}");
            console.Out.WriteLine($"Next: fill in the placeholders ('archplan check {path}' lists each), then 'archplan generate {path}'.");
            return CliApp.Success;
        });
        return command;
    }
}
