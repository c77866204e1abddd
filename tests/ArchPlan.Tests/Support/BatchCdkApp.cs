using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Model;

namespace ArchPlan.Tests.Support;

/// <summary>What goes into a batch: a plan's generated app and how its stack is synthesized.</summary>
/// <param name="Id">The stage id (<c>P007</c>, <c>GamehubProd</c>): a C# identifier, unique in the batch.</param>
/// <param name="Plan">The plan as read.</param>
/// <param name="PlanPath">Where the plan file is.</param>
/// <param name="Files">The app's files; null generates them from <paramref name="Plan"/> (the generator must accept it).</param>
public sealed record BatchEntry(string Id, Plan Plan, string PlanPath, ImmutableArray<GeneratedFile>? Files = null)
{
    /// <summary>Context given on top of the app's cdk.json, as with <c>cdk synth -c KEY=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Supply a value for every context key synth would otherwise stop for (see <see cref="BatchMember.SuppliedContext"/>).</summary>
    public bool SupplyMissingContext { get; init; } = true;

    /// <summary>Synthesize this stack alone, in a second run of the built app (a synth expected to fail would fail the batch).</summary>
    public bool Separate { get; init; }

    /// <summary>The generated files of an app <c>archplan generate</c> wrote to <paramref name="appDirectory"/> (<c>apps/&lt;product&gt;/infra/cdk</c>).</summary>
    public static ImmutableArray<GeneratedFile> FilesIn(string appDirectory)
    {
        var prefix = "apps/" + new DirectoryInfo(appDirectory).Parent!.Parent!.Name + "/infra/cdk/";
        return [.. Directory.EnumerateFiles(appDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(appDirectory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".archplan/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new GeneratedFile(prefix + f, File.ReadAllText(Path.Combine(appDirectory, f)), FileOwnership.Generated))];
    }
}

/// <summary>One plan of a batch: the stage its stack is synthesized in, its generated app and the context the test supplied.</summary>
/// <param name="Entry">What was asked for.</param>
/// <param name="Files">The app's files.</param>
/// <param name="Diagnostics">The generator's diagnostics (empty for files read from disk).</param>
public sealed record BatchMember(BatchEntry Entry, ImmutableArray<GeneratedFile> Files, ImmutableArray<Diagnostic> Diagnostics)
{
    public string Id => Entry.Id;

    public Plan Plan => Entry.Plan;

    public string PlanPath => Entry.PlanPath;

    /// <summary>The id the generated Program.cs gives the stack (<c>PaymentsApiStack</c>).</summary>
    public string StackId { get; init; } = "";

    /// <summary>How <c>--stack</c> finds the stack in the batch's cdk.out: the stage path, <c>P007/PaymentsApiStack</c>.</summary>
    public string StackSelector => $"{Id}/{StackId}";

    /// <summary>
    /// Context values the plan does not give but synth needs (required variables without a value, resources the plan
    /// does not create), with the value the batch supplied, as a user would with <c>cdk synth -c KEY=value</c>. Such a
    /// literal in the template is the deployment's, not the plan's.
    /// </summary>
    public ImmutableDictionary<string, string> SuppliedContext { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The generated files the generator owns (cdk.json, README.md, *.g.cs), by path.</summary>
    public IEnumerable<GeneratedFile> GeneratorOwned => Files.Where(f => f.Ownership == FileOwnership.Generated);
}

/// <summary>
/// Many generated CDK apps as the stacks of ONE CDK app, so that one <c>dotnet build</c> and one real <c>cdk synth</c>
/// cover them all. Each app's sources (all but its Program.cs) go to their own folder with the namespace moved under
/// the member's id (two plans may share a product); its handlers are copied beside the project, where the relative
/// <c>Code.FromAsset</c> paths find them. Each stack sits in its own <see cref="Amazon.CDK.Stage"/> whose context is
/// the app's own cdk.json context (plus the entry's), so plans that give one key different values do not see each
/// other's; each stage's stack lands in its own nested cloud assembly (<c>cdk.out/assembly-&lt;Id&gt;</c>).
/// </summary>
public sealed partial class BatchCdkApp
{
    private const string ProjectName = "TestRunBatch";

    // Program.cs creates only the stage this context key names, for the entries synthesized on their own.
    private const string OnlyKey = "batch:only";

    private readonly Dictionary<string, ProcessResult> _separate = new(StringComparer.Ordinal);

    private BatchCdkApp(string root, IReadOnlyList<BatchMember> members)
    {
        Root = root;
        Members = members;
    }

    /// <summary>The batch app's folder (cdk.json, contexts.json, handlers/, src/).</summary>
    public string Root { get; }

    public IReadOnlyList<BatchMember> Members { get; private set; }

    /// <summary>The cloud assembly the synth wrote (one nested assembly per stage).</summary>
    public string OutDir => Path.Combine(Root, "cdk.out");

    public ProcessResult Build { get; private set; } = new(-1, "", "not built");

    public ProcessResult Synth { get; private set; } = new(-1, "", "not synthesized");

    public TimeSpan GenerateTime { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public TimeSpan SynthTime { get; private set; }

    /// <summary>The time the separate synths took together.</summary>
    public TimeSpan SeparateSynthTime { get; private set; }

    public BatchMember Member(string id) => Members.Single(m => m.Id == id);

    /// <summary>The cloud assembly of one member's stage: a cdk.out of its own, holding only its stack.</summary>
    public string AssemblyOf(string id) =>
        Member(id).Entry.Separate ? Path.Combine(Root, "cdk.out-" + id, "assembly-" + id) : Path.Combine(OutDir, "assembly-" + id);

    /// <summary>The synth that produced <paramref name="id"/>'s stack: the batch's, or the member's own run.</summary>
    public ProcessResult SynthOf(string id) => _separate.TryGetValue(id, out var run) ? run : Synth;

    /// <summary>The member's synthesized template, or null when its synth failed.</summary>
    public JsonObject? TemplateOf(string id)
    {
        var folder = AssemblyOf(id);
        var path = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.template.json").SingleOrDefault() : null;
        return SynthOf(id).ExitCode == 0 && path is not null ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
    }

    /// <summary>
    /// Generates what needs generating, writes the merged app, builds it once and synthesizes it once (plus one run per
    /// <see cref="BatchEntry.Separate"/> entry). A batch that does not build, or whose main synth fails, throws.
    /// </summary>
    /// <param name="root">An empty folder for the app.</param>
    public static BatchCdkApp Create(string root, IEnumerable<BatchEntry> entries)
    {
        // Without the CLI nothing can be proven: fail before spending a minute on generating and building.
        Processes.CdkCli();
        var watch = Stopwatch.StartNew();
        var members = new List<BatchMember>();
        foreach (var entry in entries)
        {
            if (entry.Files is { } files)
            {
                members.Add(new BatchMember(entry, files, []));
                continue;
            }
            var generated = CdkAppGenerator.Generate(entry.Plan, new GeneratorOptions { SourcePlanPath = entry.Plan.FilePath });
            if (generated.Value.IsDefault)
            {
                throw new InvalidOperationException($"{entry.Id} ({entry.PlanPath}): the generator refused the plan:\n{string.Join("\n", generated.Diagnostics)}");
            }
            members.Add(new BatchMember(entry, generated.Value, generated.Diagnostics));
        }
        var batch = new BatchCdkApp(root, members);
        batch.Write();
        batch.GenerateTime = watch.Elapsed;
        batch.BuildAndSynth();
        return batch;
    }

    private void Write()
    {
        Directory.CreateDirectory(Root);
        var project = Path.Combine(Root, "src", ProjectName);
        Directory.CreateDirectory(project);
        var program = new StringBuilder();
        string? csproj = null;
        var contexts = new JsonObject();
        var members = new List<BatchMember>();

        foreach (var member in Members)
        {
            var appRoot = member.Files.First(f => f.RelativePath.EndsWith("/cdk.json", StringComparison.Ordinal)).RelativePath[..^"cdk.json".Length];
            var programFile = member.Files.Single(f => f.RelativePath.StartsWith(appRoot + "src/", StringComparison.Ordinal) && f.RelativePath.EndsWith("/Program.cs", StringComparison.Ordinal));
            var stack = StackCreation().Match(programFile.Content);
            if (!stack.Success)
            {
                throw new InvalidOperationException($"{member.Id}: no stack creation in the generated Program.cs:\n{programFile.Content}");
            }
            var (stackClass, stackId) = (stack.Groups["class"].Value, stack.Groups["id"].Value);
            // Apps of plans with environments name their stack after the selected one (PaymentsStack-prod), as the batch does.
            var perEnvironment = stack.Groups["env"].Success;
            string? ns = null;

            foreach (var file in member.Files)
            {
                var relative = file.RelativePath[appRoot.Length..];
                if (relative.StartsWith("handlers/", StringComparison.Ordinal))
                {
                    // Asset paths are relative to the app folder; two members with one handler folder get the first one's
                    // scaffold (a handler's content never reaches the template's configuration).
                    var target = Path.Combine(Root, relative);
                    if (!File.Exists(target))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.WriteAllText(target, file.Content);
                    }
                }
                else if (relative.StartsWith("src/", StringComparison.Ordinal) && relative.EndsWith(".csproj", StringComparison.Ordinal))
                {
                    csproj ??= file.Content;
                }
                else if (relative.StartsWith("src/", StringComparison.Ordinal) && relative.EndsWith(".cs", StringComparison.Ordinal) && file != programFile)
                {
                    var declared = Namespace().Match(file.Content);
                    if (!declared.Success)
                    {
                        throw new InvalidOperationException($"{member.Id}: {relative} declares no file-scoped namespace");
                    }
                    ns = declared.Groups["name"].Value;
                    var content = Namespace().Replace(file.Content, $"namespace {member.Id}.{ns};", 1);
                    var target = Path.Combine(project, member.Id, Path.GetFileName(relative));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, content);
                }
            }

            var cdkJson = JsonNode.Parse(member.Files.First(f => f.RelativePath == appRoot + "cdk.json").Content)!;
            var context = cdkJson["context"]?.AsObject() ?? [];
            foreach (var (key, value) in member.Entry.Context)
            {
                context[key] = value;
            }
            var settings = member.Files.Single(f => f.RelativePath.EndsWith("/PlanSettings.g.cs", StringComparison.Ordinal)).Content;
            var supplied = member.Entry.SupplyMissingContext ? Supply(context, settings) : [];
            foreach (var (key, value) in supplied)
            {
                context[key] = value;
            }
            contexts[member.Id] = context.DeepClone();
            if (perEnvironment)
            {
                var selected = context["environment"]?.ToString() is { Length: > 0 } chosen ? chosen
                    : DefaultEnvironment().Match(settings) is { Success: true } fallback ? fallback.Groups["name"].Value
                    : throw new InvalidOperationException($"{member.Id}: a per-environment stack without a default environment");
                stackId += "-" + selected;
            }

            program.Append("        Add(app, contexts, only, \"").Append(member.Id).Append("\", ").Append(member.Entry.Separate ? "true" : "false")
                .Append(", stage => new global::").Append(member.Id).Append('.').Append(ns).Append('.').Append(stackClass)
                .Append("(stage, \"").Append(stackId).Append("\", new StackProps()));\n");
            members.Add(member with { StackId = stackId, SuppliedContext = supplied.ToImmutableDictionary() });
        }

        Members = members;
        File.WriteAllText(Path.Combine(project, ProjectName + ".csproj"),
            csproj ?? throw new InvalidOperationException("the batch has no member"));
        File.WriteAllText(Path.Combine(Root, "contexts.json"), contexts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(project, "Program.cs"), ProgramTemplate.Replace("//STACKS\n", program.ToString(), StringComparison.Ordinal));
        // The generated apps' own Directory.Build.props keeps the repository's build settings out of the app.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"),
            Members[0].Files.Single(f => f.RelativePath.EndsWith("/Directory.Build.props", StringComparison.Ordinal)).Content);
        File.WriteAllText(Path.Combine(Root, "cdk.json"), "{\n  \"context\": {}\n}\n");
    }

    /// <summary>
    /// The values synth would stop for: keys PlanSettings reads with <c>Required(...)</c> that the app's context gives no
    /// value (a required variable the plan leaves empty, a resource the plan does not create). The test supplies them
    /// as a user would with <c>-c</c>, and remembers them: such a literal is not the plan's.
    /// </summary>
    private static Dictionary<string, string> Supply(JsonObject context, string settings)
    {
        var environment = context["environment"]?.GetValue<string>() ?? DefaultEnvironment().Match(settings) switch
        {
            { Success: true } m => m.Groups["name"].Value,
            _ => null,
        };
        var perEnvironment = environment is null ? null : context["environments"]?[environment] as JsonObject;
        var supplied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match required in RequiredKey().Matches(settings))
        {
            var key = Regex.Unescape(required.Groups["key"].Value);
            bool Given(JsonNode? node) => node is JsonValue value && value.ToString().Length > 0;
            if (Given(context[key]) || (required.Groups["env"].Value == "true" && Given(perEnvironment?[key])))
            {
                continue;
            }
            supplied[key] = "supplied-" + Regex.Replace(key.ToLowerInvariant(), "[^a-z0-9]+", "-");
        }
        return supplied;
    }

    private void BuildAndSynth()
    {
        var project = Path.Combine(Root, "src", ProjectName, ProjectName + ".csproj");
        var watch = Stopwatch.StartNew();
        Build = Processes.DotnetBuild(project, Root);
        BuildTime = watch.Elapsed;
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException("The batch app does not build:\n" + Build);
        }

        watch.Restart();
        Synth = RunSynth(OutDir, null);
        SynthTime = watch.Elapsed;
        if (Synth.ExitCode != 0)
        {
            throw new InvalidOperationException("The batch app does not synthesize:\n" + Synth);
        }
        watch.Restart();
        foreach (var member in Members.Where(m => m.Entry.Separate))
        {
            _separate[member.Id] = RunSynth(Path.Combine(Root, "cdk.out-" + member.Id), member.Id);
        }
        SeparateSynthTime = watch.Elapsed;
    }

    /// <summary>The real CDK CLI, as users run it, on the built app: every stage but the separate ones, or only <paramref name="only"/>.</summary>
    private ProcessResult RunSynth(string outDir, string? only)
    {
        var dll = Path.Combine(Root, "src", ProjectName, "bin", "Debug", "net10.0", ProjectName + ".dll");
        List<string> args = ["synth", "--app", $"dotnet \"{dll}\"", "-o", outDir, "--quiet", "--no-notices", "--no-version-reporting"];
        if (only is not null)
        {
            // '**' selects the stage's stack, as 'cdk synth' selects a plain app's: the CLI then reports the stack's error
            // annotations (a required value without one) and exits non-zero, as it does for the generated app itself.
            args.AddRange(["-c", $"{OnlyKey}={only}", "**"]);
        }
        return Processes.Run(Processes.CdkCli(), args, Root, Processes.CdkEnvironment, TimeSpan.FromMinutes(10));
    }

    /// <summary>A one-line summary of where the time went, for the test log.</summary>
    public override string ToString() =>
        $"{Members.Count} stacks: generate {GenerateTime.TotalSeconds:F1} s, build {BuildTime.TotalSeconds:F1} s, synth {SynthTime.TotalSeconds:F1} s"
        + $" (+ {_separate.Count} alone: {SeparateSynthTime.TotalSeconds:F1} s) ({Root})";

    private const string ProgramTemplate = """
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using Amazon.CDK;

        namespace TestRunBatch;

        /// <summary>Every member app's stack, each in its own stage carrying that app's cdk.json context.</summary>
        internal static class Program
        {
            public static void Main()
            {
                var app = new App();
                var only = app.Node.TryGetContext("batch:only") as string;
                using var contexts = JsonDocument.Parse(File.ReadAllText("contexts.json")); // cdk synth runs the app in the batch folder
        //STACKS
                app.Synth();
            }

            private static void Add(App app, JsonDocument contexts, string? only, string id, bool separate, System.Func<Stage, Stack> create)
            {
                if (only is null ? separate : only != id)
                {
                    return;
                }
                var stage = new Stage(app, id);
                foreach (var property in contexts.RootElement.GetProperty(id).EnumerateObject())
                {
                    stage.Node.SetContext(property.Name, Value(property.Value));
                }
                create(stage);
            }

            private static object Value(JsonElement element) => element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value)),
                _ => element.ToString(),
            };
        }

        """;

    [GeneratedRegex(@"new (?<class>[A-Za-z_][A-Za-z0-9_]*)\(app, ""(?<id>[^""\\]+)""(?<env> \+ ""-"" \+ PlanSettings\.EnvironmentOf\(app\))?")]
    private static partial Regex StackCreation();

    [GeneratedRegex(@"^namespace (?<name>[A-Za-z_@][A-Za-z0-9_.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bRequired\(""(?<key>(?:[^""\\]|\\.)*)"", perEnvironment: (?<env>true|false)\)")]
    private static partial Regex RequiredKey();

    [GeneratedRegex(@"DefaultEnvironment = ""(?<name>[^""\\]*)""")]
    private static partial Regex DefaultEnvironment();
}
