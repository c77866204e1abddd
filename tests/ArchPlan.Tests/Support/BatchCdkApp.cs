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

/// <summary>One plan of a batch: the stage its stack is synthesized in, its generated app and the context the test supplied.</summary>
/// <param name="Id">The stage id (<c>P007</c>), unique in the batch.</param>
/// <param name="Plan">The plan as read.</param>
/// <param name="PlanPath">Where the plan file is.</param>
/// <param name="Files">What the generator wrote for it.</param>
/// <param name="Diagnostics">The generator's diagnostics.</param>
public sealed record BatchMember(string Id, Plan Plan, string PlanPath, ImmutableArray<GeneratedFile> Files, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The stack class (<c>PaymentsApiStack</c>) and the id the generated Program.cs gives it.</summary>
    public string StackId { get; init; } = "";

    /// <summary>How <c>--stack</c> finds the stack in the batch's cdk.out: the stage path, <c>P007/PaymentsApiStack</c>.</summary>
    public string StackSelector => $"{Id}/{StackId}";

    /// <summary>
    /// Context values the plan does not give but synth needs (required variables without a value, resources the plan
    /// does not create), with the value the batch supplied, as a user would with <c>cdk synth -c KEY=value</c>.
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
/// the app's own cdk.json context, so plans that give one key different values do not see each other's.
/// </summary>
public sealed partial class BatchCdkApp
{
    private const string ProjectName = "RoundTripBatch";

    private BatchCdkApp(string root, IReadOnlyList<BatchMember> members)
    {
        Root = root;
        Members = members;
    }

    /// <summary>The batch app's folder (cdk.json, handlers/, src/).</summary>
    public string Root { get; }

    public IReadOnlyList<BatchMember> Members { get; private set; }

    /// <summary>The cloud assembly the synth wrote (one nested assembly per stage).</summary>
    public string OutDir => Path.Combine(Root, "cdk.out");

    public ProcessResult Build { get; private set; } = new(-1, "", "not built");

    public ProcessResult Synth { get; private set; } = new(-1, "", "not synthesized");

    public TimeSpan GenerateTime { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public TimeSpan SynthTime { get; private set; }

    /// <summary>Generates every plan (the generator must accept each), writes the merged app and builds and synthesizes it once.</summary>
    /// <param name="root">An empty folder for the app.</param>
    /// <param name="plans">The stage id, the plan and its file, for each member.</param>
    public static BatchCdkApp Create(string root, IEnumerable<(string Id, Plan Plan, string PlanPath)> plans)
    {
        var watch = Stopwatch.StartNew();
        var members = new List<BatchMember>();
        foreach (var (id, plan, path) in plans)
        {
            var generated = CdkAppGenerator.Generate(plan, new GeneratorOptions { SourcePlanPath = plan.FilePath });
            if (generated.Value.IsDefault)
            {
                throw new InvalidOperationException($"{id} ({path}): the generator refused a plan check accepts:\n{string.Join("\n", generated.Diagnostics)}");
            }
            members.Add(new BatchMember(id, plan, path, generated.Value, generated.Diagnostics));
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
            var settings = member.Files.Single(f => f.RelativePath.EndsWith("/PlanSettings.g.cs", StringComparison.Ordinal)).Content;
            var supplied = Supply(context, settings);
            foreach (var (key, value) in supplied)
            {
                context[key] = value;
            }
            contexts[member.Id] = context.DeepClone();

            program.Append("        Add(app, contexts, \"").Append(member.Id).Append("\", stage => new global::")
                .Append(member.Id).Append('.').Append(ns).Append('.').Append(stackClass)
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
        var perEnvironment = environment is null ? null : context["environments"]?[environment]?.AsObject();
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

        var dll = Path.Combine(Root, "src", ProjectName, "bin", "Debug", "net10.0", ProjectName + ".dll");
        var cli = Processes.CdkCli();
        watch.Restart();
        Synth = Processes.Run(cli, ["synth", "--app", $"dotnet \"{dll}\"", "-o", OutDir, "--quiet", "--no-notices", "--no-version-reporting"],
            Root, Processes.CdkEnvironment, TimeSpan.FromMinutes(10));
        SynthTime = watch.Elapsed;
        if (Synth.ExitCode != 0)
        {
            throw new InvalidOperationException("The batch app does not synthesize:\n" + Synth);
        }
    }

    /// <summary>A one-line summary of where the time went, for the test log.</summary>
    public override string ToString() =>
        $"{Members.Count} stacks: generate {GenerateTime.TotalSeconds:F1} s, build {BuildTime.TotalSeconds:F1} s, synth {SynthTime.TotalSeconds:F1} s ({Root})";

    private const string ProgramTemplate = """
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using Amazon.CDK;

        namespace RoundTripBatch;

        /// <summary>Every member app's stack, each in its own stage carrying that app's cdk.json context.</summary>
        internal static class Program
        {
            public static void Main()
            {
                var app = new App();
                using var contexts = JsonDocument.Parse(File.ReadAllText("contexts.json")); // cdk synth runs the app in the batch folder
        //STACKS
                app.Synth();
            }

            private static void Add(App app, JsonDocument contexts, string id, System.Func<Stage, Stack> create)
            {
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

    [GeneratedRegex(@"new (?<class>[A-Za-z_][A-Za-z0-9_]*)\(app, ""(?<id>[^""\\]+)""")]
    private static partial Regex StackCreation();

    [GeneratedRegex(@"^namespace (?<name>[A-Za-z_][A-Za-z0-9_.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bRequired\(""(?<key>(?:[^""\\]|\\.)*)"", perEnvironment: (?<env>true|false)\)")]
    private static partial Regex RequiredKey();

    [GeneratedRegex(@"DefaultEnvironment = ""(?<name>[^""\\]*)""")]
    private static partial Regex DefaultEnvironment();
}
