using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchPlan.Generation;
using ArchPlan.Model;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Random hostile plans (<see cref="RandomPlans"/>): whatever the generator accepts must compile against
/// Amazon.CDK.Lib (in memory, with Roslyn, no errors and no warnings) and must be exactly the code the plan asks for.
/// <para>
/// The oracle has two independent halves. (1) The benign twin: the same plan with every string replaced by
/// <see cref="HostileText.Twin"/>, which keeps the ASCII letters, digits and separators the generator derives names
/// and decisions from and turns every other character into inert punctuation (white space into spaces and tabs).
/// Twin is injective and the identity on benign text, so the generator must make the same decisions for both
/// plans; the hostile plan's C# must then have the twin's files and, in each, the twin's tokens (kind and text)
/// and directives, literals excepted, whose value, twinned, must equal the twin's literal value. Any injected
/// member, type, statement, invocation or directive changes the token stream; any escaping slip changes a literal
/// value. (2) The shape, computed from the plan and the templates without the generator's naming rules
/// (<see cref="GeneratedCodeOracle.CheckShape"/>): the types are exactly Program, PlanSettings and the partial stack;
/// their members are the templates' fixed members plus construct properties counted per resource kind; the only
/// directive is <c>#nullable enable</c>; every identifier is template vocabulary or a name the app declares.
/// </para>
/// <para>
/// Plans are compiled in batches of <see cref="BatchSize"/> (one library compilation, each plan with its own
/// product and so its own namespace) on all cores. A batch that does not compile is re-compiled plan by plan so
/// the failure names the plan (printed as JSON, control characters escaped) and CsCheck prints the seed to
/// reproduce it. Runs <see cref="ReaderPropertyTests.Iterations"/> plans: 10,000 by default,
/// ARCHPLAN_PROPERTY_ITERATIONS=100000 for the long run.
/// </para>
/// </summary>
public sealed class GeneratedCodePropertyTests(ITestOutputHelper output)
{
    private const int BatchSize = 100;

    private static readonly long Iterations = ReaderPropertyTests.Iterations;

    // The CDK assemblies and the platform assemblies they reference (transitively), as for the generated app; not the
    // test host's xunit, Roslyn and ArchPlan assemblies, whose namespaces the generated app never sees.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var roots = new[] { typeof(Amazon.CDK.App).Assembly, typeof(Constructs.Construct).Assembly, typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly };
        var paths = new HashSet<string>(roots.Select(a => a.Location), StringComparer.Ordinal);
        var pending = new Queue<string>(["System.Runtime", "System.Collections", "System.Private.CoreLib", "netstandard"]);
        foreach (var root in roots)
        {
            foreach (var name in root.GetReferencedAssemblies())
            {
                pending.Enqueue(name.Name!);
            }
        }
        while (pending.TryDequeue(out var name))
        {
            if (platform.TryGetValue(name, out var path) && paths.Add(path))
            {
                foreach (var reference in ReferencedNames(path))
                {
                    pending.Enqueue(reference);
                }
            }
        }
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    private static IEnumerable<string> ReferencedNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }

    // One empty compilation whose references are bound once: compilations made from it with AddSyntaxTrees share its
    // reference manager (the CDK's metadata symbols), which makes each batch's compilation several times cheaper.
    private static readonly Lazy<CSharpCompilation> Empty = new(() =>
    {
        var empty = CSharpCompilation.Create("Generated", [], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        _ = empty.GetDiagnostics();
        return empty;
    });

    // Products people could choose that collide with names the templates use; each batch slot gets its own.
    private static readonly string[] ProductWords =
    [
        "app", "stack", "system", "amazon", "constructs", "lambda", "node", "program", "plan-settings", "environment", "construct", "settings",
        "cdk", "s3", "secrets", "string", "object", "console", "vpc", "cluster", "1st", "class", "namespace", "global", "amazon-cdk", "gamehub",
        "invalid-operation-exception", "culture-info", "dictionary", "convert", "math", "duration", "stack-props", "istack-props", "i-stack-props",
        "events", "targets", "event-sources", "ecs", "ec2",
    ];

    private static string ProductFor(int slot) => slot < ProductWords.Length ? ProductWords[slot] : $"product-{slot}";

    private static readonly Gen<Plan[]> Batches = RandomPlans.Plans.Array[BatchSize]
        .Select(plans => plans.Select((p, i) => p with { Product = ProductFor(i) }).ToArray());

    private sealed record Generated(Plan Plan, ImmutableArray<GeneratedFile> Files, List<SyntaxTree> Trees);

    [Fact]
    public void Accepted_plans_generate_exactly_the_expected_code_and_it_compiles()
    {
        var accepted = 0L;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Batches.Sample(batch =>
        {
            var generated = new List<Generated>();
            for (var i = 0; i < batch.Length; i++)
            {
                if (Check(batch[i], $"p{i}/") is { } ok)
                {
                    generated.Add(ok);
                }
            }
            var errors = Errors(generated.SelectMany(g => g.Trees));
            if (errors.Count > 0)
            {
                // Name the plan: compile each alone.
                foreach (var g in generated)
                {
                    var alone = Errors(g.Trees);
                    Assert.True(alone.Count == 0, $"the generated code does not compile:\n{string.Join("\n", alone)}\nplan:\n{Dump(g.Plan)}");
                }
                Assert.Fail($"plans that compile alone do not compile together:\n{string.Join("\n", errors)}");
            }
            Interlocked.Add(ref accepted, generated.Count);
            return true;
        }, iter: Math.Max(1, Iterations / BatchSize), print: batch => $"a batch of {batch.Length} plans (the failure message names the plan)");
        watch.Stop();
        var plans = Math.Max(1, Iterations / BatchSize) * BatchSize;
        output.WriteLine($"{plans} plans, {accepted} generated and compiled, in {watch.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of CPU)");

        // Nearly every random plan must get through the generator, or this test proves little.
        Assert.True(accepted > plans * 9 / 10, $"only {accepted} of {plans} plans were generated and compiled");
    }

    /// <summary>The oracle and the compilation for one plan (for regression tests of plans the property found).</summary>
    internal static void AssertGeneratesExpectedCode(Plan plan)
    {
        var generated = Check(plan, "") ?? throw new Xunit.Sdk.XunitException("the generator refused the plan");
        var errors = Errors(generated.Trees);
        Assert.True(errors.Count == 0, $"the generated code does not compile:\n{string.Join("\n", errors)}");
    }

    /// <summary>Generates the plan and its twin and applies the oracle; null when the generator refused both (with a diagnostic).</summary>
    private static Generated? Check(Plan plan, string prefix)
    {
        var result = CdkAppGenerator.Generate(plan, new GeneratorOptions());
        var twinPlan = RandomPlans.Twin(plan);
        var twin = CdkAppGenerator.Generate(twinPlan, new GeneratorOptions());
        var refused = result.Value.IsDefault || result.HasErrors;
        Assert.True(refused == (twin.Value.IsDefault || twin.HasErrors),
            $"the generator refused only one of the plan and its twin: {string.Join("; ", result.Diagnostics.Concat(twin.Diagnostics).Where(d => d.Severity == ArchPlan.Diagnostics.Severity.Error))}\nplan:\n{Dump(plan)}");
        if (refused)
        {
            return null;
        }

        var trees = GeneratedCodeOracle.Parse(result.Value, prefix);
        var twinTrees = GeneratedCodeOracle.Parse(twin.Value, prefix);
        var problems = GeneratedCodeOracle.CompareWithTwin(result.Value, twin.Value, trees, twinTrees)
            .Concat(GeneratedCodeOracle.CheckShape(plan, trees))
            .Take(5)
            .ToList();
        Assert.True(problems.Count == 0, $"the generated code is not what the plan asks for:\n{string.Join("\n", problems)}\nplan:\n{Dump(plan)}");
        return new Generated(plan, result.Value, trees);
    }

    private static List<string> Errors(IEnumerable<SyntaxTree> trees) =>
        [.. Empty.Value.AddSyntaxTrees(trees).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Take(10)
            .Select(d => GeneratedCodeOracle.Show(d.ToString()))];

    private static readonly JsonSerializerOptions DumpOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The plan as JSON: every non-ASCII and control character escaped, so it can be pasted into a test.</summary>
    internal static string Dump(Plan plan) => JsonSerializer.Serialize(new
    {
        plan.Product,
        plan.FilePath,
        plan.FrontMatter.Title,
        plan.StackFileName,
        plan.Environments,
        Resources = plan.Resources.Select(r => new
        {
            r.Kind, r.Name, r.Text, r.Runtime, r.MemoryMb, r.Cpu, r.TimeoutSeconds, r.Schedule, r.DeadLetterQueue, r.Image,
            Links = r.Links.Select(l => $"{l.Kind} {l.Target}"),
        }),
        Variables = plan.Variables.Select(v => new
        {
            v.Name, v.Description, v.Value, v.Required, v.Scope, PerEnvironment = v.PerEnvironment.Select(p => new { p.Environment, p.Value }),
        }),
        Secrets = plan.Secrets.Select(s => new { s.Name, Chars = string.Join(" ", s.Name.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))), s.Description, s.Format, s.JsonFields, s.Environment, s.Scope }),
    }, DumpOptions);
}
