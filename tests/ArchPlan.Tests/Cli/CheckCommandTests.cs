using System.Text.Json;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void Every_sample_checks_clean_with_exit_0()
    {
        foreach (var sample in RepoPaths.AllSamples())
        {
            var result = CliRunner.Run("check", sample);
            Assert.True(result.ExitCode == 0, $"{sample}: exit {result.ExitCode}\n{result.Out}{result.Error}");
            Assert.Contains("0 errors", result.Out);
        }
    }

    [Fact]
    public void A_folder_checks_every_plan_in_it()
    {
        var result = CliRunner.Run("check", RepoPaths.Samples, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_missing_file_is_a_usage_error_with_exit_2()
    {
        var result = CliRunner.Run("check", "no-such-plan.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-plan.md", result.Out);
        Assert.Contains("AP9001", result.Out);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_with_exit_2()
    {
        var result = CliRunner.Run("check", RepoPaths.Sample("payments-api.md"), "--format", "yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("yaml", result.Error);
    }

    [Fact]
    public void Errors_exit_1_and_are_printed_in_compiler_format_with_help()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", "---\ntitle: T\ntitle: U\nstatus: active\n---\n\n# T\n");
        var result = CliRunner.Run("check", plan);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{plan}(3,1): error AP1005: front-matter key 'title' is given twice (first on line 2)", result.Out);
        Assert.Contains("    help: Keep one 'title:' line.", result.Out);
    }

    [Fact]
    public void Json_format_gives_each_diagnostic_with_its_location()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", "---\ntitle: T\ntitle: U\n---\n");
        var result = CliRunner.Run("check", plan, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var duplicate = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "AP1005");
        Assert.Equal("error", duplicate.GetProperty("severity").GetString());
        Assert.Equal(3, duplicate.GetProperty("line").GetInt32());
        Assert.Equal(1, duplicate.GetProperty("column").GetInt32());
        Assert.Equal(plan, duplicate.GetProperty("file").GetString());
    }

    [Fact]
    public void GitHub_format_writes_workflow_annotations()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", "---\ntitle: T\ntitle: U\n---\n");
        var result = CliRunner.Run("check", plan, "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"::error file={plan.Replace(":", "%3A", StringComparison.Ordinal)},line=3,col=1,title=AP1005 Duplicate front-matter key::", result.Out);
    }

    [Fact]
    public void A_binary_file_is_reported_not_thrown_and_exits_2_as_unreadable_input()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "plan.md");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]);
        var result = CliRunner.Run("check", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AP9003", result.Out);
        Assert.DoesNotContain("Exception", result.Out + result.Error);
    }
}
