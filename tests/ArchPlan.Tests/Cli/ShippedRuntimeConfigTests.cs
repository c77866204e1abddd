using System.Diagnostics;
using System.Text.Json;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// The archplan process runs with start-up settings the test host does not have (no dynamic code, so compiled
/// regexes and Fluid's expression trees are interpreted; the native build's feature switches): it must print
/// and generate exactly what the in-process CLI does.
/// </summary>
public sealed class ShippedRuntimeConfigTests
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "archplan.dll");

    [Fact]
    public void The_shipped_runtime_config_turns_dynamic_code_off()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "archplan.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported").GetBoolean());
    }

    [Fact]
    public void Check_as_a_process_prints_what_check_in_process_prints()
    {
        foreach (var args in new[] { new[] { "check", RepoPaths.Samples }, ["check", Path.Combine(RepoPaths.TestFiles, "bad", "038-oversized-lambda-environment", "plan.md"), "--format", "json"] })
        {
            var expected = CliRunner.Run(args);
            var actual = RunProcess(args);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Generate_as_a_process_writes_the_files_generate_in_process_writes()
    {
        using var inProcess = new TempFolder();
        using var process = new TempFolder();
        var expected = CliRunner.Run("generate", RepoPaths.Samples, "--output", inProcess.Path);
        var actual = RunProcess("generate", RepoPaths.Samples, "--output", process.Path);

        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected.Out, actual.Out);
        Assert.Equal(Snapshot(inProcess.Path), Snapshot(process.Path));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static CliRunner.Result RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"archplan {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new CliRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
