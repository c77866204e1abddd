using ArchPlan.Tests.Generation;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// The whole loop on the shipped samples: generate, build and synthesize with the real CDK (once, in the
/// shared fixture), then <c>diff</c> agrees with the plan and <c>tables --check</c> finds the plan current.
/// </summary>
[Collection(CdkAppsCollection.Name)]
public sealed class RoundTripTests(CdkAppFixture apps)
{
    public static TheoryData<string> CliSamples => new() { "leaderboard-snapshot", "notifications-per-env" };

    [Theory]
    [MemberData(nameof(CliSamples))]
    public void A_generated_and_synthesized_sample_diffs_clean_against_its_plan(string sample)
    {
        var (app, synth) = apps.CliSamples[sample];
        Assert.True(app.Build.ExitCode == 0, app.Build.ToString());
        Assert.True(synth.Run.ExitCode == 0, synth.Run.ToString());

        var cdkOut = CliRunner.Run("diff", RepoPaths.Sample(sample + ".md"), "--against", synth.OutDir);
        Assert.True(cdkOut.ExitCode == 0, cdkOut.Out + cdkOut.Error);
        Assert.Contains("No drift", cdkOut.Out);

        var source = CliRunner.Run("diff", RepoPaths.Sample(sample + ".md"), "--against", app.Directory);
        Assert.True(source.ExitCode == 0, source.Out + source.Error);
    }

    [Fact]
    public void The_payments_sample_diffs_clean_against_its_synthesized_template()
    {
        var synth = apps.PaymentsSampleDefault;
        Assert.True(synth.Run.ExitCode == 0, synth.Run.ToString());
        var template = Directory.EnumerateFiles(synth.OutDir, "*.template.json").Single();
        var result = CliRunner.Run("diff", RepoPaths.Sample("payments-api.md"), "--against", template, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Theory]
    [MemberData(nameof(CliSamples))]
    public void Tables_check_finds_the_sample_current_after_generate_and_synth(string sample)
    {
        var (_, synth) = apps.CliSamples[sample];
        using var temp = new TempFolder();
        var plan = Path.Combine(temp.Path, sample + ".md");
        File.Copy(RepoPaths.Sample(sample + ".md"), plan);
        var before = File.ReadAllBytes(plan);

        var check = CliRunner.Run("tables", synth.OutDir, "--plan", plan, "--check");

        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Equal(before, File.ReadAllBytes(plan));
    }

    [Fact]
    public void A_variable_removed_from_the_plan_is_drift_and_tables_write_brings_it_back()
    {
        var (_, synth) = apps.CliSamples["leaderboard-snapshot"];
        using var temp = new TempFolder();
        var plan = Path.Combine(temp.Path, "plan.md");
        var lines = File.ReadAllLines(RepoPaths.Sample("leaderboard-snapshot.md")).Where(l => !l.StartsWith("| `LEADERBOARD_TOP_N`", StringComparison.Ordinal));
        File.WriteAllText(plan, string.Join("\n", lines) + "\n");

        var diff = CliRunner.Run("diff", plan, "--against", synth.OutDir);
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("LEADERBOARD_TOP_N", diff.Out);

        Assert.Equal(1, CliRunner.Run("tables", synth.OutDir, "--plan", plan, "--check").ExitCode);
        Assert.Equal(0, CliRunner.Run("tables", synth.OutDir, "--plan", plan, "--write").ExitCode);
        Assert.Contains("LEADERBOARD_TOP_N", File.ReadAllText(plan));
        Assert.Equal(0, CliRunner.Run("diff", plan, "--against", synth.OutDir).ExitCode);
    }

    [Fact]
    public void Regenerating_changes_no_byte_and_a_hand_edit_survives()
    {
        var (app, _) = apps.CliSamples["notifications-per-env"];
        var root = Path.GetFullPath(Path.Combine(app.Directory, "..", "..", "..", ".."));
        var stack = Directory.EnumerateFiles(Path.Combine(app.Directory, "src"), "*Stack.cs", SearchOption.AllDirectories).Single();
        File.AppendAllText(stack, "// team note\n");
        var generated = Directory.EnumerateFiles(app.Directory, "*.g.cs", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var again = CliRunner.Run("generate", RepoPaths.Sample("notifications-per-env.md"), "--output", root);

        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.EndsWith("// team note\n", File.ReadAllText(stack), StringComparison.Ordinal);
        Assert.All(generated, g => Assert.Equal(g.Value, File.ReadAllBytes(g.Key)));
        Assert.DoesNotContain("update", again.Out);
    }

    [Fact]
    public void The_root_cdk_json_synthesizes_the_main_sample_with_its_generated_context()
    {
        var (app, _) = apps.CliSamples["leaderboard-snapshot"];
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cdk.json")))!;
        var generated = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(app.Directory, "cdk.json")))!;

        Assert.Equal(generated["context"]!.ToJsonString(), root["context"]!.ToJsonString());
        var command = root["app"]!.GetValue<string>();
        Assert.Contains("generate samples/leaderboard-snapshot.md", command, StringComparison.Ordinal);
        Assert.Contains("apps/gamehub/infra/cdk", command, StringComparison.Ordinal);
    }
}
