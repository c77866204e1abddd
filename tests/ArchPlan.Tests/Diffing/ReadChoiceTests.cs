using System.Text.Json;
using ArchPlan.Cli;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>What diff reads from a folder (cdk.out, source or templates), how to choose, and that every format says what it read.</summary>
public sealed class ReadChoiceTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The orders app with its synthesized cdk.out inside, as after 'cdk synth' in the app folder.</summary>
    private static string AppWithCdkOut(InfraTestFiles.TempFolder temp)
    {
        var app = temp.CopyFolder(OrdersApp.Source, "app");
        temp.CopyFolder(OrdersApp.Assembly, Path.Combine("app", "cdk.out"));
        return app;
    }

    [Fact]
    public void A_folder_with_cdk_out_and_source_is_read_as_cdk_out_and_the_output_names_the_source_not_read()
    {
        using var temp = InfraTestFiles.Temp();
        var app = AppWithCdkOut(temp);

        var result = InfrastructureReader.Read(app);
        Assert.Equal(InfraSourceKind.CloudAssembly, result.Value!.SourceKind);
        Assert.Equal(Path.Combine(app, "cdk.out"), result.Value.ReadPath);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal(("AP4013", ArchPlan.Diagnostics.Severity.Info), (note.Id, note.Severity));
        Assert.Contains($"'{app}' also holds C# CDK source, which was not read", note.Message, StringComparison.Ordinal);

        var (exit, output, error) = Run("diff", OrdersApp.PlanPath, "--against", app);
        Assert.Equal(CliApp.Success, exit);
        Assert.Contains("info AP4013", error, StringComparison.Ordinal);
        Assert.Equal($"Read the synthesized cloud assembly (cdk.out) {Path.Combine(app, "cdk.out")}; stacks OrdersMonitoring, OrdersStack-dev, OrdersStack-prod, OrdersReporting; "
            + "compared per environment: dev (OrdersMonitoring, OrdersStack-dev, OrdersReporting); prod (OrdersMonitoring, OrdersStack-prod, OrdersReporting).",
            output.Split('\n')[1]);
    }

    [Fact]
    public void Read_source_compares_the_source_of_a_folder_that_also_holds_cdk_out()
    {
        using var temp = InfraTestFiles.Temp();
        var app = AppWithCdkOut(temp);

        var (exit, output, error) = Run("diff", OrdersApp.PlanPath, "--against", app, "--read", "source");

        Assert.Equal(CliApp.Success, exit);
        Assert.Equal("", error);
        Assert.Equal($"Read the C# CDK source in {app} (7 .cs files, cdk.json values of environment 'dev').", output.Split('\n')[1]);
    }

    [Theory]
    [InlineData("cdk-out", "AP4014")]
    [InlineData("template", "AP4014")]
    public void Asking_for_what_a_folder_does_not_hold_is_a_usage_error(string read, string id)
    {
        var (exit, output, error) = Run("diff", OrdersApp.PlanPath, "--against", OrdersApp.Source, "--read", read);
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Equal("", output);
        Assert.Contains($"error {id}: --read {read}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_read_value_is_a_usage_error_and_help_documents_the_option()
    {
        var (exit, _, error) = Run("diff", OrdersApp.PlanPath, "--against", OrdersApp.Source, "--read", "terraform");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("use cdk-out, source or template", error, StringComparison.Ordinal);

        var help = Run("diff", "--help").Out;
        Assert.Contains("--read", help, StringComparison.Ordinal);
        Assert.Contains("cdk-out", help, StringComparison.Ordinal);
        Assert.Contains("--environment", help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_templates_is_read_one_stack_per_template()
    {
        using var temp = InfraTestFiles.Temp();
        foreach (var stack in new[] { "OrdersMonitoring", "OrdersStack-dev", "OrdersStack-prod" })
        {
            File.Copy(Path.Combine(OrdersApp.Assembly, stack + ".template.json"), Path.Combine(temp.Dir, stack + ".template.json"));
        }
        File.WriteAllText(Path.Combine(temp.Dir, "package.json"), "{\"name\": \"orders\"}");

        var auto = InfrastructureReader.Read(temp.Dir).Value!;
        var asked = InfrastructureReader.Read(temp.Dir, null, InfraReadMode.Template).Value!;

        Assert.Equal(["OrdersMonitoring", "OrdersStack-dev", "OrdersStack-prod"], auto.Stacks);
        Assert.Equal(auto.Stacks, asked.Stacks);
        Assert.Equal([null, "dev", "prod"], auto.StackDetails.Select(s => s.Environment));
        Assert.Empty(OrdersApp.Summary(ArchPlan.Diffing.PlanDiffer.Diff(OrdersApp.Plan, auto)));
        Assert.Equal(["OrdersStack-prod"], InfrastructureReader.Read(temp.Dir, "OrdersStack-prod").Value!.Stacks);
    }

    [Fact]
    public void Read_on_a_template_file_is_ignored_with_a_warning()
    {
        var result = InfrastructureReader.Read(Path.Combine(OrdersApp.Assembly, "OrdersMonitoring.template.json"), null, InfraReadMode.Source);
        Assert.Equal(InfraSourceKind.TemplateJson, result.Value!.SourceKind);
        Assert.Equal("AP4015", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("text", "Read the C# CDK source in ")]
    [InlineData("markdown", "Read the C# CDK source in ")]
    [InlineData("github", "Read the C# CDK source in ")]
    public void Every_format_says_what_was_read(string format, string expected)
    {
        var (_, output, _) = Run("diff", OrdersApp.PlanPath, "--against", OrdersApp.Source, "--format", format);
        Assert.Contains(expected + OrdersApp.Source, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_says_what_was_read_and_how_the_stacks_were_compared()
    {
        var (exit, output, _) = Run("diff", OrdersApp.PlanPath, "--against", OrdersApp.Assembly, "--format", "json");
        Assert.Equal(CliApp.Success, exit);
        using var json = JsonDocument.Parse(output);
        var read = json.RootElement.GetProperty("read");
        Assert.Equal("cdk-out", read.GetProperty("kind").GetString());
        Assert.Equal(OrdersApp.Assembly, read.GetProperty("path").GetString());
        Assert.Equal(["OrdersMonitoring", "OrdersStack-dev", "OrdersStack-prod", "OrdersReporting"], read.GetProperty("stacks").EnumerateArray().Select(s => s.GetString()));
        var comparisons = json.RootElement.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(["dev", "prod"], comparisons.Select(c => c.GetProperty("environment").GetString()));
        Assert.Equal(["OrdersMonitoring", "OrdersStack-prod", "OrdersReporting"], comparisons[1].GetProperty("stacks").EnumerateArray().Select(s => s.GetString()));

        var source = JsonDocument.Parse(Run("diff", OrdersApp.PlanPath, "--against", OrdersApp.Source, "--format", "json").Out).RootElement.GetProperty("read");
        Assert.Equal(("source", 7, "dev"), (source.GetProperty("kind").GetString(), source.GetProperty("files").GetInt32(), source.GetProperty("environment").GetString()));
    }

    [Fact]
    public void Json_findings_name_the_environment_they_hold_for()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = OrdersApp.EditedAssembly(temp, ("OrdersStack-prod", t => t.LambdaVariables(OrdersApp.Worker)["MAX_BATCH"] = "25"));
        var (exit, output, _) = Run("diff", OrdersApp.PlanPath, "--against", assembly, "--format", "json");
        Assert.Equal(CliApp.Failure, exit);
        var finding = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("value-differs", "prod", "OrdersStack-prod"),
            (finding.GetProperty("kind").GetString(), finding.GetProperty("environment").GetString(), finding.GetProperty("infrastructure").GetProperty("stack").GetString()));
    }
}
