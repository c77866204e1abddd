using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary><c>archplan generate --check</c>: the CI gate that fails when regeneration would change a file.</summary>
public sealed class GenerateCheckTests
{
    private static string Sample => RepoPaths.Sample("payments-api.md");

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public void Check_before_generating_exits_1_lists_the_files_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("would change", result.Out);
        Assert.Contains("create     apps/payments/infra/cdk/cdk.json", result.Out);
        Assert.DoesNotContain("+++ b/", result.Out);
        Assert.Contains($"run 'archplan generate {Sample} --output {temp.Path}' to regenerate", result.Error);
        Assert.Empty(Files(temp.Path));
    }

    [Fact]
    public void Check_after_generating_exits_0_and_says_up_to_date()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Sample, "--output", temp.Path).ExitCode);
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--check");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("samples/payments-api.md → apps/payments/infra/cdk: up to date", result.Out.Replace('\\', '/'));
        Assert.DoesNotContain("unchanged", result.Out);
    }

    [Fact]
    public void Check_finds_a_hand_edit_lists_the_file_and_shows_its_diff_with_diff()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Sample, "--output", temp.Path).ExitCode);
        var edited = Directory.EnumerateFiles(temp.Path, "*.g.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(edited, "// my edit\n");
        var before = Files(temp.Path).ToDictionary(f => f, File.ReadAllBytes);
        var relative = Path.GetRelativePath(temp.Path, edited).Replace('\\', '/');

        var listed = CliRunner.Run("generate", Sample, "--output", temp.Path, "--check");
        Assert.Equal(1, listed.ExitCode);
        Assert.Contains($"conflict   {relative}", listed.Out);
        Assert.Contains("1 file would change", listed.Out);
        Assert.DoesNotContain("-// my edit", listed.Out);
        Assert.Contains("1 generated file out of date, 1 of them edited by hand (AP3105 above says what to do)", listed.Error);

        var diffed = CliRunner.Run("generate", Sample, "--output", temp.Path, "--check", "--diff");
        Assert.Equal(1, diffed.ExitCode);
        Assert.Contains($"--- a/{relative}", diffed.Out);
        Assert.Contains("-// my edit", diffed.Out);

        Assert.Equal(before.Keys, Files(temp.Path));
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    [Fact]
    public void Dry_run_over_a_hand_edited_file_lists_it_with_its_diff()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("generate", Sample, "--output", temp.Path).ExitCode);
        var edited = Directory.EnumerateFiles(temp.Path, "*.g.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(edited, "// my edit\n");
        var relative = Path.GetRelativePath(temp.Path, edited).Replace('\\', '/');

        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"conflict   {relative}", result.Out);
        Assert.Contains("-// my edit", result.Out);
        Assert.Contains("AP3105", result.Out);
        Assert.Contains("// my edit", File.ReadAllText(edited));
    }

    [Fact]
    public void Diff_without_check_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--diff");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--diff goes with --check", result.Error);
    }

    [Fact]
    public void An_output_that_names_a_file_exits_2_with_one_plain_line_and_leaves_the_file_alone()
    {
        using var temp = new TempFolder();
        var file = temp.File("notes.txt", "mine\n");
        foreach (var output in new[] { file, Path.Combine(file, "inner") })
        {
            var result = CliRunner.Run("generate", Sample, "--output", output);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Out);
            var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"archplan: --output '{output}' ", line);
            Assert.Contains("file", line);
            Assert.DoesNotContain("disk", line);
            Assert.Equal("mine\n", File.ReadAllText(file));
        }
    }
}
