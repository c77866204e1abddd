using System.Text.Json;
using ArchPlan.Cli;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

public sealed class DiffCommandTests
{
    private static readonly string Plan = InfraTestFiles.Path("leaderboard-plan.md");

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The JSON template with one container secret turned into a plain literal and the topic removed.</summary>
    private static string Drifted(InfraTestFiles.TempFolder temp)
    {
        var t = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        t.RemoveContainerItem("WorkerTaskDef8F2A9C1B", "worker", "Secrets", "DB_PASSWORD");
        t.ContainerList("WorkerTaskDef8F2A9C1B", "worker", "Environment").Add(new System.Text.Json.Nodes.JsonObject { ["Name"] = "DB_PASSWORD", ["Value"] = "hunter2" });
        t.Resources.Remove("AlertsTopic3F1B2C4D");
        t.Properties("SnapshotErrorsAlarm1D4E6F8A").Remove("AlarmActions");
        return t.Save(Path.Combine(temp.Dir, "drifted.template.json"));
    }

    [Fact]
    public void Plan_and_its_own_template_agree_with_exit_0()
    {
        var (exit, output, error) = Run("diff", Plan, "--against", InfraTestFiles.Path("leaderboard.template.json"));
        Assert.Equal(CliApp.Success, exit);
        Assert.StartsWith("No drift:", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("yaml/leaderboard.template.yaml")]
    [InlineData("typescript/leaderboard-typescript.template.json")]
    [InlineData("python/leaderboard-python.template.json")]
    public void Plan_agrees_with_templates_from_other_sources(string file)
    {
        Assert.Equal(CliApp.Success, Run("diff", Plan, "--against", InfraTestFiles.Path(file)).Exit);
    }

    [Fact]
    public void Drift_exits_1_with_a_table_per_section_security_first()
    {
        using var temp = InfraTestFiles.Temp();
        var (exit, output, _) = Run("diff", Plan, "--against", Drifted(temp));
        Assert.Equal(CliApp.Failure, exit);
        var security = output.IndexOf("\nSecurity\n", StringComparison.Ordinal);
        var resources = output.IndexOf("\nResources\n", StringComparison.Ordinal);
        Assert.True(security > 0 && resources > security, output);
        Assert.Contains("AP4050", output, StringComparison.Ordinal);
        Assert.Contains("leaderboard-plan.md:40", output, StringComparison.Ordinal);
        Assert.Contains("WorkerTaskDef8F2A9C1B", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_versioned_and_lists_each_finding()
    {
        using var temp = InfraTestFiles.Temp();
        var (exit, output, _) = Run("diff", Plan, "--against", Drifted(temp), "--format", "json");
        Assert.Equal(CliApp.Failure, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("drift").GetBoolean());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["secret-set-as-literal", "resource-not-found"], findings.Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal(40, findings[0].GetProperty("plan").GetProperty("line").GetInt32());
        Assert.Equal("WorkerTaskDef8F2A9C1B", findings[0].GetProperty("infrastructure").GetProperty("logicalId").GetString());
        Assert.Equal(JsonValueKind.Null, findings[1].GetProperty("infrastructure").ValueKind);
    }

    [Fact]
    public void Github_format_annotates_the_plan_lines()
    {
        using var temp = InfraTestFiles.Temp();
        var (exit, output, _) = Run("diff", Plan, "--against", Drifted(temp), "--format", "github");
        Assert.Equal(CliApp.Failure, exit);
        var lines = output.Split('\n');
        Assert.StartsWith($"::error file={Plan.Replace(":", "%3A", StringComparison.Ordinal)},line=40,title=AP4050 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error ", lines[1], StringComparison.Ordinal);
        Assert.Contains(",line=24,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_format_suits_a_pull_request_comment()
    {
        using var temp = InfraTestFiles.Temp();
        var (_, output, _) = Run("diff", Plan, "--against", Drifted(temp), "--format", "markdown");
        Assert.StartsWith("## ArchPlan diff: 2 findings (2 errors, 0 warnings)", output, StringComparison.Ordinal);
        Assert.Contains("### Security", output, StringComparison.Ordinal);
        Assert.Contains("| 🔴 error | AP4070 | SNS topic 'alerts' is in the plan but not in the infrastructure |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cloud_assembly_with_stack_agrees()
    {
        Assert.Equal(CliApp.Success, Run("diff", Plan, "--against", InfraTestFiles.Path("assembly", "cdk.out"), "--stack", "AcmeLeaderboardStack").Exit);
    }

    [Fact]
    public void Unknown_stack_exits_2_listing_the_stacks()
    {
        var (exit, _, error) = Run("diff", Plan, "--against", InfraTestFiles.Path("assembly", "cdk.out"), "--stack", "Other");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("AP4005", error, StringComparison.Ordinal);
        Assert.Contains("AcmeSharedStack", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff", "PLAN")]
    [InlineData("diff", "PLAN", "--against", "MISSING")]
    [InlineData("diff", "PLAN", "--against", "TEMPLATE", "--format", "yaml")]
    [InlineData("diff", "MISSING", "--against", "TEMPLATE")]
    public void Usage_errors_and_unreadable_input_exit_2(params string[] args)
    {
        var resolved = args.Select(a => a switch
        {
            "PLAN" => Plan,
            "TEMPLATE" => InfraTestFiles.Path("leaderboard.template.json"),
            "MISSING" => InfraTestFiles.Path("does-not-exist"),
            _ => a,
        }).ToArray();
        var (exit, output, error) = Run(resolved);
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
    }
}
