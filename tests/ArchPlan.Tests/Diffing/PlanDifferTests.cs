using ArchPlan.Common;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

public sealed class PlanDifferTests
{
    private const string Lambda = "Snapshot3D8A1B7C";
    private const string TaskDef = "WorkerTaskDef8F2A9C1B";

    private static DiffReport DiffAgainst(string templatePath)
    {
        var infra = InfrastructureReader.Read(templatePath);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(LeaderboardPlan.Create(), infra.Value!);
    }

    private static DiffReport DiffMutated(Action<TemplateMutation> mutate)
    {
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        mutate(template);
        return DiffAgainst(template.Save(Path.Combine(temp.Dir, "mutated.template.json")));
    }

    private static string[] Summary(DiffReport report) =>
        [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    [Fact]
    public void Synthesized_template_of_the_plan_diffs_clean()
    {
        var report = DiffAgainst(InfraTestFiles.Path("leaderboard.template.json"));
        Assert.Empty(Summary(report));
        Assert.False(report.HasDrift);
    }

    [Fact]
    public void Reports_exactly_the_mutations_made_to_a_synthesized_template()
    {
        var report = DiffMutated(t =>
        {
            t.LambdaVariables(Lambda).Remove("TABLE_NAME");
            t.LambdaVariables(Lambda)["FEATURE_FLAG"] = "on";
            t.ReplaceInStrings("acme/leaderboard/api-key", "acme/leaderboard/apikey2");
            t.RemoveContainerItem(TaskDef, "worker", "Secrets", "DB_PASSWORD");
            t.ContainerList(TaskDef, "worker", "Environment").Add(new System.Text.Json.Nodes.JsonObject { ["Name"] = "DB_PASSWORD", ["Value"] = "hunter2" });
            t.Resources.Remove("AlertsTopic3F1B2C4D");
            t.Properties("SnapshotErrorsAlarm1D4E6F8A").Remove("AlarmActions");
        });

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
        Assert.True(report.HasDrift);
    }

    [Fact]
    public void Secret_set_as_literal_is_reported_first_with_both_locations()
    {
        var report = DiffMutated(t =>
        {
            t.Resources.Remove("AlertsTopic3F1B2C4D");
            t.Properties("SnapshotErrorsAlarm1D4E6F8A").Remove("AlarmActions");
            t.LambdaVariables(Lambda).Remove("API_KEY_SECRET_ARN");
            t.LambdaVariables(Lambda)["API_KEY"] = "sk_live_123";
        });
        var first = report.Findings[0];
        Assert.Equal(FindingKind.SecretSetAsLiteral, first.Kind);
        Assert.Equal(DiffSection.Security, first.Section);
        Assert.Equal("AP4050", first.Id);
        Assert.Equal(44, first.PlanLocation.Line);
        Assert.Equal(Lambda, first.InfraLocation!.LogicalId);
        Assert.True(first.InfraLocation.Source.Line > 0);
        Assert.DoesNotContain("sk_live_123", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_variable_set_nowhere()
    {
        var report = DiffMutated(t =>
        {
            t.LambdaVariables(Lambda).Remove("QUEUE_URL");
            t.RemoveContainerItem(TaskDef, "worker", "Environment", "QUEUE_URL");
        });
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.VariableNotSet, "QUEUE_URL", 43), (finding.Kind, finding.Subject, finding.PlanLocation.Line));
        Assert.Null(finding.InfraLocation);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_variable_the_app_marks_as_left_unset_on_purpose_is_no_drift(bool marked, bool drift)
    {
        // A generated app leaves an optional variable without a value unset and says so in the template's metadata
        // (archplan:unset:<NAME>); without that mark, a planned variable the function lacks is drift.
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Concat([new ArchPlan.Model.EnvVariable
            {
                Name = "REGION_LABEL", Value = ArchPlan.Model.ValueSpec.None, Required = ArchPlan.Model.Requirement.Optional,
                Location = new ArchPlan.Diagnostics.SourceLocation("plan.md", 70, 3),
            }]).ToEquatableArray(),
        };
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        if (marked)
        {
            var body = template.Resources[Lambda]!.AsObject();
            body["Metadata"] ??= new System.Text.Json.Nodes.JsonObject();
            body["Metadata"]!["archplan:unset:REGION_LABEL"] = "optional; no value given";
        }
        var infra = InfrastructureReader.Read(template.Save(Path.Combine(temp.Dir, "marked.template.json")));
        var report = PlanDiffer.Diff(plan, infra.Value!);
        Assert.Equal(drift ? ["VariableNotSet REGION_LABEL"] : [], Summary(report));
    }

    [Fact]
    public void Reports_a_required_variable_with_an_empty_value()
    {
        var report = DiffMutated(t => t.LambdaVariables(Lambda)["LOG_LEVEL"] = "");
        Assert.Equal(["RequiredVariableEmpty LOG_LEVEL"], Summary(report));
    }

    [Fact]
    public void Reports_a_scoped_variable_missing_from_its_component_only()
    {
        var report = DiffMutated(t => t.RemoveContainerItem(TaskDef, "worker", "Secrets", "DB_USERNAME"));
        Assert.Equal(["VariableNotSet DB_USERNAME"], Summary(report));
    }

    [Fact]
    public void Reports_a_wildcard_secret_grant()
    {
        var report = DiffMutated(t =>
        {
            var statements = t.Properties("WorkerTaskDefExecutionRoleDefaultPolicy6B3C2D1E")["PolicyDocument"]!["Statement"]!.AsArray();
            statements[1]!["Resource"] = "*";
        });
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.SecretWildcardGrant, finding.Kind);
        Assert.Equal("WorkerTaskDefExecutionRoleDefaultPolicy6B3C2D1E", finding.InfraLocation!.LogicalId);
    }

    [Fact]
    public void Reports_unplanned_resources_but_not_cdk_helpers()
    {
        var report = DiffMutated(t =>
        {
            t.Resources["ArchiveQueue4B5C6D7E"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/ArchiveQueue/Resource"}}
                """);
            t.Resources["ArchiveQueuePolicy1A2B3C4D"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "ArchiveQueue4B5C6D7E"}]}}
                """);
        });
        // Since issue 11 an unplanned resource is named by its construct id (or physical name); the location keeps the logical id.
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.ResourceNotPlanned, "ArchiveQueue", "AWS::SQS::Queue"), (finding.Kind, finding.Subject, finding.Group));
        Assert.Equal("ArchiveQueue4B5C6D7E", finding.InfraLocation!.LogicalId);
        Assert.Equal(18, finding.PlanLocation.Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dead_letter_queues_count_as_part_of_their_queue_or_function_when_the_plan_gives_them_one(bool planned)
    {
        // Corrected expectation (was: always part of the owner): a dead-letter queue is a resource someone chose to add,
        // not CDK plumbing, so the plan must say so ("with a DLQ", "DLQ after 3 receives"); issue 11, fixture 14.
        var plan = LeaderboardPlan.Create();
        if (planned)
        {
            plan = plan with
            {
                Resources = plan.Resources.Select(r => r.Name is "snapshot" or "snapshot-queue" ? r with { Text = r.Text + " — with a DLQ" } : r).ToEquatableArray(),
            };
        }
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        MutateWithDeadLetterQueues(template);
        var infra = InfrastructureReader.Read(template.Save(Path.Combine(temp.Dir, "mutated.template.json")));
        var report = PlanDiffer.Diff(plan, infra.Value!);
        Assert.Equal(planned ? [] : ["ResourceNotPlanned DeadLetterQueue", "ResourceNotPlanned JobsDlq"], Summary(report).Order(StringComparer.Ordinal));
    }

    private static void MutateWithDeadLetterQueues(TemplateMutation t)
    {
        {
            t.Resources["SnapshotDeadLetterQueue9F8E7D6C"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Snapshot/DeadLetterQueue/Resource"}}
                """);
            t.Resources["JobsDlq5A4B3C2D"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/JobsDlq/Resource"}}
                """);
            t.Properties("SnapshotQueue7C1A9E2F")["RedrivePolicy"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"deadLetterTargetArn": {"Fn::GetAtt": ["JobsDlq5A4B3C2D", "Arn"]}, "maxReceiveCount": 3}
                """);
        }
    }

    [Fact]
    public void A_database_with_generated_credentials_reports_the_database_only()
    {
        var report = DiffMutated(t =>
        {
            t.Resources["Db8A2C4E6F"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::RDS::DBInstance", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Resource"},
                 "Properties": {"MasterUserPassword": {"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "DbSecret1B3D5F7A"}, ":SecretString:password::}}"]]}}}
                """);
            t.Resources["DbSecret1B3D5F7A"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SecretsManager::Secret", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Secret/Resource"},
                 "Properties": {"GenerateSecretString": {"PasswordLength": 30}}}
                """);
            t.Resources["DbSecretAttachment2C4E6A8B"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"Type": "AWS::SecretsManager::SecretTargetAttachment", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Secret/Attachment/Resource"}}
                """);
        });
        Assert.Equal(["ResourceNotPlanned Db"], Summary(report));
    }
}
