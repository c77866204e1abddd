using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using BenchmarkDotNet.Attributes;

namespace ArchPlan.Benchmarks;

/// <summary>
/// <c>archplan diff</c> against a synthesized template of 10 / 100 / 1,000 CloudFormation resources (see
/// <see cref="SyntheticTemplates"/>), with a plan of 100 variables listing the template's resources. <c>ReadTemplate</c>
/// reads and analyses the file; <c>Diff</c> compares the models; <c>ReadAndDiff</c> is both, the in-process cost of the
/// command once the plan is loaded.
/// </summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    private string _template = "";
    private Plan _plan = null!;
    private InfraModel _infra = null!;

    [Params(10, 100, 1000)]
    public int TemplateResources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _template = SyntheticTemplates.WriteWithPlan($"diff-{TemplateResources}", TemplateResources, 100, out var planText);
        _plan = PlanReader.Parse(planText, "plan.md").Value!;
        _infra = InfrastructureReader.Read(_template).Value ?? throw new InvalidOperationException("the synthetic template does not read");
    }

    [Benchmark]
    public object ReadTemplate() => InfrastructureReader.Read(_template);

    [Benchmark]
    public object Diff() => PlanDiffer.Diff(_plan, _infra);

    [Benchmark]
    public object ReadAndDiff() => PlanDiffer.Diff(_plan, InfrastructureReader.Read(_template).Value!);
}
