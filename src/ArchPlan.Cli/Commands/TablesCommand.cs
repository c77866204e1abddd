using System.CommandLine;
using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tables;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan tables &lt;source&gt; [--plan plan.md [--write | --check]]</c>: the plan's configuration tables, from code.</summary>
internal static class TablesCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        command.SetAction(parse =>
        {
            var planPath = parse.GetValue(plan);
            var (doWrite, doCheck) = (parse.GetValue(write), parse.GetValue(check));
            if (doWrite && doCheck)
            {
                throw new UsageException("--write and --check cannot be used together");
            }
            if ((doWrite || doCheck) && planPath is null)
            {
                throw new UsageException($"{(doWrite ? "--write" : "--check")} needs --plan <plan.md>");
            }

            var errors = new CliConsole(console.Error, console.Error);
            var infra = ReadInfrastructure(parse.GetValue(source)!, parse.GetValue(stack));
            if (infra.Value is null || infra.HasErrors)
            {
                DiagnosticPrinter.Print(errors, infra.Diagnostics, DiagnosticFormat.Text);
                return CliApp.UsageError;
            }
            var model = TableModel.From(infra.Value);
            var diagnostics = new DiagnosticBag();
            diagnostics.AddRange(infra.Diagnostics.Where(d => d.Severity > Severity.Info));
            diagnostics.AddRange(model.Diagnostics.Where(d => d.Severity > Severity.Info));

            if (planPath is null)
            {
                console.Out.Write(TableRenderer.RenderTemplate(model.Value!));
                Report(errors, diagnostics);
                return CliApp.Success;
            }

            var options = new TablesOptions(parse.GetValue(keepRemoved), parse.GetValue(environment) is { } env ? EnvironmentNames.Canonical(env) ?? env : null);
            return RunOnPlan(console, errors, planPath, parse.GetValue(product), model.Value!, options, diagnostics, doWrite, doCheck);
        });
        return command;
    }

    private static int RunOnPlan(CliConsole console, CliConsole errors, string path, string? product, TableModel model, TablesOptions options,
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

        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var spliced = TableSplicer.Splice(text, read.Value, model, options);
        diagnostics.AddRange(spliced.Diagnostics.Where(d => d.Severity > Severity.Info || !check));
        var updated = spliced.Value!;
        var changed = !string.Equals(text, updated, StringComparison.Ordinal);

        if (write)
        {
            if (changed)
            {
                WriteAtomically(path, hasBom, updated);
                console.Out.WriteLine($"{path}: tables updated");
            }
            else
            {
                console.Out.WriteLine($"{path}: tables are current");
            }
            Report(errors, diagnostics);
            return CliApp.Success;
        }

        if (changed)
        {
            console.Out.Write(UnifiedDiff.Create(text, updated, "a/" + path, "b/" + path));
            if (check)
            {
                errors.Out.WriteLine($"{path}: tables are out of date; run 'archplan tables <source> --plan {path} --write'");
            }
        }
        else
        {
            console.Out.WriteLine($"{path}: tables are current");
        }
        Report(errors, diagnostics);
        return check && changed ? CliApp.Failure : CliApp.Success;
    }

    /// <summary>Writes beside the plan and renames over it, so a crash or a full disk leaves the old plan intact.</summary>
    internal static void WriteAtomically(string path, bool bom, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var body = StrictUtf8.GetBytes(text);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                if (bom)
                {
                    stream.Write([0xEF, 0xBB, 0xBF]);
                }
                stream.Write(body);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void Report(CliConsole errors, DiagnosticBag diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            DiagnosticPrinter.Print(errors, diagnostics.ToImmutableSorted(), DiagnosticFormat.Text, summary: false);
        }
    }
}
