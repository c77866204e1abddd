using System.Text.Json.Nodes;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>Literal values: one changed literal in a clean template is exactly one ValueDiffers, in every construct-id style.</summary>
public sealed class ValueDiffTests
{
    public static TheoryData<string, string> Templates => new()
    {
        { "leaderboard.template.json", "Snapshot3D8A1B7C" },
        { "typescript/leaderboard-typescript.template.json", "SnapshotFn9E8D7C6B" },
        { "python/leaderboard-python.template.json", "snapshotfunction7A6B5C4D" },
        { "synthesized/cdk.out/AcmeLeaderboardStack.template.json", "Snapshot86FBE57A" },
    };

    private static DiffReport Diff(string path, Plan? plan = null)
    {
        var infra = InfrastructureReader.Read(path);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(plan ?? LeaderboardPlan.Create(), infra.Value!);
    }

    private static string Mutated(InfraTestFiles.TempFolder temp, string file, Action<TemplateMutation> mutate)
    {
        var template = TemplateMutation.Load(InfraTestFiles.Path(file));
        mutate(template);
        return template.Save(Path.Combine(temp.Dir, "mutated.template.json"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void One_changed_literal_is_exactly_one_value_difference(string file, string function)
    {
        using var temp = InfraTestFiles.Temp();
        var report = Diff(Mutated(temp, file, t => t.LambdaVariables(function)["LOG_LEVEL"] = "debug"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.ValueDiffers, "LOG_LEVEL", Severity.Error, "AP4055", DiffSection.EnvironmentVariables),
            (finding.Kind, finding.Subject, finding.Severity, finding.Id, finding.Section));
        Assert.Equal(new SourceLocation(LeaderboardPlan.File, 40, 20), finding.PlanLocation);
        Assert.Equal(function, finding.InfraLocation!.LogicalId);
        Assert.True(finding.InfraLocation.Source.Line > 0);
        Assert.Equal($"'LOG_LEVEL' is 'debug' on {function}, but the plan's value is 'info'", finding.Message);
    }

    [Fact]
    public void A_changed_container_literal_in_a_yaml_template_is_one_value_difference()
    {
        using var temp = InfraTestFiles.Temp();
        var text = File.ReadAllText(InfraTestFiles.Path("yaml/leaderboard.template.yaml"));
        var index = text.IndexOf("Name: LOG_LEVEL", StringComparison.Ordinal);
        var value = text.IndexOf("Value: info", index, StringComparison.Ordinal);
        var path = temp.Write("edited.yaml", text[..value] + "Value: warning" + text[(value + "Value: info".Length)..]);

        var finding = Assert.Single(Diff(path).Findings);

        Assert.Equal((FindingKind.ValueDiffers, "LOG_LEVEL", "WorkerTaskDef8F2A9C1B"), (finding.Kind, finding.Subject, finding.InfraLocation!.LogicalId));
        Assert.Equal("'LOG_LEVEL' is 'warning' on WorkerTaskDef8F2A9C1B/worker, but the plan's value is 'info'", finding.Message);
        Assert.Equal(text[..index].Count(c => c == '\n') + 1, finding.InfraLocation.Source.Line);
    }

    [Fact]
    public void The_same_wrong_value_on_several_compute_is_one_finding_naming_them_all()
    {
        using var temp = InfraTestFiles.Temp();
        var report = Diff(Mutated(temp, "leaderboard.template.json", t =>
        {
            t.LambdaVariables("Snapshot3D8A1B7C")["LOG_LEVEL"] = "debug";
            t.ContainerList("WorkerTaskDef8F2A9C1B", "worker", "Environment").Single(e => (string?)e!["Name"] == "LOG_LEVEL")!["Value"] = "debug";
        }));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("'LOG_LEVEL' is 'debug' on Snapshot3D8A1B7C, WorkerTaskDef8F2A9C1B/worker, but the plan's value is 'info'", finding.Message);
    }

    [Theory]
    [InlineData(true, "Default", "AP4056", Severity.Warning)]
    [InlineData(false, "Example", "AP4056", Severity.Warning)]
    [InlineData(false, "e.g.", "AP4056", Severity.Warning)]
    [InlineData(false, "Default", "AP4055", Severity.Error)]
    [InlineData(false, "Value", "AP4055", Severity.Error)]
    public void A_value_from_an_example_column_is_a_warning(bool valueIsExample, string header, string id, Severity severity)
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Select(v => v.Name == "LOG_LEVEL" ? v with { ValueIsExample = valueIsExample, TableIndex = 0 } : v).ToEquatableArray(),
            Tables = new[]
            {
                new ConfigTable(ConfigTableKind.EnvironmentVariables, 0, 0,
                    new[] { new TableColumn("Variable", ColumnRole.Name), new TableColumn(header, ColumnRole.Value) },
                    "Environment Variables", null, new SourceLocation(LeaderboardPlan.File, 38, 1)),
            },
        };
        using var temp = InfraTestFiles.Temp();
        var finding = Assert.Single(Diff(Mutated(temp, "leaderboard.template.json", t => t.LambdaVariables("Snapshot3D8A1B7C")["LOG_LEVEL"] = "debug"), plan).Findings);

        Assert.Equal((FindingKind.ValueDiffers, id, severity), (finding.Kind, finding.Id, finding.Severity));
        if (severity == Severity.Warning)
        {
            Assert.Equal("'LOG_LEVEL' is 'debug' on Snapshot3D8A1B7C, but the plan's example is 'info'", finding.Message);
        }
    }

    [Fact]
    public void Only_literals_are_compared_never_references_secrets_or_empty_plan_values()
    {
        // The plan gives literals where the template has a Ref, a secret ARN and nothing to compare with.
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Select(v => v.Name switch
            {
                "BUCKET_NAME" => v with { Value = ValueSpec.Literal("acme-snapshots") },
                "TABLE_NAME" => v with { Value = ValueSpec.Literal("scores") },
                "LOG_LEVEL" => v with { Value = ValueSpec.None },
                _ => v,
            }).ToEquatableArray(),
        };
        using var temp = InfraTestFiles.Temp();
        var report = Diff(Mutated(temp, "leaderboard.template.json", t =>
        {
            t.LambdaVariables("Snapshot3D8A1B7C")["LOG_LEVEL"] = "trace";
            t.LambdaVariables("Snapshot3D8A1B7C")["TABLE_NAME"] = JsonNode.Parse("""{"Fn::GetAtt": ["ScoresTable0B8B4D3E", "Arn"]}""");
        }), plan);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_credential_in_the_infrastructure_is_never_shown()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Append(new EnvVariable
            {
                Name = "DEPLOY_KEY_ID",
                Value = ValueSpec.Literal("none"),
                Location = new SourceLocation(LeaderboardPlan.File, 47, 3),
                ValueLocation = new SourceLocation(LeaderboardPlan.File, 47, 20),
                Scope = new[] { "snapshot" },
            }).ToEquatableArray(),
        };
        using var temp = InfraTestFiles.Temp();
        var report = Diff(Mutated(temp, "leaderboard.template.json", t => t.LambdaVariables("Snapshot3D8A1B7C")["DEPLOY_KEY_ID"] = "AKIAZ7Q4R2L5N3T3VW6Y"), plan);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.ValueDiffers, finding.Kind);
        Assert.DoesNotContain("AKIA", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", DiffRenderer.Render(report, DiffFormat.Json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_variable_set_empty_is_reported_once_as_empty()
    {
        using var temp = InfraTestFiles.Temp();
        var report = Diff(Mutated(temp, "leaderboard.template.json", t => t.LambdaVariables("Snapshot3D8A1B7C")["LOG_LEVEL"] = ""));
        Assert.Equal([FindingKind.RequiredVariableEmpty], report.Findings.Select(f => f.Kind));
    }
}
