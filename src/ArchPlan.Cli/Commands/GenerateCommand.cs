using System.Collections.Immutable;
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

    /// <summary>
    /// Apps written at once. Writing is mostly waiting for the disk (every file is flushed before it is renamed into
    /// place), so more writes than cores are in flight; each app is still written all-or-nothing on its own.
    /// </summary>
    private static readonly int WriteParallelism = Math.Max(4, Environment.ProcessorCount * 4);

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
            foreach (var (name, version) in new[] { ("--cdk-version", parse.GetValue(cdkVersion)), ("--constructs-version", parse.GetValue(constructsVersion)) })
            {
                if (!PackageVersions.IsValid(version))
                {
                    throw new UsageException($"{name} '{version}' is not a NuGet version (for example 2.160.0); the generated project could not restore");
                }
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

    /// <summary>One plan's stage-1 outcome: its diagnostics, and its files when it can be written.</summary>
    private sealed record Outcome(string PlanPath, ImmutableArray<Diagnostic> Problems, ImmutableArray<Diagnostic> Notes, bool Unreadable, Generated? Generated);

    private static Outcome LoadAndGenerate(string path, string root, ReadOptions readOptions, GeneratorOptions generatorOptions)
    {
        var loaded = PlanLoader.Load(path, readOptions);
        var unreadable = PlanLoader.IsUnreadable(loaded.Diagnostics);
        if (loaded.Value is null || loaded.HasErrors)
        {
            return new Outcome(path, loaded.Diagnostics, [], unreadable, null);
        }
        var options = generatorOptions with { SourcePlanPath = DisplayPath(path, root) };
        var result = CdkAppGenerator.Generate(loaded.Value, options);
        if (result.Value.IsDefault || result.HasErrors)
        {
            return new Outcome(path, result.Diagnostics, loaded.Diagnostics, unreadable, null);
        }
        return new Outcome(path, [], loaded.Diagnostics.AddRange(result.Diagnostics), unreadable, new Generated(path, loaded.Value, result.Value));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every item, on several threads when there is more than one, and returns the
    /// results in the items' order, so output never depends on which thread finished first.
    /// </summary>
    private static List<TResult> InOrder<TItem, TResult>(IReadOnlyList<TItem> items, int parallelism, Func<TItem, TResult> work)
    {
        if (items.Count < 2)
        {
            return [.. items.Select(work)];
        }
        var results = new TResult[items.Count];
        try
        {
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = work(items[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The first failure, as the sequential loop would have thrown it (an I/O error, a bug).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return [.. results];
    }

    private static int Run(CliConsole console, IReadOnlyList<string> files, string root, ReadOptions readOptions, GeneratorOptions generatorOptions, WriteOptions writeOptions)
    {
        // Stage 1: read, validate and generate every plan in memory, on every core. Nothing is written unless all
        // succeed. Diagnostics are gathered in the plans' order, as if one plan had been done after another.
        var problems = new DiagnosticBag();
        var notes = new DiagnosticBag();
        var generated = new List<Generated>();
        var unreadable = false;
        foreach (var outcome in InOrder(files, Environment.ProcessorCount, path => LoadAndGenerate(path, root, readOptions, generatorOptions)))
        {
            unreadable |= outcome.Unreadable;
            problems.AddRange(outcome.Problems);
            notes.AddRange(outcome.Notes);
            if (outcome.Generated is not null)
            {
                generated.Add(outcome.Generated);
            }
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

        // Stage 2: write each app, several at once (products never share a folder); each write is all-or-nothing
        // for its product. What is printed follows the plans' order whatever order the writes finish in.
        var exit = CliApp.Success;
        var writeDiagnostics = new DiagnosticBag();
        var progress = generated.Count >= ProgressThreshold && console.UseColor && !writeOptions.DryRun;
        void Report(Generated g, StageResult<WriteReport> result)
        {
            writeDiagnostics.AddRange(result.Diagnostics);
            if (result.Value is null || result.HasErrors)
            {
                exit = CliApp.Failure;
                return;
            }
            if (!progress)
            {
                PrintChanges(console, g, result.Value, writeOptions.DryRun);
            }
        }

        if (progress)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("Generating", maxValue: generated.Count);
                var results = InOrder(generated, WriteParallelism, g =>
                {
                    var result = OutputWriter.Apply(root, g.Plan.Product!, g.Files, writeOptions);
                    task.Increment(1);
                    return result;
                });
                for (var i = 0; i < generated.Count; i++)
                {
                    Report(generated[i], results[i]);
                }
            });
            console.Out.WriteLine($"Generated {generated.Count} apps under {Path.GetFullPath(Path.Combine(root, "apps"))}.");
        }
        else
        {
            var results = InOrder(generated, WriteParallelism, g => OutputWriter.Apply(root, g.Plan.Product!, g.Files, writeOptions));
            for (var i = 0; i < generated.Count; i++)
            {
                Report(generated[i], results[i]);
            }
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
