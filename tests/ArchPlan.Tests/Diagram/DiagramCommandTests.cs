using ArchPlan.Cli;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Diagram;

/// <summary><c>archplan diagram</c> run in-process on the real files: the payments sample and its synthesized app.</summary>
public sealed class DiagramCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-diagram-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string CdkOut => DiagramBuilderTests.PaymentsCdkOut;

    private string CopyOfSample()
    {
        var plan = Path.Combine(_dir, "payments-api.md");
        File.Copy(RepoPaths.Sample("payments-api.md"), plan);
        return plan;
    }

    [Fact]
    public void Check_fails_on_a_plan_without_the_diagram_write_adds_it_and_then_check_passes()
    {
        var plan = CopyOfSample();
        var original = File.ReadAllText(plan);

        var stale = CliRunner.Run("diagram", CdkOut, "--plan", plan, "--check");
        Assert.Equal(CliApp.Failure, stale.ExitCode);
        Assert.Contains("+<!-- archplan:diagram:start -->", stale.Out, StringComparison.Ordinal);
        Assert.Contains($"diagram is out of date; run 'archplan diagram {CdkOut} --plan {plan} --write'", stale.Error, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllText(plan));

        var write = CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");
        Assert.Equal(CliApp.Success, write.ExitCode);
        Assert.Contains("diagram updated", write.Out, StringComparison.Ordinal);
        Assert.Equal("", write.Error);

        var check = CliRunner.Run("diagram", CdkOut, "--plan", plan, "--check");
        Assert.Equal(CliApp.Success, check.ExitCode);
        Assert.Contains("diagram is current", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hand_drawn_diagram_and_every_other_byte_stay_and_the_generated_one_follows_it()
    {
        var plan = CopyOfSample();
        var original = File.ReadAllText(plan);

        CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");
        var written = File.ReadAllText(plan);

        var start = written.IndexOf(DiagramMarkers.Start, StringComparison.Ordinal);
        var end = written.IndexOf(DiagramMarkers.End, StringComparison.Ordinal) + DiagramMarkers.End.Length + "\n\n".Length;
        Assert.Equal(original, written.Remove(start, end - start));
        var handDrawnEnd = original.IndexOf("    RT --> T\n```\n", StringComparison.Ordinal);
        Assert.True(handDrawnEnd > 0);
        Assert.Equal(handDrawnEnd + "    RT --> T\n```\n\n".Length, start);
        Assert.Contains("-->|\"reads/writes, env PAYMENTS_TABLE\"|", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_twice_changes_no_byte_the_second_time()
    {
        var plan = CopyOfSample();
        CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");
        var first = File.ReadAllBytes(plan);
        var written = File.GetLastWriteTimeUtc(plan);

        var again = CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");

        Assert.Equal(CliApp.Success, again.ExitCode);
        Assert.Contains("diagram is current", again.Out, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(plan));
        Assert.Equal(written, File.GetLastWriteTimeUtc(plan));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void The_written_plan_checks_reads_and_tables_as_before()
    {
        var plan = CopyOfSample();
        var checkBefore = CliRunner.Run("check", plan);
        var tablesBefore = CliRunner.Run("tables", CdkOut, "--plan", plan, "--check");
        var before = PlanReader.Read(plan).Value!;

        CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");

        var checkAfter = CliRunner.Run("check", plan);
        Assert.Equal(CliApp.Success, checkBefore.ExitCode);
        Assert.Equal(checkBefore.ExitCode, checkAfter.ExitCode);
        Assert.Equal(tablesBefore.ExitCode, CliRunner.Run("tables", CdkOut, "--plan", plan, "--check").ExitCode);
        var after = PlanReader.Read(plan).Value!;
        Assert.Equal(before.Resources.Select(r => (r.Name, r.Kind, string.Join(", ", r.Links))), after.Resources.Select(r => (r.Name, r.Kind, string.Join(", ", r.Links))));
        Assert.Equal(before.Variables.Select(v => v.Name), after.Variables.Select(v => v.Name));
        Assert.Equal(before.Secrets.Select(s => s.Name), after.Secrets.Select(s => s.Name));
    }

    [Fact]
    public void Without_a_plan_prints_the_block_to_paste()
    {
        var result = CliRunner.Run("diagram", CdkOut);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.StartsWith(DiagramMarkers.Start + "\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart LR\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith(DiagramMarkers.End + "\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_that_do_not_pair_exit_2_naming_the_file_and_line_and_the_plan_stays()
    {
        var plan = Path.Combine(_dir, "plan.md");
        var text = File.ReadAllText(RepoPaths.Sample("payments-api.md")).Replace("**Design Notes:**", "<!-- archplan:diagram:start -->\n\n**Design Notes:**", StringComparison.Ordinal);
        File.WriteAllText(plan, text);
        var line = text[..text.IndexOf("<!-- archplan", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = CliRunner.Run("diagram", CdkOut, "--plan", plan, "--write");

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains($"{plan}({line},1): error AP5020: the diagram start marker on line {line} has no end marker after it", result.Error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(plan));
    }

    [Fact]
    public void Write_needs_a_plan_and_cannot_be_combined_with_check()
    {
        Assert.Equal(CliApp.UsageError, CliRunner.Run("diagram", CdkOut, "--write").ExitCode);
        Assert.Equal(CliApp.UsageError, CliRunner.Run("diagram", CdkOut, "--plan", "x.md", "--write", "--check").ExitCode);
        Assert.Equal(CliApp.UsageError, CliRunner.Run("diagram", Path.Combine(_dir, "missing"), "--plan", "x.md").ExitCode);
    }
}
