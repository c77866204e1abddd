using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// <c>archplan generate</c> against a repository that carries links at its temp paths, a tampered manifest, a renamed
/// plan and several plans at once: through the CLI, on the real disk.
/// </summary>
public sealed partial class FileSafetyCliTests
{
    private static string Payments => RepoPaths.Sample("payments-api.md");

    private static string AppOf(string root, string product) => Path.Combine(root, "apps", product, "infra", "cdk");

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes)
            : [];

    [Fact]
    public void Links_planted_at_temp_paths_never_lead_generate_outside_the_app()
    {
        using var temp = new TempFolder();
        var victim = temp.File("home/.bashrc", "export PATH=/usr/bin\n");
        var missing = Path.Combine(temp.Path, "home", "created-through-a-link");
        var app = AppOf(temp.Path, "payments");
        Directory.CreateDirectory(Path.Combine(app, "src", "Payments"));
        // What a cloned repository can carry: links where generate writes its temp files.
        File.CreateSymbolicLink(Path.Combine(app, "src", "Payments", ".Program.cs.archplan-tmp"), victim);
        File.CreateSymbolicLink(Path.Combine(app, ".cdk.json.archplan-tmp"), missing);

        var result = CliRunner.Run("generate", Payments, "--output", temp.Path);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal("export PATH=/usr/bin\n", File.ReadAllText(victim));
        Assert.False(File.Exists(missing));
        Assert.Equal(2, Regex.Count(result.Out + result.Error, "warning AP3121"));
        Assert.Null(new FileInfo(Path.Combine(app, "src", "Payments", "Program.cs")).LinkTarget);
        Assert.Contains("class Program", File.ReadAllText(Path.Combine(app, "src", "Payments", "Program.cs")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(app, "*.archplan-tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
    }

    [Fact]
    public void A_manifest_entry_for_a_hand_written_file_never_gets_it_deleted()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Payments, "--output", temp.Path).ExitCode);
        var app = AppOf(temp.Path, "payments");
        var service = temp.File("apps/payments/service/handler.py", "def handler(event, context):\n    return 1\n");
        var construct = temp.File("apps/payments/infra/cdk/src/Payments/AuditTrail.cs", "namespace Payments;\n\ninternal sealed class AuditTrail {}\n");
        var manifestPath = Path.Combine(app, ".archplan", "manifest.json");
        var manifest = File.ReadAllText(manifestPath);
        var hostile = $$"""
            "files": [
                { "path": "apps/payments/service/handler.py", "sha256": "{{Sha256(service)}}" },
                { "path": "apps/payments/infra/cdk/src/Payments/AuditTrail.cs", "sha256": "{{Sha256(construct)}}" },
            """;
        File.WriteAllText(manifestPath, manifest.Replace("\"files\": [", hostile, StringComparison.Ordinal));

        var result = CliRunner.Run("generate", Payments, "--output", temp.Path);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.True(File.Exists(service));
        Assert.True(File.Exists(construct));
        Assert.Contains("apps/payments/service/handler.py: warning AP3123", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("apps/payments/infra/cdk/src/Payments/AuditTrail.cs: warning AP3124", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("keep       apps/payments/service/handler.py", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AuditTrail", File.ReadAllText(manifestPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_title_keeps_the_stack_class_so_the_app_still_builds()
    {
        using var temp = new TempFolder();
        // Without a stack file in the CDK Stack Structure block, the stack class comes from the title.
        var sample = File.ReadAllText(RepoPaths.Sample("leaderboard-snapshot.md"));
        var original = sample.Replace("│   └── gamehub-leaderboard-snapshot-stack.ts\n", "", StringComparison.Ordinal);
        Assert.NotEqual(sample, original);
        var plan = temp.File("plans/leaderboard.md", original);
        Assert.Equal(0, CliRunner.Run("generate", plan, "--output", temp.Path).ExitCode);
        var project = Path.Combine(AppOf(temp.Path, "gamehub"), "src", "Gamehub");
        var program = File.ReadAllText(Path.Combine(project, "Program.cs"));
        var stackClass = StackCreation().Match(program).Groups[1].Value;
        Assert.Equal("DailyLeaderboardSnapshotsStack", stackClass);
        var generatedBefore = Directory.GetFiles(project, "*.g.cs").Select(Path.GetFileName).Order().ToList();

        File.WriteAllText(plan, original.Replace("title: Daily Leaderboard Snapshots", "title: Weekly Leaderboard Archive", StringComparison.Ordinal));
        // -v: the note that the recorded stack was kept is an info, shown only when asked for.
        var result = CliRunner.Run("generate", plan, "--output", temp.Path, "-v");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("info AP3126", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("'WeeklyLeaderboardArchiveStack'", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(generatedBefore, Directory.GetFiles(project, "*.g.cs").Select(Path.GetFileName).Order().ToList());
        Assert.Equal(program, File.ReadAllText(Path.Combine(project, "Program.cs")));
        Assert.Contains($"partial class {stackClass}", File.ReadAllText(Path.Combine(project, stackClass + ".g.cs")), StringComparison.Ordinal);
        Assert.Contains("# Weekly Leaderboard Archive", File.ReadAllText(Path.Combine(AppOf(temp.Path, "gamehub"), "README.md")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project, "WeeklyLeaderboardArchiveStack.cs")));

        // The proof: the app, with the files people own as they were, still compiles.
        var build = Processes.DotnetBuild(Path.Combine(project, "Gamehub.csproj"), AppOf(temp.Path, "gamehub"));
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public void Several_plans_are_written_app_by_app_and_one_refused_app_leaves_the_others_written()
    {
        using var temp = new TempFolder();
        var leaderboard = RepoPaths.Sample("leaderboard-snapshot.md");
        Assert.Equal(0, CliRunner.Run("generate", Payments, leaderboard, "--output", temp.Path).ExitCode);
        var paymentsApp = AppOf(temp.Path, "payments");
        var gamehubApp = AppOf(temp.Path, "gamehub");
        var edited = Directory.GetFiles(Path.Combine(paymentsApp, "src"), "*.g.cs", SearchOption.AllDirectories).First();
        File.AppendAllText(edited, "// my edit\n");
        var paymentsBefore = Snapshot(paymentsApp);
        var generatedReadme = Path.Combine(gamehubApp, "README.md");
        File.Delete(generatedReadme);

        var result = CliRunner.Run("generate", Payments, leaderboard, "--output", temp.Path);

        // The refused app is left exactly as it was; the other app is written all the same; the exit code says it failed.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error AP3105", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(paymentsBefore.Keys.Order(), Snapshot(paymentsApp).Keys.Order());
        Assert.All(paymentsBefore, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(paymentsApp, f.Key))));
        Assert.True(File.Exists(generatedReadme));
        Assert.Contains("create     apps/gamehub/infra/cdk/README.md", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void One_plan_with_an_error_means_nothing_is_written_for_any_plan()
    {
        using var temp = new TempFolder();
        // No product anywhere: generate cannot place the app (AP3001).
        var broken = temp.File("plans/broken.md", "---\ntitle: Broken\n---\n\n# Broken\n\nNothing to generate.\n");
        var output = Path.Combine(temp.Path, "out");

        var result = CliRunner.Run("generate", Payments, broken, "--output", output);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.Empty(Snapshot(output));
    }

    [Fact]
    public void The_generated_gitignore_ignores_leftover_temp_and_lock_files_but_not_the_manifest()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Payments, "--output", temp.Path).ExitCode);
        var app = AppOf(temp.Path, "payments");
        var git = (string[] args) => Processes.Run("git", args, app, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        Assert.Equal(0, git(["init", "-q"]).ExitCode);

        var ignored = git(["check-ignore", "--no-index", ".cdk.json.archplan-tmp", "src/Payments/.Program.cs.archplan-tmp", ".archplan/lock", ".archplan/.manifest.json.archplan-tmp"]);
        var kept = git(["check-ignore", "--no-index", ".archplan/manifest.json", "src/Payments/Program.cs"]);

        Assert.Equal(0, ignored.ExitCode);
        Assert.Equal(4, ignored.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, kept.ExitCode);
    }

    [GeneratedRegex(@"new (\w+)\(app,")]
    private static partial Regex StackCreation();
}
