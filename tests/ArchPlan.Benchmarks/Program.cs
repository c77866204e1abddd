using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ArchPlan.Benchmarks -- --filter '*'   (see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(ArchPlan.Benchmarks.ReadBenchmarks).Assembly).Run(args);
