using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Tables;
using BenchmarkDotNet.Attributes;

namespace ArchPlan.Benchmarks;

/// <summary>
/// <c>archplan tables</c> from a synthesized template of 10 / 100 / 1,000 resources: the rows from the infrastructure
/// model (<c>Model</c>), printed as a new table (<c>Render</c>), spliced into a 100-variable plan (<c>Splice</c>), and the
/// whole <c>--plan --check</c> work from the template file and the plan text (<c>ReadModelSplice</c>).
/// </summary>
[MemoryDiagnoser]
public class TablesBenchmarks
{
    private string _template = "";
    private string _text = "";
    private Plan _plan = null!;
    private InfraModel _infra = null!;
    private TableModel _model = null!;

    [Params(10, 100, 1000)]
    public int TemplateResources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _template = SyntheticTemplates.WriteWithPlan($"tables-{TemplateResources}", TemplateResources, 100, out _text);
        _plan = PlanReader.Parse(_text, "plan.md").Value!;
        _infra = InfrastructureReader.Read(_template).Value ?? throw new InvalidOperationException("the synthetic template does not read");
        _model = TableModel.From(_infra).Value!;
    }

    [Benchmark]
    public object Model() => TableModel.From(_infra);

    [Benchmark]
    public string Render() => TableRenderer.RenderTemplate(_model);

    [Benchmark]
    public object Splice() => TableSplicer.Splice(_text, _plan, _model);

    [Benchmark]
    public object ReadModelSplice()
    {
        var model = TableModel.From(InfrastructureReader.Read(_template).Value!).Value!;
        return TableSplicer.Splice(_text, PlanReader.Parse(_text, "plan.md").Value!, model);
    }
}
