using System.Text.Json.Nodes;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>What is not drift: how a secret reaches the code, what CDK and the services add, what the plan says is built elsewhere.</summary>
public sealed class PrecisionTests
{
    private const string Lambda = "Snapshot3D8A1B7C";

    private static string[] Summary(DiffReport report) => [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    private static DiffReport DiffMutated(Action<TemplateMutation> mutate, Plan? plan = null)
    {
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        mutate(template);
        var infra = InfrastructureReader.Read(template.Save(Path.Combine(temp.Dir, "mutated.template.json")));
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(plan ?? LeaderboardPlan.Create(), infra.Value!);
    }

    private static DiffReport DiffOrders(Action<TemplateMutation> mutate)
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = OrdersApp.EditedAssembly(temp, ("OrdersStack-dev", mutate), ("OrdersStack-prod", mutate));
        return OrdersApp.Diff(assembly);
    }

    private static void Rename(JsonObject variables, string from, string to)
    {
        var value = variables[from]!.DeepClone();
        variables.Remove(from);
        variables[to] = value;
    }

    [Theory]
    [InlineData("WEBHOOK_SIGNING_KEY_SECRET_ARN")]
    [InlineData("SIGNING_SECRET_ARN")]
    [InlineData("ORDERS_WEBHOOK_SIGNING_KEY_SECRET_ARN")]
    public void A_variable_carrying_a_planned_secrets_arn_is_the_secrets_reference_not_an_unplanned_variable(string name)
    {
        var report = DiffOrders(t => Rename(t.LambdaVariables(OrdersApp.Api), "WEBHOOK_SIGNING_KEY_SECRET_ARN", name));
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void The_generators_secret_arn_name_counts_even_when_the_value_is_not_readable()
    {
        var report = DiffOrders(t => t.LambdaVariables(OrdersApp.Api)["WEBHOOK_SIGNING_KEY_SECRET_ARN"] = JsonNode.Parse("""{"Fn::ImportValue": "SigningKeyArn"}"""));

        // The ARN is now imported from another stack: the name still says which planned secret it is; the grant still references it.
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_secret_arn_variable_that_is_not_a_planned_secret_is_drift()
    {
        var report = DiffOrders(t =>
        {
            Rename(t.LambdaVariables(OrdersApp.Api), "WEBHOOK_SIGNING_KEY_SECRET_ARN", "SIGNING_KEY_ARN");
            t.ReplaceInStrings("orders/payments-api-key", "orders/legacy-payments-key");
        });
        // PAYMENTS_API_KEY_SECRET_ARN is the planned PAYMENTS_API_KEY in Lambda's form: the wrong secret behind it is the drift.
        Assert.Equal(
            [
                "VariableNotPlanned SIGNING_KEY_ARN",
                "SecretNotReferenced orders/payments-api-key",
                "SecretNotPlanned orders/legacy-payments-key",
            ],
            Summary(report));
    }

    [Fact]
    public void A_databases_generated_secret_given_to_a_function_is_not_a_secret_the_plan_lacks()
    {
        var report = DiffMutated(t =>
        {
            t.Resources["Db8A2C4E6F"] = JsonNode.Parse("""
                {"Type": "AWS::RDS::DBInstance", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Resource"},
                 "Properties": {"MasterUserPassword": {"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "DbSecret1B3D5F7A"}, ":SecretString:password::}}"]]}}}
                """);
            t.Resources["DbSecret1B3D5F7A"] = JsonNode.Parse("""
                {"Type": "AWS::SecretsManager::Secret", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Secret/Resource"},
                 "Properties": {"GenerateSecretString": {"PasswordLength": 30}}}
                """);
            t.Resources["DbSecretAttachment2C4E6A8B"] = JsonNode.Parse("""
                {"Type": "AWS::SecretsManager::SecretTargetAttachment", "Metadata": {"aws:cdk:path": "AcmeLeaderboardStack/Db/Secret/Attachment/Resource"},
                 "Properties": {"SecretId": {"Ref": "DbSecret1B3D5F7A"}, "TargetId": {"Ref": "Db8A2C4E6F"}}}
                """);
            t.LambdaVariables(Lambda)["DB_SECRET_ARN"] = JsonNode.Parse("""{"Ref": "DbSecretAttachment2C4E6A8B"}""");
            t.Properties("SnapshotServiceRoleDefaultPolicy9C3D2E1A")["PolicyDocument"]!["Statement"]!.AsArray().Add(JsonNode.Parse("""
                {"Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], "Effect": "Allow", "Resource": {"Ref": "DbSecret1B3D5F7A"}}
                """));
        });

        Assert.Equal(["VariableNotPlanned DB_SECRET_ARN", "ResourceNotPlanned Db"], Summary(report));
    }

    [Fact]
    public void Plumbing_that_cdk_and_the_services_add_is_never_reported()
    {
        var plumbing = new Dictionary<string, string>
        {
            ["SnapshotLogRetention9C1D2E3F"] = "Custom::LogRetention",
            ["SnapshotSqsEventSourceAcmeSnapshotQueue1A2B3C4D"] = "AWS::Lambda::EventSourceMapping",
            ["SnapshotAllowInvokeRule5E6F7A8B"] = "AWS::Lambda::Permission",
            ["SnapshotCurrentVersion4B5C6D7E"] = "AWS::Lambda::Version",
            ["DepsLayer3C4D5E6F"] = "AWS::Lambda::LayerVersion",
            ["SnapshotLogGroup7D8E9F0A"] = "AWS::Logs::LogGroup",
            ["SnapshotLogsSubscription1F2E3D4C"] = "AWS::Logs::SubscriptionFilter",
            ["VpcPrivateSubnet1RouteTable5A6B7C8D"] = "AWS::EC2::RouteTable",
            ["VpcPublicSubnet1NATGateway9E8D7C6B"] = "AWS::EC2::NatGateway",
            ["VpcFlowLogRole2A3B4C5D"] = "AWS::IAM::Role",
            ["AlertsTopicSubscription6F7E8D9C"] = "AWS::SNS::Subscription",
            ["ApiAccount1B2C3D4E"] = "AWS::ApiGateway::Account",
            ["WebAclAssociation4D5E6F7A"] = "AWS::WAFv2::WebACLAssociation",
            ["CacheSubnetGroup8B9C0D1E"] = "AWS::ElastiCache::SubnetGroup",
            ["UserPoolClient2C3D4E5F"] = "AWS::Cognito::UserPoolClient",
            ["AWS679f53fac002430cb0da5b7982bd22872D164C4C"] = "AWS::Lambda::Function",
        };
        var report = DiffMutated(t =>
        {
            foreach (var (id, type) in plumbing)
            {
                t.Resources[id] = new JsonObject { ["Type"] = type, ["Properties"] = new JsonObject { ["Handler"] = "index.handler" } };
            }
        });
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_resource_the_plan_says_exists_already_is_not_expected()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Resources = plan.Resources.Append(new PlannedResource
            {
                Kind = ResourceKind.S3Bucket,
                Name = "data-lake",
                Text = "existing S3 bucket `data-lake` (imported)",
                Location = new SourceLocation(LeaderboardPlan.File, 29, 3),
                External = true,
            }).Append(new PlannedResource
            {
                Kind = ResourceKind.S3Bucket,
                Name = "reports",
                Text = "S3 bucket `reports`",
                Location = new SourceLocation(LeaderboardPlan.File, 30, 3),
            }).ToEquatableArray(),
        };
        Assert.Equal(["ResourceNotFound reports"], Summary(DiffMutated(_ => { }, plan)));
    }

    [Fact]
    public void Build_time_variables_are_never_expected_on_compute_nor_unplanned_there()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            BuildTimeVariables = new[]
            {
                new EnvVariable { Name = "CDK_DEFAULT_ACCOUNT", Location = new SourceLocation(LeaderboardPlan.File, 60, 3) },
                new EnvVariable { Name = "DEPLOY_ROLE_ARN", Location = new SourceLocation(LeaderboardPlan.File, 61, 3) },
            },
        };
        var report = DiffMutated(t => t.LambdaVariables(Lambda)["CDK_DEFAULT_ACCOUNT"] = "123456789012", plan);
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_variable_the_plan_names_under_an_alias_is_found_by_either_name()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Select(v => v.Name == "QUEUE_URL" ? v with { Aliases = new[] { "SNAPSHOT_QUEUE_URL" } } : v).ToEquatableArray(),
        };
        var report = DiffMutated(t =>
        {
            Rename(t.LambdaVariables(Lambda), "QUEUE_URL", "SNAPSHOT_QUEUE_URL");
        }, plan);
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void Values_of_variables_cdk_adds_are_not_compared_nor_reported()
    {
        var model = InfrastructureReader.Read(InfraTestFiles.Path("typescript/leaderboard-typescript.template.json")).Value!;
        Assert.Contains(model.Compute.SelectMany(c => c.Environment), v => v.Name == "AWS_NODEJS_CONNECTION_REUSE_ENABLED");
        var report = PlanDiffer.Diff(LeaderboardPlan.Create(), model);
        Assert.Empty(Summary(report));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity != Severity.Info);
    }

    [Fact]
    public void A_plan_that_lists_no_resources_reports_none_as_unplanned_and_says_so()
    {
        var plan = LeaderboardPlan.Create() with { Resources = EquatableArray<PlannedResource>.Empty };

        var report = DiffMutated(t => t.Resources["ArchiveQueue4B5C6D7E"] = JsonNode.Parse("""{"Type": "AWS::SQS::Queue"}"""), plan);

        Assert.Empty(Summary(report));
        var note = Assert.Single(report.Diagnostics);
        Assert.Equal(("AP4081", Severity.Info, 18), (note.Id, note.Severity, note.Location.Line));
    }

    [Fact]
    public void Variables_the_runtime_provides_are_never_missing()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Concat(new[] { "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" }.Select((name, i) =>
                new EnvVariable { Name = name, Location = new SourceLocation(LeaderboardPlan.File, 70 + i, 3) })).ToEquatableArray(),
        };
        Assert.Empty(Summary(DiffMutated(_ => { }, plan)));
    }

    [Fact]
    public void A_scope_that_names_no_compute_does_not_hide_a_value_difference()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Select(v => v.Name == "LOG_LEVEL" ? v with { Scope = new[] { "Service Environment Properties" } } : v).ToEquatableArray(),
        };
        var report = DiffMutated(t => t.LambdaVariables(Lambda)["LOG_LEVEL"] = "debug", plan);
        Assert.Equal(["ValueDiffers LOG_LEVEL"], Summary(report));
    }

    [Theory]
    [InlineData(new[] { "prod" }, new[] { "SecretNotReferenced acme/prod/signing-key" })]
    [InlineData(new[] { "prod", "dev" }, new string[0])]
    public void Secrets_for_one_environment_are_expected_of_a_stack_for_no_known_environment_only_when_they_are_not_alternatives(string[] environments, string[] expected)
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Secrets = plan.Secrets.Concat(environments.Select((env, i) => new PlannedSecret
            {
                Name = $"acme/{env}/signing-key",
                Environment = env,
                Location = new SourceLocation(LeaderboardPlan.File, 54 + i, 3),
            })).ToEquatableArray(),
        };
        Assert.Equal(expected, Summary(DiffMutated(_ => { }, plan)));
    }

    [Fact]
    public void A_variable_from_no_table_without_a_scope_is_expected_on_every_compute_and_one_from_a_table_without_a_used_by_column_is_not()
    {
        // A code block of defaults every function shares (the reader scopes a block that belongs to one function).
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Variables = plan.Variables.Append(new EnvVariable { Name = "SNAPSHOT_FORMAT", TableIndex = -1, Location = new SourceLocation(LeaderboardPlan.File, 90, 5) }).ToEquatableArray(),
        };
        Assert.Equal(["VariableOnSomeCompute SNAPSHOT_FORMAT"], Summary(DiffMutated(t => t.LambdaVariables(Lambda)["SNAPSHOT_FORMAT"] = "parquet", plan)));

        var listed = plan with
        {
            Tables = new[]
            {
                new ConfigTable(ConfigTableKind.EnvironmentVariables, 0, 0, new[] { new TableColumn("Name", ColumnRole.Name), new TableColumn("Default", ColumnRole.Value) },
                    "Environment Variables", null, new SourceLocation(LeaderboardPlan.File, 38, 1)),
            },
            Variables = plan.Variables.Select(v => v with { TableIndex = 0 }).ToEquatableArray(),
        };
        Assert.Empty(Summary(DiffMutated(t => t.LambdaVariables(Lambda)["SNAPSHOT_FORMAT"] = "parquet", listed)));
    }
}
