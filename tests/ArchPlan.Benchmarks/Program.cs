using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ArchPlan.Benchmarks -- --filter '*'   (see docs/performance.md)
// dotnet run -c Release --project tests/ArchPlan.Benchmarks -- --probe        (a quick stopwatch sweep)
if (args is ["--probe"])
{
    ArchPlan.Benchmarks.Probe.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ArchPlan.Benchmarks.ReadBenchmarks).Assembly).Run(args);
