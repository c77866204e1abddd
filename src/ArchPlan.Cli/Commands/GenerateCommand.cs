using System.CommandLine;
using ArchPlan.Diagnostics;
using ArchPlan.Diagnostics.Rendering;
using ArchPlan.Generation;
using ArchPlan.Generation.Output;
using ArchPlan.Model;
using ArchPlan.Pipeline;
using ArchPlan.Reading;
using Spectre.Console;

namespace ArchPlan.Cli.Commands;

/// <summary><c>archplan generate &lt;plan.md | folder&gt;...</c>: writes a C# CDK app for each plan.</summary>
internal static class GenerateCommand
{
    /// <summary>From this many plans on, a terminal gets a progress bar instead of a line per plan.</summary>
    private const int ProgressThreshold = 10;

    public static Command Create(CliConsole console)
    {
        var plans = new Argument<string[]>("plans") { Description = "Plan files or folders of plans.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder that receives apps/<product>/infra/cdk/ (default: the current folder).", DefaultValueFactory = _ => "." };
        var product = CommonOptions.Product();
        var templates = new Option<string?>("--templates") { Description = "Folder of .liquid files that replace the built-in templates of the same name." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List each file as create/update/unchanged/skip with a diff; write nothing." };
        var force = new Option<bool>("--force") { Description = "Overwrite generated files that were edited by hand." };
        var cdkVersion = new Option<string>("--cdk-version") { Description = "Amazon.CDK.Lib version for the generated project.", DefaultValueFactory = _ => new GeneratorOptions().CdkLibVersion };
        var constructsVersion = new Option<string>("--constructs-version") { Description = "Constructs version for the generated project.", DefaultValueFactory = _ => new GeneratorOptions().ConstructsVersion };
        var command = new Command("generate", "Generate a C# AWS CDK app under <output>/apps/<product>/infra/cdk/ from each plan.")
        {
            plans, output, product, templates, dryRun, force, cdkVersion, constructsVersion,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(output)!;
            var templateDir = parse.GetValue(templates);
            if (templateDir is not null && !Directory.Exists(templateDir))
            {
                throw new UsageException($"--templates folder '{templateDir}' does not exist");
            }
            var files = CommonOptions.ExpandPlans(parse.GetValue(plans)!);
            var readOptions = new ReadOptions(parse.GetValue(product));
            var generatorOptions = new GeneratorOptions
            {
                TemplatesDirectory = templateDir,
                CdkLibVersion = parse.GetValue(cdkVersion)!,
                ConstructsVersion = parse.GetValue(constructsVersion)!,
            };
            var writeOptions = new WriteOptions(parse.GetValue(dryRun), parse.GetValue(force));
            return Run(console, files, root, readOptions, generatorOptions, writeOptions);
        });
        return command;
    }

    private sealed record Generated(string PlanPath, Plan Plan, IReadOnlyList<GeneratedFile> Files);

    private static int Run(CliConsole console, IReadOnlyList<string> files, string root, ReadOptions readOptions, GeneratorOptions generatorOptions, WriteOptions writeOptions)
    {
        // Stage 1: read, validate and generate every plan in memory. Nothing is written unless all succeed.
        var problems = new DiagnosticBag();
        var notes = new DiagnosticBag();
        var generated = new List<Generated>();
        var unreadable = false;
        foreach (var path in files)
        {
            var loaded = PlanLoader.Load(path, readOptions);
            unreadable |= PlanLoader.IsUnreadable(loaded.Diagnostics);
            if (loaded.Value is null || loaded.HasErrors)
            {
                problems.AddRange(loaded.Diagnostics);
                continue;
            }
            notes.AddRange(loaded.Diagnostics);
            var options = generatorOptions with { SourcePlanPath = DisplayPath(path, root) };
            var result = CdkAppGenerator.Generate(loaded.Value, options);
            if (result.Value.IsDefault || result.HasErrors)
            {
                problems.AddRange(result.Diagnostics);
                continue;
            }
            notes.AddRange(result.Diagnostics);
            generated.Add(new Generated(path, loaded.Value, result.Value));
        }

        foreach (var clash in generated.GroupBy(g => g.Plan.Product, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            console.Error.WriteLine($"archplan: {string.Join(" and ", clash.Select(g => g.PlanPath))} all use product '{clash.Key}'; give each plan its own product.");
            unreadable = true;
        }
        if (unreadable || problems.Count > 0)
        {
            var all = problems.ToImmutableSorted();
            DiagnosticPrinter.Print(console, [.. all, .. notes.ToImmutableSorted()], DiagnosticFormat.Text);
            console.Error.WriteLine(writeOptions.DryRun ? "Nothing would be written." : "Nothing was written.");
            return unreadable ? CliApp.UsageError : CliApp.Failure;
        }

        // Stage 2: write each app; each write is all-or-nothing for its product.
        var exit = CliApp.Success;
        var writeDiagnostics = new DiagnosticBag();
        void WriteOne(Generated g)
        {
            var result = OutputWriter.Apply(root, g.Plan.Product!, g.Files, writeOptions);
            writeDiagnostics.AddRange(result.Diagnostics);
            if (result.Value is null || result.HasErrors)
            {
                exit = CliApp.Failure;
                return;
            }
            if (generated.Count < ProgressThreshold || !console.UseColor || writeOptions.DryRun)
            {
                PrintChanges(console, g, result.Value, writeOptions.DryRun);
            }
        }

        if (generated.Count >= ProgressThreshold && console.UseColor && !writeOptions.DryRun)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("Generating", maxValue: generated.Count);
                foreach (var g in generated)
                {
                    WriteOne(g);
                    task.Increment(1);
                }
            });
            console.Out.WriteLine($"Generated {generated.Count} apps under {Path.GetFullPath(Path.Combine(root, "apps"))}.");
        }
        else
        {
            generated.ForEach(WriteOne);
        }

        var shown = notes.ToImmutableSorted().AddRange(writeDiagnostics.ToImmutableSorted());
        if (shown.Length > 0)
        {
            DiagnosticPrinter.Print(console, shown, DiagnosticFormat.Text);
        }
        return exit;
    }

    private static void PrintChanges(CliConsole console, Generated g, WriteReport report, bool dryRun)
    {
        console.Out.WriteLine($"{g.PlanPath} → apps/{g.Plan.Product}/infra/cdk{(dryRun ? " (dry run: nothing written)" : "")}");
        foreach (var change in report.Changes)
        {
            console.Out.WriteLine($"  {ActionWord(change.Action),-10} {change.RelativePath}");
            if (dryRun && !string.IsNullOrEmpty(change.Diff))
            {
                foreach (var line in change.Diff.TrimEnd('\n').Split('\n'))
                {
                    console.Out.WriteLine($"      {line}");
                }
            }
        }
    }

    private static string ActionWord(FileAction action) => action switch
    {
        FileAction.Create => "create",
        FileAction.Update => "update",
        FileAction.Unchanged => "unchanged",
        FileAction.Skip => "skip",
        FileAction.Conflict => "conflict",
        FileAction.Overwrite => "overwrite",
        FileAction.Remove => "remove",
        FileAction.KeepOrphan => "keep",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>The plan path as the generated README shows it: relative to the output root when inside it, with '/'.</summary>
    private static string DisplayPath(string planPath, string root)
    {
        var full = Path.GetFullPath(planPath);
        var relative = Path.GetRelativePath(Path.GetFullPath(root), full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(full) : relative;
        return shown.Replace('\\', '/');
    }
}
