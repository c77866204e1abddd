using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchPlan.Model;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// Generates the sample apps once per test run into one temporary folder, builds each app once with
/// <c>dotnet build</c>, and synthesizes it with the real CDK CLI (the repository's node_modules/.bin/cdk; its absence is a
/// failure, not a reason to fall back). Tests read the results.
/// </summary>
public sealed class CdkAppFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "archplan-cdk-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public CdkAppFixture()
    {
        Directory.CreateDirectory(_root);
        Gamehub = BuildApp("gamehub", SamplePlans.Gamehub());
        Hostile = BuildApp("hostile", SamplePlans.Hostile());
        PropertySample = BuildApp("property-sample", SamplePlans.PropertySample());
        var sample = ArchPlan.Reading.PlanReader.Read(Path.Combine(SampleGenerationTests.SamplesFolder(), "payments-api.md"), new ArchPlan.Reading.ReadOptions());
        PaymentsSample = BuildApp("payments", sample.Value ?? throw new InvalidOperationException(string.Join("\n", sample.Diagnostics)));
        GamehubDev = Synth(Gamehub, "dev");
        GamehubProd = Synth(Gamehub, "prod", ("environment", "prod"), ("gamehub/db/credentials:arn", DbSecretArn), ("MAX_PLAYERS", "128"));
        GamehubStaging = Synth(Gamehub, "staging", ("environment", "staging"));
        HostileDefault = Synth(Hostile, "default");
        PropertySampleDefault = Synth(PropertySample, "default");
        PaymentsSampleDefault = Synth(PaymentsSample, "default");
        foreach (var name in new[] { "leaderboard-snapshot", "notifications-per-env" })
        {
            var app = GenerateWithCli(name);
            CliSamples[name] = (app, Synth(app, "default"));
        }
    }

    /// <summary>Samples generated end to end through <c>archplan generate</c>, built and synthesized with their cdk.json context.</summary>
    public Dictionary<string, (BuiltApp App, SynthResult Synth)> CliSamples { get; } = [];

    private BuiltApp GenerateWithCli(string sample)
    {
        var root = Path.Combine(_root, "cli-" + sample);
        var generate = Support.CliRunner.Run("generate", Path.Combine(SampleGenerationTests.SamplesFolder(), sample + ".md"), "--output", root);
        if (generate.ExitCode != 0)
        {
            throw new InvalidOperationException($"archplan generate {sample} failed: {generate.Out}{generate.Error}");
        }
        var appDir = Directory.EnumerateDirectories(Path.Combine(root, "apps")).Single();
        return BuildProject(sample, Path.Combine(appDir, "infra", "cdk"));
    }

    /// <summary>The shipped sample samples/payments-api.md, read by the real plan reader.</summary>
    public BuiltApp PaymentsSample { get; }

    public SynthResult PaymentsSampleDefault { get; }

    /// <summary>The complete ARN the prod synth supplies for the database secret.</summary>
    public const string DbSecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gamehub/db/credentials-AbCdEf";

    public BuiltApp Gamehub { get; }

    public BuiltApp Hostile { get; }

    public SynthResult GamehubDev { get; }

    public SynthResult GamehubProd { get; }

    /// <summary>Staging has no value for the required API_TOKEN, so this synth fails.</summary>
    public SynthResult GamehubStaging { get; }

    public SynthResult HostileDefault { get; }

    /// <summary>The property test's hostile values as literal variables of a function and a service (<see cref="SamplePlans.PropertySample"/>).</summary>
    public BuiltApp PropertySample { get; }

    public SynthResult PropertySampleDefault { get; }

    /// <summary>True when synth ran through the aws-cdk CLI rather than by running the app directly.</summary>
    public bool UsedCli { get; private set; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ARCHPLAN_KEEP_TEST_APPS") != "1")
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }

    private BuiltApp BuildApp(string name, Plan plan)
    {
        var files = GenerationTestHelpers.GenerateFiles(plan);
        var root = Path.Combine(_root, name);
        GenerationTestHelpers.Write(root, files.Values);
        return BuildProject(name, Path.Combine(root, "apps", plan.Product!, "infra", "cdk"));
    }

    private BuiltApp BuildProject(string name, string appDir)
    {
        var project = Directory.EnumerateFiles(Path.Combine(appDir, "src"), "*.csproj", SearchOption.AllDirectories).Single();
        var watch = Stopwatch.StartNew();
        var build = Processes.DotnetBuild(project, appDir);
        watch.Stop();
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Debug", "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");
        return new BuiltApp(name, appDir, dll, build, watch.Elapsed);
    }

    private SynthResult Synth(BuiltApp app, string label, params (string Key, string Value)[] context)
    {
        var outDir = Path.Combine(_root, "out", app.Name + "-" + label);
        var watch = Stopwatch.StartNew();
        // The real CDK CLI, as users run it: a missing CLI fails the tests (npm ci installs it), never a fallback.
        var cli = Processes.CdkCli();
        UsedCli = true;
        var args = new List<string> { "synth", "--app", $"dotnet \"{app.Dll}\"", "-o", outDir, "--quiet", "--no-notices", "--no-version-reporting" };
        foreach (var (key, value) in context)
        {
            args.Add("-c");
            args.Add($"{key}={value}");
        }
        var run = Processes.Run(cli, args, app.Directory, Processes.CdkEnvironment, TimeSpan.FromMinutes(5));
        watch.Stop();
        var templatePath = Directory.Exists(outDir) ? Directory.EnumerateFiles(outDir, "*.template.json").FirstOrDefault() : null;
        var template = run.ExitCode == 0 && templatePath is not null ? JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject() : null;
        return new SynthResult(label, run, template, watch.Elapsed) { OutDir = outDir };
    }
}

public sealed record BuiltApp(string Name, string Directory, string Dll, ProcessResult Build, TimeSpan BuildTime);

/// <summary>One synth: the process result and, when it succeeded, the stack's CloudFormation template.</summary>
public sealed record SynthResult(string Label, ProcessResult Run, JsonObject? Template, TimeSpan Time)
{
    /// <summary>The cloud assembly folder (cdk.out) the synth wrote.</summary>
    public string OutDir { get; init; } = "";

    public JsonObject Resources => (Template ?? throw new InvalidOperationException($"synth '{Label}' failed: {Run}"))["Resources"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type).Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>The resource whose logical id starts with <paramref name="constructId"/> (CDK appends a hash).</summary>
    public JsonObject Resource(string type, string constructId) =>
        OfType(type).Single(r => r.Id.StartsWith(constructId, StringComparison.Ordinal) && r.Id.Length == constructId.Length + 8).Resource;

    public string LogicalId(string type, string constructId) =>
        OfType(type).Single(r => r.Id.StartsWith(constructId, StringComparison.Ordinal) && r.Id.Length == constructId.Length + 8).Id;

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}

[CollectionDefinition(Name)]
public sealed class CdkAppsCollection : ICollectionFixture<CdkAppFixture>
{
    public const string Name = "Generated CDK apps";
}
