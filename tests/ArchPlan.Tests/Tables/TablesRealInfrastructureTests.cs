using ArchPlan.Cli;

namespace ArchPlan.Tests.Tables;

/// <summary>
/// The CLI tests replace the command's infrastructure-reader hook, so they run alone: never side by side with each
/// other, nor with any other test that runs <c>tables</c> in-process (the round trip read a hand-built model once).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TablesCliCollection
{
    public const string Name = "tables command";
}

/// <summary>The command on real templates read by the infrastructure reader (fixtures of the diff stage).</summary>
[Collection(TablesCliCollection.Name)]
public sealed class TablesRealInfrastructureTests : IDisposable
{
    private static readonly string Infra = Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/infra");
    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-tables-real-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_leaderboard_plan_is_current_against_its_template_and_its_cloud_assembly()
    {
        var plan = Path.Combine(Infra, "leaderboard-plan.md");

        Assert.Equal(CliApp.Success, Run("tables", Path.Combine(Infra, "leaderboard.template.json"), "--plan", plan, "--check").Code);
        Assert.Equal(CliApp.Success, Run("tables", Path.Combine(Infra, "assembly/cdk.out"), "--stack", "AcmeLeaderboardStack", "--plan", plan, "--check").Code);
    }

    [Fact]
    public void A_row_deleted_from_the_plan_is_reported_by_check_and_restored_by_write()
    {
        var original = File.ReadAllText(Path.Combine(Infra, "leaderboard-plan.md"));
        var stale = original.Replace("| `LOG_LEVEL`   | Log level               | `info`                   | Yes      | all      |\n", "", StringComparison.Ordinal);
        Assert.NotEqual(original, stale);
        var plan = Path.Combine(_dir, "leaderboard-plan.md");
        File.WriteAllText(plan, stale);
        var template = Path.Combine(Infra, "leaderboard.template.json");

        var (check, diff, _) = Run("tables", template, "--plan", plan, "--check");
        Assert.Equal(CliApp.Failure, check);
        Assert.Contains("+| `LOG_LEVEL`", diff, StringComparison.Ordinal);

        Assert.Equal(CliApp.Success, Run("tables", template, "--plan", plan, "--write").Code);
        Assert.Equal(CliApp.Success, Run("tables", template, "--plan", plan, "--check").Code);
        var written = File.ReadAllText(plan);
        Assert.Contains("| `LOG_LEVEL`   |                         | `info`                   | Yes      |          |", written, StringComparison.Ordinal);
        Assert.Equal(original[..original.IndexOf("| Variable", StringComparison.Ordinal)], written[..written.IndexOf("| Variable", StringComparison.Ordinal)]);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
