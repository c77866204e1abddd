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
        var dryRun = new Option<bool>("--dry-run") { Description = "List each file as create/update/unchanged/skip/conflict with a diff; write nothing." };
        var check = new Option<bool>("--check") { Description = "CI gate: write nothing; list the files regeneration would change and exit 1 if there are any, 0 when up to date." };
        var diff = new Option<bool>("--diff") { Description = "With --check: print a unified diff of each file that would change." };
        var force = new Option<bool>("--force") { Description = "Overwrite generated files that were edited by hand." };
        var cdkVersion = new Option<string>("--cdk-version") { Description = "Amazon.CDK.Lib version for the generated project.", DefaultValueFactory = _ => new GeneratorOptions().CdkLibVersion };
        var constructsVersion = new Option<string>("--constructs-version") { Description = "Constructs version for the generated project.", DefaultValueFactory = _ => new GeneratorOptions().ConstructsVersion };
        var command = new Command("generate", "Generate a C# AWS CDK app under <output>/apps/<product>/infra/cdk/ from each plan.")
        {
            plans, output, product, templates, dryRun, check, diff, force, cdkVersion, constructsVersion,
        };
        HelpExamples.Add(command,
            "archplan generate samples/payments-api.md --output .   # writes apps/payments/infra/cdk/",
            "archplan generate plans/ --dry-run                     # every plan in a folder: list changes with diffs, write nothing",
            "archplan generate plans/ --check --diff                # CI: exit 1 when regeneration would change a file");
        command.SetAction(parse =>
        {
            var root = parse.GetValue(output)!;
            CheckOutputFolder(root);
            if (parse.GetValue(diff) && !parse.GetValue(check))
            {
                throw new UsageException("--diff goes with --check (--dry-run always shows diffs)");
            }
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
            var mode = new Mode(parse.GetValue(dryRun) || parse.GetValue(check), parse.GetValue(check), parse.GetValue(diff));
            var writeOptions = new WriteOptions(mode.DryRun, parse.GetValue(force));
            var again = string.Join(' ', ["archplan generate", .. parse.GetValue(plans)!.Select(CommonOptions.Quote), "--output", CommonOptions.Quote(root)]);
            return Run(console, files, root, readOptions, generatorOptions, writeOptions, mode, again);
        });
        return command;
    }

    /// <summary>How the run reports: a dry run lists every file with diffs; a check lists only changes, diffs on request.</summary>
    private sealed record Mode(bool DryRun, bool Check, bool ShowDiff);

    /// <summary>--output must be a folder (or not exist yet): a file there, or above it, is a usage error.</summary>
    private static void CheckOutputFolder(string root)
    {
        string full;
        try
        {
            full = Path.GetFullPath(root);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--output '{root}' is not a usable folder path");
        }
        for (var current = full; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                throw new UsageException(current == full
                    ? $"--output '{root}' is a file; give the folder that should hold apps/<product>/infra/cdk/"
                    : $"--output '{root}' is inside '{current}', which is a file; give a folder");
            }
            if (Directory.Exists(current))
            {
                return;
            }
        }
    }

    private sealed record Generated(string PlanPath, Plan Plan, IReadOnlyList<GeneratedFile> Files, StackIdentity Stack);

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
        // An app generated before keeps its stack class and id, so a new title does not orphan the files people own.
        var kept = loaded.Value.Product is { } product ? OutputWriter.RecordedStack(root, product) : null;
        var options = generatorOptions with { SourcePlanPath = DisplayPath(path, root), KeepStack = kept };
        var result = CdkAppGenerator.GenerateApp(loaded.Value, options);
        if (result.Value is null || result.HasErrors)
        {
            return new Outcome(path, result.Diagnostics, loaded.Diagnostics, unreadable, null);
        }
        return new Outcome(path, [], loaded.Diagnostics.AddRange(result.Diagnostics), unreadable,
            new Generated(path, loaded.Value, result.Value.Files, result.Value.Stack));
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

    private static int Run(CliConsole console, IReadOnlyList<string> files, string root, ReadOptions readOptions, GeneratorOptions generatorOptions,
        WriteOptions writeOptions, Mode mode, string again)
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
            PrintDiagnostics(console, [.. all, .. notes.ToImmutableSorted()]);
            console.Error.WriteLine(writeOptions.DryRun ? "Nothing would be written." : "Nothing was written.");
            return unreadable ? CliApp.UsageError : CliApp.Failure;
        }

        // Stage 2: write each app, several at once (products never share a folder); each write is all-or-nothing
        // for its product. What is printed follows the plans' order whatever order the writes finish in.
        var exit = CliApp.Success;
        var writeDiagnostics = new DiagnosticBag();
        var progress = generated.Count >= ProgressThreshold && console.IsProcessConsole && console.UseColor && !writeOptions.DryRun;
        var wouldChange = 0;
        var handEdited = 0;
        void Report(Generated g, StageResult<WriteReport> result)
        {
            writeDiagnostics.AddRange(result.Diagnostics);
            handEdited += result.Value?.Changes.Count(c => c.Action == FileAction.Conflict) ?? 0;
            // A dry run or check lists what it found even when a file is in conflict: that file is the news.
            if (result.Value is not null && !progress && (mode.DryRun || !result.HasErrors))
            {
                wouldChange += PrintChanges(console, g, result.Value, mode);
            }
            if (result.Value is null || result.HasErrors)
            {
                exit = CliApp.Failure;
            }
        }

        if (progress)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("Generating", maxValue: generated.Count);
                var results = InOrder(generated, WriteParallelism, g =>
                {
                    var result = OutputWriter.Apply(root, g.Plan.Product!, g.Files, ForApp(writeOptions, g));
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
            var results = InOrder(generated, WriteParallelism, g => OutputWriter.Apply(root, g.Plan.Product!, g.Files, ForApp(writeOptions, g)));
            for (var i = 0; i < generated.Count; i++)
            {
                Report(generated[i], results[i]);
            }
        }

        var shown = notes.ToImmutableSorted().AddRange(writeDiagnostics.ToImmutableSorted());
        if (shown.Length > 0)
        {
            PrintDiagnostics(console, shown);
        }
        if (mode.Check && wouldChange > 0)
        {
            console.Error.WriteLine(handEdited == 0
                ? $"{wouldChange} generated file{(wouldChange == 1 ? "" : "s")} out of date; run '{again}' to regenerate"
                : $"{wouldChange} generated file{(wouldChange == 1 ? "" : "s")} out of date, {handEdited} of them edited by hand (AP3105 above says what to do); then run '{again}' to regenerate");
            exit = CliApp.Failure;
        }
        return exit;
    }

    // Records the stack in the manifest, and lets only files of the kinds the generator writes be deleted as leftovers.
    private static WriteOptions ForApp(WriteOptions options, Generated g) =>
        options with { Stack = g.Stack, MayRemove = CdkAppGenerator.IsGeneratedPath };

    /// <summary>
    /// Errors always; warnings unless -q; info notes (what was generated from what, defaults picked) only with -v,
    /// otherwise counted in one line.
    /// </summary>
    private static void PrintDiagnostics(CliConsole console, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var shown = diagnostics.Where(d => d.Severity != Severity.Info || console.Verbose).ToList();
        DiagnosticPrinter.Print(console, shown, OutputFormat.Text, summaryPrefix: console.Quiet || shown.Count == 0 ? null : "");
        var notes = diagnostics.Count - shown.Count;
        if (notes > 0 && !console.Quiet)
        {
            console.Out.WriteLine($"{notes} note{(notes == 1 ? "" : "s")} on what was generated from what; run with -v to see them");
        }
    }

    /// <summary>Prints one app's file list (with -q nothing); returns how many files a check finds out of date.</summary>
    private static int PrintChanges(CliConsole console, Generated g, WriteReport report, Mode mode)
    {
        var colour = console.UseColor;
        var changes = mode.Check ? report.Changes.Where(c => Changes(c.Action)).ToList() : [.. report.Changes];
        if (console.Quiet)
        {
            return changes.Count;
        }
        var target = $"apps/{g.Plan.Product}/infra/cdk";
        if (mode.Check)
        {
            console.Out.WriteLine(changes.Count == 0
                ? $"{g.PlanPath} → {target}: up to date"
                : $"{g.PlanPath} → {target}: {changes.Count} file{(changes.Count == 1 ? "" : "s")} would change");
        }
        else
        {
            console.Out.WriteLine($"{g.PlanPath} → {target}{(mode.DryRun ? " (dry run: nothing written)" : "")}");
        }
        foreach (var change in changes)
        {
            var word = ActionWord(change.Action);
            console.Out.WriteLine($"  {Paint.With(colour, ActionColour(change.Action), word.PadRight(10))} {change.RelativePath}");
            if (mode.DryRun && (!mode.Check || mode.ShowDiff) && !string.IsNullOrEmpty(change.Diff))
            {
                foreach (var line in change.Diff.TrimEnd('\n').Split('\n'))
                {
                    console.Out.WriteLine($"      {Paint.DiffLine(colour, Validation.SafeText.ForDisplayLines(line))}");
                }
            }
        }
        return changes.Count;
    }

    /// <summary>The actions after which the file on disk differs from what the plan generates.</summary>
    private static bool Changes(FileAction action) =>
        action is FileAction.Create or FileAction.Update or FileAction.Overwrite or FileAction.Conflict or FileAction.Remove;

    private static string ActionColour(FileAction action) => action switch
    {
        FileAction.Create => Paint.Green,
        FileAction.Update => Paint.Yellow,
        FileAction.Conflict or FileAction.Overwrite or FileAction.Remove => Paint.Red,
        _ => Paint.Dim,
    };

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
