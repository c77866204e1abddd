using ArchPlan.Cli;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>The cloud assembly CDK 2.160 really synthesized from csharp-app/ (no path metadata: synthesized by 'dotnet run').</summary>
public sealed class SynthesizedAssemblyDiffTests
{
    private static readonly string Assembly = InfraTestFiles.Path("synthesized", "cdk.out");

    private static string[] Summary(DiffReport report) => [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    [Fact]
    public void Synthesized_assembly_of_the_sample_app_diffs_clean_against_its_plan()
    {
        var infra = InfrastructureReader.Read(Assembly);
        Assert.Empty(infra.Diagnostics);
        Assert.Empty(Summary(PlanDiffer.Diff(LeaderboardPlan.Create(), infra.Value!)));
        Assert.Equal(CliApp.Success, CliApp.Run(["diff", InfraTestFiles.Path("leaderboard-plan.md"), "--against", Assembly], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Mutated_synthesized_template_reports_exactly_the_mutations()
    {
        using var temp = InfraTestFiles.Temp();
        var t = TemplateMutation.Load(Path.Combine(Assembly, "AcmeLeaderboardStack.template.json"));
        t.LambdaVariables("Snapshot86FBE57A").Remove("TABLE_NAME");
        t.LambdaVariables("Snapshot86FBE57A")["FEATURE_FLAG"] = "on";
        t.ReplaceInStrings("acme/leaderboard/api-key", "acme/leaderboard/apikey2");
        t.RemoveContainerItem("WorkerTaskDef3CFCC8D9", "worker", "Secrets", "DB_PASSWORD");
        t.ContainerList("WorkerTaskDef3CFCC8D9", "worker", "Environment").Add(new System.Text.Json.Nodes.JsonObject { ["Name"] = "DB_PASSWORD", ["Value"] = "hunter2" });
        t.Resources.Remove("AlertsTopic3414BE91");
        t.Properties("SnapshotErrorsAlarmCC8670E4").Remove("AlarmActions");
        var path = t.Save(Path.Combine(temp.Dir, "AcmeLeaderboardStack.template.json"));

        var report = PlanDiffer.Diff(LeaderboardPlan.Create(), InfrastructureReader.Read(path).Value!);
        Assert.Equal(
            [
                "SecretSetAsLiteral DB_PASSWORD",
                "VariableNotPlanned FEATURE_FLAG",
                "VariableOnSomeCompute TABLE_NAME",
                "SecretNotReferenced acme/leaderboard/api-key",
                "SecretNotPlanned acme/leaderboard/apikey2",
                "ResourceNotFound alerts",
            ],
            Summary(report));
    }
}
