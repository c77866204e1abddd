using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>The same plan against the YAML export, the TypeScript and Python apps' templates, and a cdk.out folder.</summary>
public sealed class TemplateVariantDiffTests
{
    private static DiffReport Diff(string path, string? stack = null)
    {
        var infra = InfrastructureReader.Read(path, stack);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(LeaderboardPlan.Create(), infra.Value!);
    }

    private static string[] Summary(DiffReport report) => [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    private static DiffReport DiffEditedText(string source, string extension, params (string From, string To)[] edits)
    {
        using var temp = InfraTestFiles.Temp();
        var text = File.ReadAllText(source);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return Diff(temp.Write("edited" + extension, text));
    }

    [Theory]
    [InlineData("yaml/leaderboard.template.yaml")]
    [InlineData("typescript/leaderboard-typescript.template.json")]
    [InlineData("python/leaderboard-python.template.json")]
    public void Template_from_another_source_diffs_clean(string file)
    {
        Assert.Empty(InfrastructureReader.Read(InfraTestFiles.Path(file)).Diagnostics);
        Assert.Empty(Summary(Diff(InfraTestFiles.Path(file))));
    }

    [Fact]
    public void Yaml_short_tags_are_read_as_intrinsics()
    {
        var model = InfrastructureReader.Read(InfraTestFiles.Path("yaml/leaderboard.template.yaml")).Value!;
        Assert.Equal(InfraSourceKind.TemplateYaml, model.SourceKind);
        var container = model.Compute.Single(c => c.ContainerName == "worker");
        var password = container.Secrets.Single(s => s.Name == "DB_PASSWORD").Value;
        Assert.Equal(("acme/db/credentials", "password"), (password.SecretName, password.SecretField));
        var table = container.Environment.Single(v => v.Name == "TABLE_NAME");
        Assert.Equal(("ScoresTable0B8B4D3E", InfraValueKind.Reference), (table.Value.ResourceId, table.Value.Kind));
        Assert.True(table.Location.Source.Line > 300);
    }

    [Fact]
    public void Reports_exactly_the_mutations_made_to_a_yaml_template()
    {
        var report = DiffEditedText(InfraTestFiles.Path("yaml/leaderboard.template.yaml"), ".yaml",
            ("          TABLE_NAME: !Ref ScoresTable0B8B4D3E\n", "          FEATURE_FLAG: 'on'\n"),
            ("secret:acme/leaderboard/api-key", "secret:acme/leaderboard/apikey2"),
            ("""
                        -
                          Name: DB_PASSWORD
                          ValueFrom: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:acme/db/credentials:password::'

            """.Replace("\r", "", StringComparison.Ordinal)[..^1], ""),
            ("          Name: LOG_LEVEL\n", "          Name: DB_PASSWORD\n"),
            ("  AlertsTopic3F1B2C4D:\n    Type: 'AWS::SNS::Topic'\n", "  AlertsTopic3F1B2C4D:\n    Type: 'AWS::SNS::Subscription'\n"));

        Assert.Equal(
            [
                "SecretSetAsLiteral DB_PASSWORD",
                "VariableNotPlanned FEATURE_FLAG",
                "VariableOnSomeCompute LOG_LEVEL",
                "VariableOnSomeCompute TABLE_NAME",
                "SecretNotReferenced acme/leaderboard/api-key",
                "SecretNotPlanned acme/leaderboard/apikey2",
                "ResourceNotFound alerts",
            ],
            Summary(report));
    }

    [Fact]
    public void Typescript_template_ignores_the_variable_cdk_adds_to_node_functions()
    {
        var model = InfrastructureReader.Read(InfraTestFiles.Path("typescript/leaderboard-typescript.template.json")).Value!;
        Assert.Contains(model.Compute.Single(c => c.LogicalId == "SnapshotFn9E8D7C6B").Environment, v => v.Name == "AWS_NODEJS_CONNECTION_REUSE_ENABLED");
    }

    [Fact]
    public void Python_template_drops_a_resource_and_reports_it()
    {
        var report = DiffEditedText(InfraTestFiles.Path("python/leaderboard-python.template.json"), ".json",
            ("\"Type\": \"AWS::DynamoDB::Table\"", "\"Type\": \"AWS::DynamoDB::GlobalTableReplica\""));
        // The unplanned table is named by the Python construct id since issue 11.
        Assert.Equal(["ResourceNotFound scores", "ResourceNotPlanned scores_table"], Summary(report));
    }

    [Fact]
    public void Cloud_assembly_stack_is_chosen_by_artifact_id_or_stack_name()
    {
        Assert.Empty(Summary(Diff(InfraTestFiles.Path("assembly", "cdk.out"), "AcmeLeaderboardStack")));
        Assert.Empty(Summary(Diff(InfraTestFiles.Path("assembly", "cdk.out"), "acme-leaderboard")));
    }

    [Fact]
    public void Cloud_assembly_without_stack_reads_every_stack()
    {
        var report = Diff(InfraTestFiles.Path("assembly", "cdk.out"));
        var finding = Assert.Single(report.Findings);
        // Named by its construct id since issue 11; the location says stack and logical id.
        Assert.Equal("ArtifactsBucket", finding.Subject);
        Assert.Equal("AcmeSharedStack/ArtifactsBucket2AAC5544", finding.InfraLocation!.Display);
        Assert.Equal(["AcmeLeaderboardStack", "AcmeSharedStack"], InfrastructureReader.Read(InfraTestFiles.Path("assembly", "cdk.out")).Value!.Stacks);
    }

    [Fact]
    public void Unknown_stack_lists_the_available_ones()
    {
        var result = InfrastructureReader.Read(InfraTestFiles.Path("assembly", "cdk.out"), "Nope");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AP4005", diagnostic.Id);
        Assert.Contains("AcmeLeaderboardStack (acme-leaderboard), AcmeSharedStack", diagnostic.Message, StringComparison.Ordinal);
    }
}
