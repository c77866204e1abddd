using ArchPlan.Generation;
using ArchPlan.Generation.Output;
using ArchPlan.Model;
using ArchPlan.Reading;
using BenchmarkDotNet.Attributes;

namespace ArchPlan.Benchmarks;

/// <summary>
/// Generation of one plan: the model → files in memory (<c>Generate</c>), plus writing them with the output writer
/// into an empty folder (<c>GenerateAndWriteNew</c>) and over its own previous output (<c>GenerateAndRewrite</c>, the
/// usual re-run where every file is unchanged), and the whole command's work from the file (<c>ReadGenerate</c>).
/// </summary>
[MemoryDiagnoser]
public class GenerateBenchmarks
{
    private Plan _plan = null!;
    private string _text = "";
    private string _root = "";
    private int _fresh;

    [Params(10, 100, 1000)]
    public int Variables { get; set; }

    [Params(1, 10, 100)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = SyntheticPlans.Build(Variables, Resources);
        _plan = PlanReader.Parse(_text, "plan.md").Value ?? throw new InvalidOperationException("the synthetic plan does not read");
        _root = Workspace.Create($"generate-{Variables}-{Resources}");
        var first = CdkAppGenerator.Generate(_plan, new GeneratorOptions());
        if (first.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", first.Diagnostics));
        }
        OutputWriter.Apply(Path.Combine(_root, "rerun"), _plan.Product!, first.Value, new WriteOptions(false, false));
    }

    [Benchmark]
    public object Generate() => CdkAppGenerator.Generate(_plan, new GeneratorOptions());

    [Benchmark]
    public object ReadGenerate() => CdkAppGenerator.Generate(PlanReader.Parse(_text, "plan.md").Value!, new GeneratorOptions());

    [Benchmark]
    public object GenerateAndWriteNew()
    {
        var files = CdkAppGenerator.Generate(_plan, new GeneratorOptions()).Value;
        return OutputWriter.Apply(Path.Combine(_root, "new", (_fresh++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _plan.Product!, files, new WriteOptions(false, false));
    }

    [Benchmark]
    public object GenerateAndRewrite()
    {
        var files = CdkAppGenerator.Generate(_plan, new GeneratorOptions()).Value;
        return OutputWriter.Apply(Path.Combine(_root, "rerun"), _plan.Product!, files, new WriteOptions(false, false));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);
}
