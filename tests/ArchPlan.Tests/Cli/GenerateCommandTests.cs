using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

public sealed class GenerateCommandTests
{
    private static string Sample => RepoPaths.Sample("payments-api.md");

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes)
            : [];

    [Fact]
    public void Generates_the_app_under_apps_product_infra_cdk_and_lists_each_file()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("create     apps/payments/infra/cdk/cdk.json", result.Out);
        Assert.True(File.Exists(Path.Combine(temp.Path, "apps", "payments", "infra", "cdk", "cdk.json")));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(temp.Path, "apps", "payments", "infra", "cdk", "src"), "*.g.cs", SearchOption.AllDirectories));
    }

    [Fact]
    public void Dry_run_lists_the_files_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--dry-run");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("dry run", result.Out);
        Assert.Contains("create", result.Out);
        Assert.Empty(Snapshot(temp.Path));
    }

    [Fact]
    public void A_hand_edited_generated_file_is_refused_without_force_and_nothing_changes()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Sample, "--output", temp.Path).ExitCode);
        var generated = Directory.EnumerateFiles(temp.Path, "*.g.cs", SearchOption.AllDirectories).First();
        File.AppendAllText(generated, "// my edit\n");
        var before = Snapshot(temp.Path);

        var refused = CliRunner.Run("generate", Sample, "--output", temp.Path);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(Path.GetFileName(generated), refused.Out);
        Assert.Equal(before.Keys.Order(), Snapshot(temp.Path).Keys.Order());
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(temp.Path, f.Key))));

        var forced = CliRunner.Run("generate", Sample, "--output", temp.Path, "--force");
        Assert.True(forced.ExitCode == 0, forced.Out + forced.Error);
        Assert.DoesNotContain("// my edit", File.ReadAllText(generated));
    }

    [Fact]
    public void Generating_twice_changes_no_byte()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Sample, "--output", temp.Path).ExitCode);
        var first = Snapshot(temp.Path);
        var second = CliRunner.Run("generate", Sample, "--output", temp.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("update", second.Out);
        var after = Snapshot(temp.Path);
        Assert.Equal(first.Keys.Order(), after.Keys.Order());
        Assert.All(first, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public void A_plan_with_errors_exits_1_prints_them_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plans/bad.md", File.ReadAllText(Sample).Replace("product: payments", "product: ../../etc", StringComparison.Ordinal));
        var output = Path.Combine(temp.Path, "out");

        var result = CliRunner.Run("generate", plan, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AP2019", result.Out);
        Assert.Contains("Nothing was written", result.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_generates_every_plan_in_it()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", RepoPaths.Samples, "--output", temp.Path);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(["gamehub", "notifications", "payments"], Directory.EnumerateDirectories(Path.Combine(temp.Path, "apps")).Select(Path.GetFileName).Order().ToList());
    }

    [Fact]
    public void A_missing_templates_folder_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--templates", Path.Combine(temp.Path, "nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--templates", result.Error);
    }
}
