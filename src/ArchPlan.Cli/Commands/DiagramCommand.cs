using System.CommandLine;
using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using ArchPlan.Diagram;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tables;
using ArchPlan.Validation;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan diagram &lt;source&gt; [--plan plan.md [--write | --check]]</c>: the infrastructure as a Mermaid diagram in the plan.</summary>
internal static class DiagramCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("source")
        {
            Description = "The infrastructure: a CloudFormation template, a cdk.out folder or a C# CDK app folder.",
        };
        var plan = new Option<string?>("--plan") { Description = "The plan whose diagram to compare or update (between its archplan:diagram markers)." };
        var write = new Option<bool>("--write") { Description = "Write the diagram into the plan (only the text between the markers changes; the first run adds them)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and print the difference when the plan's diagram is out of date." };
        var stack = new Option<string?>("--stack") { Description = "The stack to read from a cdk.out folder (artifact id or stack name)." };
        var environment = new Option<string?>("--environment") { Description = "Draw only the stacks for this environment (dev, staging, prod) when the input has several." };
        var product = CommonOptions.Product();
        var command = new Command("diagram", "Print the infrastructure as a Mermaid flowchart (compute, data, queues, topics, schedules, APIs, secrets and the edges between them), or keep it in the plan's Architecture section (--write) and check it (--check).")
        {
            source, plan, write, check, stack, environment, product,
        };
        HelpExamples.Add(command,
            "archplan diagram cdk.out                                  # print the Mermaid flowchart",
            "archplan diagram cdk.out --plan plans/payments.md --check # CI: exit 1 with a diff when stale",
            "archplan diagram cdk.out --plan plans/payments.md --write # keep it between the plan's markers");
        command.SetAction(parse =>
        {
            var (planPath, doWrite, doCheck) = CommonOptions.PlanMode(parse, plan, write, check);

            var errors = console.ForErrors();
            var sourcePath = parse.GetValue(source)!;
            var infra = InfrastructureReader.Read(sourcePath, parse.GetValue(stack));
            if (infra.Value is null || infra.HasErrors)
            {
                DiagnosticPrinter.Print(errors, infra.Diagnostics, DiagnosticFormat.Text);
                return CliApp.UsageError;
            }
            var env = parse.GetValue(environment) is { } given ? EnvironmentNames.Canonical(given) ?? given : null;
            var diagnostics = new DiagnosticBag();
            diagnostics.AddRange(infra.Diagnostics.Where(d => d.Severity > Severity.Info));

            if (planPath is null)
            {
                var model = DiagramBuilder.Build(infra.Value, plan: null, env);
                diagnostics.AddRange(model.Diagnostics);
                console.Out.Write(DiagramSplicer.Render(model.Value!) + "\n");
                Report(errors, diagnostics);
                return CliApp.Success;
            }
            return RunOnPlan(console, errors, sourcePath, planPath, parse.GetValue(product), infra.Value, env, diagnostics, doWrite, doCheck);
        });
        return command;
    }

    private static int RunOnPlan(CliConsole console, CliConsole errors, string source, string path, string? product, InfraModel infra, string? environment,
        DiagnosticBag diagnostics, bool write, bool check)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"cannot read '{path}': {(Directory.Exists(path) ? "it is a folder" : "no such file")}");
        }
        var bytes = File.ReadAllBytes(path);
        var read = PlanReader.ReadBytes(bytes, path, new ReadOptions(product));
        if (read.Value is null || read.Diagnostics.Any(d => d.Descriptor == DiagnosticCatalog.EmptyFile || d.Descriptor == DiagnosticCatalog.MarkdownTooDeep))
        {
            DiagnosticPrinter.Print(errors, read.Diagnostics, DiagnosticFormat.Text);
            return CliApp.UsageError;
        }

        var model = DiagramBuilder.Build(infra, read.Value, environment);
        diagnostics.AddRange(model.Diagnostics);
        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var spliced = DiagramSplicer.Splice(text, path, model.Value!);
        diagnostics.AddRange(spliced.Diagnostics);
        if (spliced.HasErrors)
        {
            Report(errors, diagnostics);
            return CliApp.UsageError;
        }
        var updated = spliced.Value!;
        var changed = !string.Equals(text, updated, StringComparison.Ordinal);

        if (write)
        {
            if (changed)
            {
                // An edit of the plan, not a new file: links, mode and owner stay; a read-only plan is refused.
                var failed = PlanFileWriter.Write(path, bytes, [.. hasBom ? (byte[])[0xEF, 0xBB, 0xBF] : [], .. StrictUtf8.GetBytes(updated)]);
                if (!failed.IsEmpty)
                {
                    diagnostics.AddRange(failed);
                    Report(errors, diagnostics);
                    return CliApp.Failure;
                }
            }
            console.Out.WriteLine(changed ? $"{path}: diagram updated" : $"{path}: diagram is current");
            Report(errors, diagnostics);
            return CliApp.Success;
        }

        if (changed)
        {
            console.Out.Write(SafeText.ForDisplayLines(UnifiedDiff.Create(text, updated, "a/" + path, "b/" + path)));
            if (check)
            {
                errors.Out.WriteLine($"{path}: diagram is out of date; run 'archplan diagram {source} --plan {path} --write'");
            }
        }
        else
        {
            console.Out.WriteLine($"{path}: diagram is current");
        }
        Report(errors, diagnostics);
        return check && changed ? CliApp.Failure : CliApp.Success;
    }

    private static void Report(CliConsole errors, DiagnosticBag diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            DiagnosticPrinter.Print(errors, diagnostics.ToImmutableSorted(), DiagnosticFormat.Text, summary: false);
        }
    }
}
