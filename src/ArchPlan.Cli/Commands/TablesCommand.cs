using System.CommandLine;
using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tables;
using ArchPlan.Validation;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan tables &lt;source&gt; [--plan plan.md [--write | --check]]</c>: the plan's configuration tables, from code.</summary>
internal static class TablesCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>How infrastructure is read; tests replace it to feed hand-built models.</summary>
    internal static Func<string, string?, StageResult<InfraModel>> ReadInfrastructure { get; set; } = InfrastructureReader.Read;

    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("source")
        {
            Description = "The infrastructure: a CloudFormation template, a cdk.out folder or a C# CDK app folder.",
        };
        var plan = new Option<string?>("--plan") { Description = "The plan whose tables to compare or update." };
        var write = new Option<bool>("--write") { Description = "Update the plan's tables in place (only the tables change)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and print the difference when the plan's tables are out of date." };
        var stack = new Option<string?>("--stack") { Description = "The stack to read from a cdk.out folder (artifact id or stack name)." };
        var keepRemoved = new Option<bool>("--keep-removed") { Description = "Keep rows the code no longer has, struck through, instead of deleting them." };
        var environment = new Option<string?>("--environment") { Description = "The environment the infrastructure is for (dev, staging, prod), for plans with values per environment." };
        var product = CommonOptions.Product();
        var command = new Command("tables", "Print the Environment Variables and Secrets tables from code, or bring a plan's tables up to date (--write) or check them (--check).")
        {
            source, plan, write, check, stack, keepRemoved, environment, product,
        };
        HelpExamples.Add(command,
            "archplan tables cdk.out                                  # print both tables",
            "archplan tables cdk.out --plan plans/payments.md --check # CI: exit 1 with a diff when stale",
            "archplan tables cdk.out --plan plans/payments.md --write # rewrite only the two tables");
        command.SetAction(parse =>
        {
            var (planPath, doWrite, doCheck) = CommonOptions.PlanMode(parse, plan, write, check);

            var errors = console.ForErrors();
            var infra = ReadInfrastructure(parse.GetValue(source)!, parse.GetValue(stack));
            if (infra.Value is null || infra.HasErrors)
            {
                DiagnosticPrinter.Print(errors, infra.Diagnostics, DiagnosticFormat.Text);
                return CliApp.UsageError;
            }
            var model = TableModel.From(infra.Value);
            var diagnostics = new DiagnosticBag();
            diagnostics.AddRange(infra.Diagnostics.Where(d => d.Severity > Severity.Info || console.Verbose));
            diagnostics.AddRange(model.Diagnostics.Where(d => d.Severity > Severity.Info || console.Verbose));

            if (planPath is null)
            {
                console.Out.Write(SafeText.ForDisplayLines(TableRenderer.RenderTemplate(model.Value!)));
                Report(errors, diagnostics);
                return CliApp.Success;
            }

            var options = new TablesOptions(parse.GetValue(keepRemoved), parse.GetValue(environment) is { } env ? EnvironmentNames.Canonical(env) ?? env : null);
            // The command that brings the tables up to date, with the user's own arguments.
            var fix = string.Join(' ', new[]
            {
                "archplan tables", CommonOptions.Quote(parse.GetValue(source)!), "--plan", CommonOptions.Quote(planPath),
                parse.GetValue(stack) is { } s ? $"--stack {CommonOptions.Quote(s)}" : null,
                parse.GetValue(environment) is { } e ? $"--environment {CommonOptions.Quote(e)}" : null,
                parse.GetValue(keepRemoved) ? "--keep-removed" : null,
                parse.GetValue(product) is { } p ? $"--product {CommonOptions.Quote(p)}" : null,
                "--write",
            }.Where(part => part is not null));
            return RunOnPlan(console, errors, planPath, parse.GetValue(product), model.Value!, options, diagnostics, doWrite, doCheck, fix);
        });
        return command;
    }

    private static int RunOnPlan(CliConsole console, CliConsole errors, string path, string? product, TableModel model, TablesOptions options,
        DiagnosticBag diagnostics, bool write, bool check, string fix)
    {
        var file = InputFile.Read(path, ReadOptions.MaxPlanBytes);
        if (file.Outcome != InputFileOutcome.Read)
        {
            throw new UsageException($"cannot read '{path}': {file.Detail}");
        }
        var bytes = file.Bytes!;
        var read = PlanReader.ReadBytes(bytes, path, new ReadOptions(product));
        if (read.Value is null || Pipeline.PlanLoader.IsUnreadable(read.Diagnostics))
        {
            DiagnosticPrinter.Print(errors, read.Diagnostics, DiagnosticFormat.Text);
            return CliApp.UsageError;
        }

        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var spliced = TableSplicer.Splice(text, read.Value, model, options);
        diagnostics.AddRange(spliced.Diagnostics.Where(d => d.Severity > Severity.Info || !check || console.Verbose));
        var updated = spliced.Value!;
        var changed = !string.Equals(text, updated, StringComparison.Ordinal);

        if (write)
        {
            if (changed)
            {
                // An edit of the plan, not a new file: links, mode and owner stay; a read-only plan is refused.
                var failed = PlanFileWriter.Write(path, bytes, [.. hasBom ? Bom : [], .. StrictUtf8.GetBytes(updated)]);
                if (!failed.IsEmpty)
                {
                    diagnostics.AddRange(failed);
                    Report(errors, diagnostics);
                    return CliApp.Failure;
                }
                Note(console, $"{path}: tables updated");
            }
            else
            {
                Note(console, $"{path}: tables are current");
            }
            Report(errors, diagnostics);
            return CliApp.Success;
        }

        if (changed)
        {
            if (!console.Quiet || !check)
            {
                foreach (var line in SafeText.ForDisplayLines(UnifiedDiff.Create(text, updated, "a/" + path, "b/" + path)).TrimEnd('\n').Split('\n'))
                {
                    console.Out.WriteLine(Paint.DiffLine(console.UseColor, line));
                }
            }
            if (check)
            {
                errors.Out.WriteLine($"{path}: tables are out of date; run '{fix}'");
            }
        }
        else
        {
            Note(console, $"{path}: tables are current");
        }
        Report(errors, diagnostics);
        return check && changed ? CliApp.Failure : CliApp.Success;
    }

    private static void Report(CliConsole errors, DiagnosticBag diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            DiagnosticPrinter.Print(errors, diagnostics.ToImmutableSorted(), OutputFormat.Text, summaryPrefix: null);
        }
    }

    /// <summary>A line saying all is well: left out with -q.</summary>
    private static void Note(CliConsole console, string line)
    {
        if (!console.Quiet)
        {
            console.Out.WriteLine(line);
        }
    }
}
