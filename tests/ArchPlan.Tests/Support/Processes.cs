using System.Diagnostics;
using System.Text;

namespace ArchPlan.Tests.Support;

/// <summary>One finished process: exit code and captured output.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the tools the end-to-end tests need (dotnet, the CDK CLI) as child processes.</summary>
internal static class Processes
{
    /// <summary>The variables every CDK CLI run gets: no deprecation banner, no version check, no telemetry.</summary>
    public static IReadOnlyDictionary<string, string?> CdkEnvironment { get; } = new Dictionary<string, string?>
    {
        ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
        ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20",
        ["CDK_DISABLE_VERSION_CHECK"] = "1",
        ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
    };

    /// <summary>
    /// The repository's real CDK CLI (node_modules/.bin/cdk, installed by <c>npm ci</c>). Its absence throws: the
    /// tests that need it fail, they never skip or fall back to running the app directly.
    /// </summary>
    public static string CdkCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "cdk");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "The aws-cdk CLI is not installed (node_modules/.bin/cdk): run 'npm ci' at the repository root, as .ci/run does.");
    }

    /// <summary>Runs <paramref name="file"/> to completion (or kills it after <paramref name="timeout"/>).</summary>
    public static ProcessResult Run(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The test host runs inside MSBuild/vstest; their variables would steer the nested build.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, stdout.ToString(), stderr + $"\n(timed out after {timeout})");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary><c>dotnet build</c> of one project, without the build server (tests must not leave processes behind).</summary>
    public static ProcessResult DotnetBuild(string project, string workingDirectory) =>
        Run("dotnet", ["build", project, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal", "-clp:Summary"],
            workingDirectory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(8));
}
