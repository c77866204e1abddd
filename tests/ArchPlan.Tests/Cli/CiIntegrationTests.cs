using System.Text.RegularExpressions;
using ArchPlan.Tests.Diffing;
using ArchPlan.Tests.Infrastructure;
using ArchPlan.Tests.Support;
using YamlDotNet.Serialization;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// The CI pieces at the repository root: each pre-commit hook's command run against the CLI, and the GitHub action's
/// script run by bash against the built CLI with the variables GitHub Actions sets.
/// </summary>
public sealed class CiIntegrationTests
{
    private sealed record Hook(string Id, string Entry, IReadOnlyList<string> Args, bool PassFilenames, string Files);

    private static IReadOnlyList<Hook> Hooks()
    {
        var yaml = new DeserializerBuilder().Build()
            .Deserialize<List<Dictionary<string, object>>>(File.ReadAllText(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml")));
        return [.. yaml.Select(h => new Hook(
            (string)h["id"],
            (string)h["entry"],
            h.TryGetValue("args", out var args) ? [.. ((List<object>)args).Cast<string>()] : [],
            !h.TryGetValue("pass_filenames", out var pass) || (string)pass == "true",
            h.TryGetValue("files", out var files) ? (string)files : ""))];
    }

    /// <summary>What pre-commit runs: the entry's words, then the args, then the staged files when the hook takes them.</summary>
    private static CliRunner.Result RunHook(Hook hook, IEnumerable<string> args, IEnumerable<string> files)
    {
        var words = hook.Entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("archplan", words[0]);
        return CliRunner.Run([.. words[1..], .. args, .. hook.PassFilenames ? files : []]);
    }

    [Fact]
    public void The_hooks_are_check_tables_check_and_generate_check_run_by_the_installed_tool()
    {
        var hooks = Hooks();
        Assert.Equal(["archplan-check", "archplan-tables", "archplan-generate", "archplan-diagram"], hooks.Select(h => h.Id));
        Assert.Equal(["archplan check", "archplan tables --check", "archplan generate --check", "archplan diagram --check"], hooks.Select(h => h.Entry));
        Assert.Matches(hooks[0].Files, "plans/payments.md");
        Assert.Matches(hooks[2].Files, "apps/payments/infra/cdk/src/Payments/PaymentsApiStack.g.cs");
    }

    [Fact]
    public void Each_hook_passes_on_an_up_to_date_repository_and_fails_when_it_is_not()
    {
        var hooks = Hooks().ToDictionary(h => h.Id);
        using var repo = new TempFolder();
        var plan = repo.File("plans/payments.md", File.ReadAllText(RepoPaths.Sample("payments-api.md")));
        var plans = Path.Combine(repo.Path, "plans");

        // check: the staged plan files are its arguments.
        Assert.Equal(0, RunHook(hooks["archplan-check"], [], [plan]).ExitCode);
        var broken = repo.File("plans/broken.md", "---\ntitle: T\ntitle: U\n---\n");
        Assert.Equal(1, RunHook(hooks["archplan-check"], [], [broken]).ExitCode);
        File.Delete(broken);

        // generate --check: its default args name plans/, here given as the repository's folder, with the output root.
        Assert.Equal(["plans/"], hooks["archplan-generate"].Args);
        string[] generateArgs = [plans, "--output", repo.Path];
        Assert.Equal(1, RunHook(hooks["archplan-generate"], generateArgs, []).ExitCode);
        Assert.Equal(0, CliRunner.Run("generate", plans, "--output", repo.Path).ExitCode);
        var passed = RunHook(hooks["archplan-generate"], generateArgs, []);
        Assert.True(passed.ExitCode == 0, passed.Out + passed.Error);
        var generated = Directory.EnumerateFiles(repo.Path, "*.g.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(generated, "// edit\n");
        Assert.Equal(1, RunHook(hooks["archplan-generate"], generateArgs, []).ExitCode);

        // tables --check: the infrastructure and the plan come from the user's args.
        using var infra = InfraTestFiles.Temp();
        var template = InfraTestFiles.Path("leaderboard.template.json");
        var current = infra.Write("plan.md", File.ReadAllText(InfraTestFiles.Path("leaderboard-plan.md")));
        var tablesPassed = RunHook(hooks["archplan-tables"], [template, "--plan", current], []);
        Assert.True(tablesPassed.ExitCode == 0, tablesPassed.Out + tablesPassed.Error);
        File.WriteAllLines(current, File.ReadAllLines(current).Where(l => !l.Contains("`QUEUE_URL`", StringComparison.Ordinal)));
        Assert.Equal(1, RunHook(hooks["archplan-tables"], [template, "--plan", current], []).ExitCode);

        // diagram --check: stale until the diagram is written into the plan, then current.
        var cdkOut = ArchPlan.Tests.Diagram.DiagramBuilderTests.PaymentsCdkOut;
        Assert.Equal(1, RunHook(hooks["archplan-diagram"], [cdkOut, "--plan", plan], []).ExitCode);
        Assert.Equal(0, CliRunner.Run("diagram", cdkOut, "--plan", plan, "--write").ExitCode);
        var diagramPassed = RunHook(hooks["archplan-diagram"], [cdkOut, "--plan", plan], []);
        Assert.True(diagramPassed.ExitCode == 0, diagramPassed.Out + diagramPassed.Error);
    }

    private static ProcessResult RunActionScript(string workspace, IReadOnlyDictionary<string, string?> inputs, string summary)
    {
        var environment = new Dictionary<string, string?>(inputs)
        {
            ["ARCHPLAN"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "archplan.dll")}",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = Path.Combine(workspace, "github-output"),
            ["RUNNER_TEMP"] = Path.Combine(workspace, "runner-temp"),
        };
        return Processes.Run("bash", [Path.Combine(RepoPaths.Root, "action", "archplan-ci.sh")], workspace, environment, TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void The_actions_script_annotates_the_problems_and_writes_a_job_summary()
    {
        using var workspace = new TempFolder();
        workspace.File("plans/broken.md", "---\ntitle: T\ntitle: U\n---\n");
        var summary = Path.Combine(workspace.Path, "summary.md");

        var result = RunActionScript(workspace.Path, new Dictionary<string, string?> { ["ARCHPLAN_PLANS"] = "plans" }, summary);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(new Regex("^::error file=plans/broken.md,line=3,col=1,title=AP1005 ", RegexOptions.Multiline), result.Stdout);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## ArchPlan\n\n### check: failed\n", text);
        Assert.Contains("plans/broken.md(3,1): error AP1005: front-matter key 'title' is given twice", text);
        Assert.Matches(@"\n1 plan: [1-9]\d* errors?, \d+ warnings?\n", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void The_actions_script_diffs_a_plan_against_its_infrastructure()
    {
        using var workspace = new TempFolder();
        var plan = workspace.File("plans/leaderboard.md", File.ReadAllText(InfraTestFiles.Path("leaderboard-plan.md")));
        var agreeing = workspace.File("infra/agreeing.template.json", File.ReadAllText(InfraTestFiles.Path("leaderboard.template.json")));
        var template = TemplateMutation.Load(agreeing);
        template.Resources.Remove("AlertsTopic3F1B2C4D");
        var drifted = template.Save(Path.Combine(workspace.Path, "infra", "drifted.template.json"));
        var summary = Path.Combine(workspace.Path, "summary.md");

        var clean = RunActionScript(workspace.Path, new Dictionary<string, string?> { ["ARCHPLAN_PLANS"] = "plans/leaderboard.md", ["ARCHPLAN_AGAINST"] = agreeing }, summary);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.DoesNotContain("::error", clean.Stdout);
        var cleanSummary = File.ReadAllText(summary);
        Assert.Contains("### check: passed", cleanSummary);
        Assert.Contains("### diff: passed", cleanSummary);
        Assert.Contains("#### ArchPlan diff: no drift", cleanSummary);

        File.Delete(summary);
        var drift = RunActionScript(workspace.Path, new Dictionary<string, string?> { ["ARCHPLAN_PLANS"] = "plans", ["ARCHPLAN_DIFF_PLAN"] = "plans/leaderboard.md", ["ARCHPLAN_AGAINST"] = drifted }, summary);
        Assert.True(drift.ExitCode == 1, drift.ToString());
        var alertsLine = Array.FindIndex(File.ReadAllLines(plan), l => l.Contains("`alerts`", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($"^::error file=plans/leaderboard.md,line={alertsLine}[,:]", RegexOptions.Multiline), drift.Stdout);
        var driftSummary = File.ReadAllText(summary);
        Assert.Contains("### check: passed", driftSummary);
        Assert.Contains("### diff: failed", driftSummary);
        Assert.Contains("| AP4070 |", driftSummary);
        Assert.Contains("`plans/leaderboard.md`", driftSummary);
    }
}
