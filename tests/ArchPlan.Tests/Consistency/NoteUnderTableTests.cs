using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using ArchPlan.Tests.Tables;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Consistency;

/// <summary>
/// A note written directly under the Environment Variables table: GitHub (GFM) keeps it in the table as a last row, so
/// the table's rows are what the reader sees; check says where the note should go.
/// </summary>
[Collection(TablesCliCollection.Name)]
public sealed class NoteUnderTableTests
{
    private const string Configuration = """
        ### Environment Variables

        | Variable     | Description | Example | Required |
        | ------------ | ----------- | ------- | -------- |
        | `LOG_LEVEL`  | Log level   | `info`  | No       |
        | `BATCH_SIZE` | Batch size  | `10`    | Yes      |
        Values are examples; production values live in the runbook.

        ### Secrets

        None.
        """;

    private static string NotePlan() => Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB", configuration: Configuration);

    [Fact]
    public void Check_reads_every_row_and_warns_about_the_note()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", NotePlan());

        var check = CliRunner.Run("check", plan);
        var show = CliRunner.Run("show", plan);

        Assert.Equal(CliApp.Success, check.ExitCode);
        Assert.Contains($"{plan}(25,1): warning AP2077: line 25 is written directly under the table on line 21", check.Out, StringComparison.Ordinal);
        Assert.Contains("Environment variables (2)", show.Out, StringComparison.Ordinal);
        Assert.Contains("LOG_LEVEL", show.Out, StringComparison.Ordinal);
        Assert.Contains("BATCH_SIZE", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_writes_every_variable_of_the_table()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", NotePlan());

        var result = CliRunner.Run("generate", plan, "--output", temp.Path);

        Assert.Equal(CliApp.Success, result.ExitCode);
        var settings = File.ReadAllText(Path.Combine(temp.Path, "apps", "orders", "infra", "cdk", "src", "Orders", "PlanSettings.g.cs"));
        Assert.Contains("LOG_LEVEL", settings, StringComparison.Ordinal);
        Assert.Contains("BATCH_SIZE", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_write_edits_the_table_and_keeps_the_note_under_it()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", NotePlan());
        var template = temp.File("stack.template.json", """
            {"Resources":{"WorkerFunction1A2B3C4D":{"Type":"AWS::Lambda::Function","Properties":{"Runtime":"python3.12","Handler":"index.handler",
            "Role":"arn:aws:iam::123456789012:role/worker","Code":{"ZipFile":"x"},
            "Environment":{"Variables":{"LOG_LEVEL":"info","BATCH_SIZE":"25","QUEUE_DEPTH":"5"}}},
            "Metadata":{"aws:cdk:path":"OrdersStack/Worker/Resource"}}}}
            """);

        var result = CliRunner.Run("tables", template, "--plan", plan, "--write");

        Assert.Equal(CliApp.Success, result.ExitCode);
        var text = File.ReadAllText(plan);
        var lines = text.Split('\n');
        Assert.Single(lines, line => line.StartsWith("| Variable", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| `BATCH_SIZE`", StringComparison.Ordinal) && line.Contains("`25`", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| `QUEUE_DEPTH`", StringComparison.Ordinal));
        // The note stays where the author put it: right under the table's last row.
        var note = Array.IndexOf(lines, "Values are examples; production values live in the runbook.");
        Assert.True(note > 0 && lines[note - 1].StartsWith('|'), text);
    }
}
