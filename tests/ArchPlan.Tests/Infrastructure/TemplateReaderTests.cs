using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Tests.Infrastructure;

public sealed class TemplateReaderTests
{
    private static InfraModel ReadOk(string path, string? stack = null)
    {
        var result = InfrastructureReader.Read(path, stack);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    [Fact]
    public void Reads_lambda_variables_with_literal_reference_and_secret_arn()
    {
        var model = ReadOk(InfraTestFiles.Path("leaderboard.template.json"));
        Assert.Equal(InfraSourceKind.TemplateJson, model.SourceKind);
        var function = Assert.Single(model.Compute, c => c.LogicalId == "Snapshot3D8A1B7C");
        Assert.False(function.IsHelper);
        var env = function.Environment.ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal(InfraValue.Literal("info"), env["LOG_LEVEL"]);
        Assert.Equal(InfraValueKind.Reference, env["BUCKET_NAME"].Kind);
        Assert.Equal("SnapshotBucketE0A8E5C5", env["BUCKET_NAME"].ResourceId);
        Assert.Equal(InfraValueKind.Secret, env["API_KEY_SECRET_ARN"].Kind);
        Assert.Equal("acme/leaderboard/api-key", env["API_KEY_SECRET_ARN"].SecretName);
        Assert.True(function.Environment.Single(v => v.Name == "LOG_LEVEL").Location.Source.Line > 0);
    }

    [Fact]
    public void Reads_container_environment_and_secrets_with_json_fields()
    {
        var model = ReadOk(InfraTestFiles.Path("leaderboard.template.json"));
        var container = Assert.Single(model.Compute, c => c.ContainerName == "worker");
        Assert.Equal(ResourceKind.FargateTask, container.Kind);
        Assert.Equal(["LOG_LEVEL", "BUCKET_NAME", "TABLE_NAME", "QUEUE_URL"], container.Environment.Select(v => v.Name));
        var password = Assert.Single(container.Secrets, s => s.Name == "DB_PASSWORD");
        Assert.Equal(("acme/db/credentials", "password"), (password.Value.SecretName, password.Value.SecretField));
    }

    [Fact]
    public void Marks_cdk_plumbing_as_helpers()
    {
        var model = ReadOk(InfraTestFiles.Path("leaderboard.template.json"));
        string[] helpers =
        [
            "SnapshotServiceRole4A2F8B1C", "SnapshotServiceRoleDefaultPolicy9C3D2E1A", "CDKMetadata", "SnapshotLogRetention5C8E7A1B",
            "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A", "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F",
            "NightlySnapshotRuleAllowEventRuleAcmeLeaderboardStackSnapshot8B2C4D1E", "VpcPublicSubnet1Subnet5C2D37C4", "SnapshotBucketPolicy7A0B3C2D",
        ];
        foreach (var id in helpers)
        {
            Assert.Equal(InfraRole.Helper, model.Resources.Single(r => r.LogicalId == id).Role);
        }
        Assert.Equal(InfraRole.Supporting, model.Resources.Single(r => r.LogicalId == "Vpc8378EB38").Role);
        Assert.Equal("WorkerService7D4E1A9B", model.Resources.Single(r => r.LogicalId == "WorkerTaskDef8F2A9C1B").PartOf);
        Assert.True(model.Compute.Single(c => c.LogicalId.StartsWith("LogRetention", StringComparison.Ordinal)).IsHelper);
    }

    [Fact]
    public void Recovers_secret_names_from_joined_arns_in_policies_and_containers()
    {
        var model = ReadOk(InfraTestFiles.Path("leaderboard.template.json"));
        Assert.Equal(["acme/db/credentials", "acme/leaderboard/api-key"], model.Secrets.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(model.Secrets, s => s.Origin == SecretOrigin.PolicyResource && s.Location.LogicalId == "WorkerTaskDefExecutionRoleDefaultPolicy6B3C2D1E");
        Assert.Empty(model.WildcardGrants);
    }

    [Fact]
    public void Reports_a_missing_path()
    {
        var result = InfrastructureReader.Read(InfraTestFiles.Path("no-such-file.json"));
        Assert.Null(result.Value);
        Assert.Equal("AP4001", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Reports_invalid_json_with_its_line()
    {
        using var temp = InfraTestFiles.Temp();
        var path = temp.Write("bad.json", "{\n \"Resources\": {\n  \"A\": [1,\n }\n}\n");
        var result = InfrastructureReader.Read(path);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AP4002", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.Line);
    }

    // Changed with issue 11: a template without Resources (a stack with nothing in it) is an empty stack, not an error;
    // a file with none of a template's sections is still refused.
    [Fact]
    public void Reports_a_file_that_has_none_of_a_templates_sections()
    {
        using var temp = InfraTestFiles.Temp();
        var path = temp.Write("x.json", "{\"name\": \"orders-service\", \"version\": \"1.0.0\", \"scripts\": {}}\n");
        Assert.Equal("AP4003", Assert.Single(InfrastructureReader.Read(path).Diagnostics).Id);
    }

    [Theory]
    [InlineData("x.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n")]
    [InlineData("x.yaml", "Resources: {}\n")]
    [InlineData("x.yaml", "Description: nothing yet\nResources:\n")]
    [InlineData("x.json", "{}")]
    public void Reads_a_template_without_resources_as_an_empty_stack(string name, string text)
    {
        using var temp = InfraTestFiles.Temp();
        var result = InfrastructureReader.Read(temp.Write(name, text));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value!.Resources);
        Assert.Empty(result.Value.Compute);
    }

    [Fact]
    public void Reads_short_tags_dynamic_references_complete_arns_and_declared_secrets()
    {
        using var temp = InfraTestFiles.Temp();
        var path = temp.Write("t.yaml", """
            Resources:
              DbSecret1A2B3C4D:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: acme/generated
              Db5E6F7A8B:
                Type: AWS::RDS::DBInstance
                Properties:
                  MasterUserPassword: '{{resolve:secretsmanager:acme/rds-master:SecretString:password::}}'
              Task9C0D1E2F:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: !Join ['-', [app, main]]
                      Environment:
                        - Name: HOST
                          Value: !GetAtt [Db5E6F7A8B, Endpoint.Address]
                        - Name: REGION
                          Value: !Sub '${AWS::Region}'
                      Secrets:
                        - Name: DB_PASSWORD
                          ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/db/credentials-AbCdEf:password::'
                        - Name: GENERATED
                          ValueFrom: !Join ['', [!Ref DbSecret1A2B3C4D, ':token::']]
              Policy3A4B5C6D:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: secretsmanager:GetSecretValue
                        Resource: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*'
            """);
        var model = ReadOk(path);
        var container = Assert.Single(model.Compute);
        Assert.Equal("app-main", container.ContainerName);
        Assert.Equal(("Db5E6F7A8B", "Endpoint.Address"), (container.Environment[0].Value.ResourceId, container.Environment[0].Value.Attribute));
        Assert.Equal(InfraValueKind.Unknown, container.Environment[1].Value.Kind);
        Assert.Equal(("acme/db/credentials", "password"), (container.Secrets[0].Value.SecretName, container.Secrets[0].Value.SecretField));
        Assert.Equal(("acme/generated", "token"), (container.Secrets[1].Value.SecretName, container.Secrets[1].Value.SecretField));
        Assert.Contains(model.Secrets, s => s.Name == "acme/rds-master" && s.Origin == SecretOrigin.DynamicReference && s.Location.LogicalId == "Db5E6F7A8B");
        Assert.Contains(model.Secrets, s => s.Name == "acme/generated" && s.Origin == SecretOrigin.Declared);
        var grant = Assert.Single(model.WildcardGrants);
        Assert.Equal("secretsmanager:GetSecretValue", grant.Actions);
    }

    [Fact]
    public void Warns_about_an_unknown_tag_and_refuses_alias_bombs()
    {
        using var temp = InfraTestFiles.Temp();
        var tagged = InfrastructureReader.Read(temp.Write("tag.yaml", "Resources:\n  A:\n    Type: !Custom AWS::SNS::Topic\n"));
        Assert.Equal(("AP4008", 3), (Assert.Single(tagged.Diagnostics).Id, tagged.Diagnostics[0].Location.Line));
        Assert.NotNull(tagged.Value);

        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Join("\n", Enumerable.Range(0, 120).Select(i => $"b{i}: *a")) + "\nResources: {}\n";
        var result = InfrastructureReader.Read(temp.Write("bomb.yaml", bomb));
        Assert.Equal("AP4002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Reports_a_yaml_syntax_error_with_its_line()
    {
        using var temp = InfraTestFiles.Temp();
        var result = InfrastructureReader.Read(temp.Write("bad.yaml", "Resources:\n  A:\n    Type: [unclosed\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AP4002", diagnostic.Id);
        Assert.True(diagnostic.Location.Line >= 3, diagnostic.ToString());
    }
}
