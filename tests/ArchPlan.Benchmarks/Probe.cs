using System.Diagnostics;
using System.Globalization;
using ArchPlan.Diffing;
using ArchPlan.Generation;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tables;

namespace ArchPlan.Benchmarks;

/// <summary>
/// <c>--probe</c>: a quick stopwatch sweep (median of warm runs) over every scenario, for finding superlinear growth in
/// seconds rather than BenchmarkDotNet's minutes. Numbers are rougher; use the benchmarks for the record.
/// </summary>
internal static class Probe
{
    public static void Run()
    {
        if (Environment.GetEnvironmentVariable("AP_GROWTH") is { } growth)
        {
            Growth.Run([.. growth.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
            return;
        }
        if (Environment.GetEnvironmentVariable("AP_FOLDER") is { } count)
        {
            Folder(int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }
        foreach (var size in Environment.GetEnvironmentVariable("AP_GEN") is null ? new[] { 10, 100, 1000, 2000, 4000 } : [])
        {
            var template = SyntheticTemplates.WriteWithPlan($"probe-{size}", size, 100, out var text);
            var folder = Path.GetDirectoryName(template)!;
            var plan = PlanReader.Parse(text, "plan.md").Value!;
            var infra = InfrastructureReader.Read(template).Value!;
            var model = TableModel.From(infra).Value!;
            var report = PlanDiffer.Diff(plan, infra);
            Console.WriteLine($"template {size} resources ({new FileInfo(template).Length / 1024} KB), plan {plan.Resources.Count} resources: " +
                $"{infra.Resources.Count} infra resources, {infra.Compute.Count} compute, {report.Findings.Count} findings, {model.Variables.Count} table rows");
            Time("  read plan (for comparison: the plan lists the template's resources)", () => PlanReader.Parse(text, "plan.md"));
            Time("  read template", () => InfrastructureReader.Read(template));
            Time("  diff", () => PlanDiffer.Diff(plan, infra));
            Time("  tables model", () => TableModel.From(infra));
            Time("  tables splice", () => TableSplicer.Splice(text, plan, model));
            Directory.Delete(folder, recursive: true);
        }
        foreach (var (variables, resources) in Environment.GetEnvironmentVariable("AP_GEN") is { } only ? [(int.Parse(only.Split(",")[0], CultureInfo.InvariantCulture), int.Parse(only.Split(",")[1], CultureInfo.InvariantCulture))] : new[] { (10, 10), (100, 10), (1000, 10), (10, 100), (10, 400), (100, 100) })
        {
            var plan = PlanReader.Parse(SyntheticPlans.Build(variables, resources), "plan.md").Value!;
            Time($"generate {variables} variables, {resources} resources", () => CdkAppGenerator.Generate(plan, new GeneratorOptions()));
        }
    }

    /// <summary>A folder of typical plans: load + generate in memory, sequential and parallel, then the CLI (first run, re-run).</summary>
    private static void Folder(int count)
    {
        var folder = Workspace.Create($"probe-folder-{count}");
        var plans = Path.Combine(folder, "plans");
        Directory.CreateDirectory(plans);
        var paths = Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(plans, $"plan-{i.ToString("D4", CultureInfo.InvariantCulture)}.md");
            File.WriteAllText(path, SyntheticPlans.Build(10, 10, product: $"product{i.ToString(CultureInfo.InvariantCulture)}"));
            return path;
        }).ToArray();
        static int One(string path) => CdkAppGenerator.Generate(ArchPlan.Pipeline.PlanLoader.Load(path).Value!, new GeneratorOptions()).Value.Length;
        Time($"{count} plans, load + generate, sequential", () => paths.Sum(One));
        Time($"{count} plans, load + generate, parallel", () => paths.AsParallel().Sum(One));
        var runs = 0;
        int Cli(string output)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            return ArchPlan.Cli.CliApp.Run(["generate", plans, "--output", output], stdout, stderr);
        }
        Time($"{count} plans, archplan generate <folder> in-process, first run", () => Cli(Path.Combine(folder, "new", (runs++).ToString(CultureInfo.InvariantCulture))));
        Time($"{count} plans, archplan generate <folder> in-process, re-run", () => Cli(Path.Combine(folder, "new", "0")));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Prints the median wall time and the process CPU time per run: on a machine shared with other builds the CPU
    /// time (which waiting for a core does not inflate) is the steadier of the two.
    /// </summary>
    private static void Time(string label, Func<object> action)
    {
        action();
        var times = new List<double>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.ElapsedMilliseconds < 2000 && times.Count < 200))
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / times.Count;
        times.Sort();
        Console.WriteLine($"{label}: {times[times.Count / 2].ToString("F2", CultureInfo.InvariantCulture)} ms wall (median of {times.Count}), " +
            $"{cpu.ToString("F2", CultureInfo.InvariantCulture)} ms CPU per run");
    }
}
