using System.CommandLine;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Pipeline;
using ArchPlan.Reading;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan diff &lt;plan.md&gt; --against &lt;path&gt;</c>: compares a plan with a template, a cdk.out folder or a C# CDK app.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var plan = new Argument<string>("plan") { Description = "The architecture plan (Markdown)." };
        var against = new Option<string>("--against")
        {
            Description = "A CloudFormation template (JSON or YAML), a cdk.out folder, or a C# CDK app folder (read as source).",
            Required = true,
        };
        var stack = new Option<string?>("--stack") { Description = "With a cdk.out folder (or a folder of templates): the stack to compare (artifact id or stack name); default all." };
        var read = new Option<InfraReadMode>("--read")
        {
            Description = "What to read from a folder: cdk-out (the synthesized cloud assembly, its own or the app's cdk.out/), "
                + "source (the C# CDK app's .cs files) or template (its *.template.json/yaml files). "
                + "Default: cdk.out when there is one (the output names the source it did not read), else source, else templates.",
            HelpName = "cdk-out|source|template",
            DefaultValueFactory = _ => InfraReadMode.Auto,
            CustomParser = result => ParseReadMode(result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value, result),
        };
        var environment = new Option<string?>("--environment")
        {
            Description = "The environment (dev, staging, prod, ...) the infrastructure is for, so per-environment values are compared "
                + "with its values. Default: what the stack names or tags say (OrdersStack-prod, env=prod); a cdk.out with stacks "
                + "for several environments is compared per environment.",
        };
        var format = CommonOptions.Format(
            "Output format: text (default), json, markdown (pull-request comment), github (workflow annotations) or sarif (SARIF 2.1.0, for code scanning).",
            OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.GitHub, OutputFormat.Sarif);
        var product = CommonOptions.Product();
        var command = new Command("diff", "Compare a plan with its infrastructure. Exit 0 when they agree, 1 when they drift, 2 for unreadable input.")
        {
            plan, against, stack, read, environment, format, product,
        };
        HelpExamples.Add(command,
            "archplan diff plans/orders.md --against cdk.out",
            "archplan diff plans/orders.md --against orders.template.json --environment prod",
            "archplan diff plans/orders.md --against apps/orders/infra/cdk --read source --format markdown",
            "archplan diff plans/orders.md --against cdk.out --format sarif > drift.sarif");
        command.SetAction(parse =>
        {
            var planPath = parse.GetValue(plan)!;
            var loaded = PlanLoader.Load(planPath, new ReadOptions(parse.GetValue(product)));
            PrintErrors(console, loaded.Diagnostics);
            if (loaded.Value is null || PlanLoader.IsUnreadable(loaded.Diagnostics))
            {
                return CliApp.UsageError;
            }

            var infra = InfrastructureReader.Read(parse.GetValue(against)!, parse.GetValue(stack), parse.GetValue(read));
            var errors = console.ForErrors();
            foreach (var d in infra.Diagnostics.Where(d => !console.Quiet || d.IsError))
            {
                DiagnosticPrinter.WriteText(errors, d);
            }
            if (infra.Value is null)
            {
                return CliApp.UsageError;
            }

            var report = PlanDiffer.Diff(loaded.Value, infra.Value, infra.Diagnostics, new DiffOptions { Environment = parse.GetValue(environment) });
            foreach (var d in report.Diagnostics.Skip(infra.Diagnostics.Length).Where(d => !console.Quiet || d.IsError))
            {
                DiagnosticPrinter.WriteText(errors, d);
            }
            Render(console, report, parse.GetValue(format));
            return report.HasDrift ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    /// <summary>Plan errors go to standard error (with -v every plan note too): the diff still runs, on what could be read.</summary>
    private static void PrintErrors(CliConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        var errors = console.ForErrors();
        foreach (var d in diagnostics.Where(d => d.IsError || console.Verbose))
        {
            DiagnosticPrinter.WriteText(errors, d);
        }
    }

    private static void Render(CliConsole console, DiffReport report, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Sarif:
                console.Out.Write(SarifWriter.Write(AsDiagnostics(report), CliApp.Version));
                return;
            case OutputFormat.Json:
                DiffRenderer.Render(report, DiffFormat.Json, console.Out);
                return;
            case OutputFormat.Markdown:
                DiffRenderer.Render(report, DiffFormat.Markdown, console.Out);
                return;
            case OutputFormat.GitHub:
                DiffRenderer.Render(report, DiffFormat.GitHub, console.Out);
                return;
        }

        if (console.Quiet)
        {
            // Only the error findings, and nothing at all when there are none.
            var shown = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
            if (shown.Count == 0)
            {
                return;
            }
            report = report with { Findings = new EquatableArray<DiffFinding>(shown) };
        }
        var text = DiffRenderer.Render(report, DiffFormat.Text);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            console.Out.WriteLine(Colour(console.UseColor, line));
        }
    }

    /// <summary>On a terminal: the headline and section titles bold, each finding's severity in its colour.</summary>
    private static string Colour(bool colour, string line)
    {
        if (!colour || line.Length == 0)
        {
            return line;
        }
        if (line[0] != ' ')
        {
            return line.StartsWith("Read ", StringComparison.Ordinal) ? Paint.With(true, Paint.Dim, line) : Paint.With(true, Paint.Bold, line);
        }
        var cell = line[2..].Split(' ', 2)[0];
        if (cell is "error" or "warning" or "info")
        {
            return $"  {Paint.With(true, Paint.ForSeverity(cell), cell)}{line[(2 + cell.Length)..]}";
        }
        return cell == "SEVERITY" ? Paint.With(true, Paint.Dim, line) : line;
    }

    /// <summary>Each finding as a diagnostic at its plan line, for SARIF.</summary>
    private static List<Diagnostic> AsDiagnostics(DiffReport report) =>
        [.. report.Findings.Select(f => new Diagnostic(
            f.Descriptor,
            string.IsNullOrEmpty(f.PlanLocation.File) ? SourceLocation.OfFile(report.PlanPath) : f.PlanLocation,
            f.Environment is null ? f.Message : $"[{f.Environment}] {f.Message}",
            f.Help,
            f.Severity))];

    private static InfraReadMode ParseReadMode(string value, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (value.ToLowerInvariant())
        {
            case "auto":
                return InfraReadMode.Auto;
            case "cdk-out" or "cdkout" or "cdk.out" or "assembly":
                return InfraReadMode.CdkOut;
            case "source" or "src":
                return InfraReadMode.Source;
            case "template" or "templates":
                return InfraReadMode.Template;
            default:
                result.AddError($"'{value}' is not something diff can read; use cdk-out, source or template.");
                return InfraReadMode.Auto;
        }
    }
}
