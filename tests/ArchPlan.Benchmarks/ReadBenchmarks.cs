using ArchPlan.Pipeline;
using ArchPlan.Reading;
using BenchmarkDotNet.Attributes;

namespace ArchPlan.Benchmarks;

/// <summary>Reading (Markdown + YAML → model) and checking (reading + validation) at growing plan sizes.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private string _text = "";
    private string _path = "";

    [Params(10, 100, 1000)]
    public int Variables { get; set; }

    [Params(1, 10, 100)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = SyntheticPlans.Build(Variables, Resources);
        _path = Path.Combine(Path.GetTempPath(), $"archplan-bench-{Variables}-{Resources}.md");
        File.WriteAllText(_path, _text);
    }

    [Benchmark]
    public object Read() => PlanReader.Parse(_text, "plan.md");

    [Benchmark]
    public object Check() => PlanLoader.Load(_path);
}
