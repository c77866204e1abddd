using System.CommandLine;
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
            DefaultValueFactory = _ => InfraReadMode.Auto,
            CustomParser = result => ParseReadMode(result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value, result),
        };
        var environment = new Option<string?>("--environment")
        {
            Description = "The environment (dev, staging, prod, ...) the infrastructure is for, so per-environment values are compared "
                + "with its values. Default: what the stack names or tags say (OrdersStack-prod, env=prod); a cdk.out with stacks "
                + "for several environments is compared per environment.",
        };
        var format = new Option<DiffFormat>("--format")
        {
            Description = "Output format: text, json, markdown (pull-request comment) or github (workflow annotations).",
            DefaultValueFactory = _ => DiffFormat.Text,
            CustomParser = result => ParseFormat(result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value, result),
        };
        var product = CommonOptions.Product();
        var command = new Command("diff", "Compare a plan with its infrastructure. Exit 0 when they agree, 1 when they drift, 2 for unreadable input.")
        {
            plan, against, stack, read, environment, format, product,
        };
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
            foreach (var d in infra.Diagnostics)
            {
                console.Error.WriteLine(DiagnosticWriter.FormatText(d));
            }
            if (infra.Value is null)
            {
                return CliApp.UsageError;
            }

            var report = PlanDiffer.Diff(loaded.Value, infra.Value, infra.Diagnostics, new DiffOptions { Environment = parse.GetValue(environment) });
            foreach (var d in report.Diagnostics.Skip(infra.Diagnostics.Length))
            {
                console.Error.WriteLine(DiagnosticWriter.FormatText(d));
            }
            DiffRenderer.Render(report, parse.GetValue(format), console.Out);
            return report.HasDrift ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    /// <summary>Plan errors go to standard error: the diff still runs, on what could be read.</summary>
    private static void PrintErrors(CliConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics.Where(d => d.IsError))
        {
            console.Error.WriteLine(DiagnosticWriter.FormatText(d));
        }
    }

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

    private static DiffFormat ParseFormat(string value, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (value.ToLowerInvariant())
        {
            case "text":
                return DiffFormat.Text;
            case "json":
                return DiffFormat.Json;
            case "markdown" or "md":
                return DiffFormat.Markdown;
            case "github":
                return DiffFormat.GitHub;
            default:
                result.AddError($"'{value}' is not a diff format; use text, json, markdown or github.");
                return DiffFormat.Text;
        }
    }
}
