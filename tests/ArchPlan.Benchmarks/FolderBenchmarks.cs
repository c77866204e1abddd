using System.Collections.Concurrent;
using System.Globalization;
using ArchPlan.Generation;
using ArchPlan.Generation.Output;
using ArchPlan.Pipeline;
using BenchmarkDotNet.Attributes;

namespace ArchPlan.Benchmarks;

/// <summary>
/// A folder of 1,000 typical plans (10 variables, 10 resources, each its own product): load (read + validate) and
/// generate every one in memory, one after another and on every core; and the CLI's <c>archplan generate &lt;folder&gt;</c>
/// in-process (writing included) as a first run into an empty folder and as a re-run over its own output.
/// </summary>
[MemoryDiagnoser]
public class FolderBenchmarks
{
    private string _folder = "";
    private string[] _paths = [];
    private string _output = "";
    private int _fresh;

    [Params(1000)]
    public int Plans { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Workspace.Create($"folder-{Plans}");
        var plans = Path.Combine(_folder, "plans");
        Directory.CreateDirectory(plans);
        _paths = [.. Enumerable.Range(0, Plans).Select(i =>
        {
            var path = Path.Combine(plans, $"plan-{i.ToString("D4", CultureInfo.InvariantCulture)}.md");
            File.WriteAllText(path, SyntheticPlans.Build(10, 10, product: $"product{i.ToString(CultureInfo.InvariantCulture)}"));
            return path;
        })];
        _output = Path.Combine(_folder, "rerun");
        if (Cli(_output) != 0)
        {
            throw new InvalidOperationException("archplan generate failed on the synthetic folder");
        }
    }

    private int Cli(string output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ArchPlan.Cli.CliApp.Run(["generate", Path.Combine(_folder, "plans"), "--output", output], stdout, stderr);
        if (exit != 0)
        {
            Console.Error.WriteLine(stderr.ToString());
        }
        return exit;
    }

    private static int LoadAndGenerate(string path)
    {
        var loaded = PlanLoader.Load(path);
        var files = CdkAppGenerator.Generate(loaded.Value!, new GeneratorOptions());
        return files.Value.Length;
    }

    [Benchmark(Baseline = true)]
    public int Sequential()
    {
        var total = 0;
        foreach (var path in _paths)
        {
            total += LoadAndGenerate(path);
        }
        return total;
    }

    [Benchmark]
    public int Parallel()
    {
        var total = 0;
        System.Threading.Tasks.Parallel.ForEach(_paths, path => Interlocked.Add(ref total, LoadAndGenerate(path)));
        return total;
    }

    [Benchmark]
    public int CliFirstRun() => Cli(Path.Combine(_folder, "new", (_fresh++).ToString(CultureInfo.InvariantCulture)));

    [Benchmark]
    public int CliRerun() => Cli(_output);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);
}
