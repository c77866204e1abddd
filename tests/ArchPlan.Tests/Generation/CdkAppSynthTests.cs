using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ArchPlan.Tests.Generation;

/// <summary>Builds and synthesizes the generated apps for real and checks the CloudFormation they produce.</summary>
[Collection(CdkAppsCollection.Name)]
public sealed class CdkAppSynthTests(CdkAppFixture apps, ITestOutputHelper output)
{
    private const string Lambda = "AWS::Lambda::Function";
    private const string TaskDefinition = "AWS::ECS::TaskDefinition";

    [Fact]
    public void Generated_apps_build_with_zero_warnings()
    {
        foreach (var app in new[] { apps.Gamehub, apps.Hostile, apps.PaymentsSample })
        {
            output.WriteLine($"{app.Name}: build {app.BuildTime.TotalSeconds:F1} s");
            Assert.True(app.Build.ExitCode == 0, app.Build.ToString());
            Assert.Contains(" 0 Warning(s)", app.Build.Stdout, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"warning [A-Z]+[0-9]+", app.Build.Stdout);
        }
        foreach (var synth in new[] { apps.GamehubDev, apps.GamehubProd, apps.GamehubStaging, apps.HostileDefault, apps.PaymentsSampleDefault })
        {
            output.WriteLine($"synth {synth.Label}: {synth.Time.TotalSeconds:F1} s (CLI: {apps.UsedCli})");
        }
    }

    [Fact]
    public void Each_variable_reaches_only_its_computes_with_the_right_value_or_reference()
    {
        var synth = apps.GamehubDev;
        var bucket = synth.LogicalId("AWS::S3::Bucket", "LeaderboardSnapshotsBucket");
        var table = synth.LogicalId("AWS::DynamoDB::Table", "PaymentsTable");
        var queue = synth.LogicalId("AWS::SQS::Queue", "ScoreEventsQueue");
        var topic = synth.LogicalId("AWS::SNS::Topic", "OpsAlertsTopic");
        var database = synth.LogicalId("AWS::RDS::DBInstance", "GamehubDbDatabase");
        var stateMachine = synth.LogicalId("AWS::StepFunctions::StateMachine", "SeasonRolloverStateMachine");

        var snapshot = LambdaVariables(synth, "LeaderboardSnapshotFunction");
        Assert.Equal("debug", snapshot["LOG_LEVEL"]!.GetValue<string>());
        Assert.Equal(Ref(bucket), Json(snapshot["SNAPSHOT_BUCKET"]));
        Assert.Equal(Ref(topic), Json(snapshot["ALERTS_TOPIC_ARN"]));
        Assert.Equal($$"""{"Fn::GetAtt":["{{database}}","Endpoint.Address"]}""", Json(snapshot["DB_HOST"]));
        Assert.Contains(":secret:gamehub/db/credentials", Json(snapshot["DB_PASSWORD_SECRET_ARN"]), StringComparison.Ordinal);
        Assert.Equal("eu-west-1", snapshot["REGION_HINT"]!.GetValue<string>()); // unmatched scope: every compute
        Assert.Equal(
            ["ALERTS_TOPIC_ARN", "DB_HOST", "DB_PASSWORD_SECRET_ARN", "LOG_LEVEL", "REGION_HINT", "SNAPSHOT_BUCKET"],
            snapshot.Select(p => p.Key).Order(StringComparer.Ordinal));

        var api = LambdaVariables(synth, "ScoreApiFunction");
        Assert.Equal(Ref(queue), Json(api["SCORES_QUEUE_URL"]));
        Assert.Equal("dev-token", api["API_TOKEN"]!.GetValue<string>());
        Assert.Contains(":secret:gamehub/stripe-api-key", Json(api["STRIPE_API_KEY_SECRET_ARN"]), StringComparison.Ordinal);
        Assert.Equal(
            ["API_TOKEN", "LOG_LEVEL", "REGION_HINT", "SCORES_QUEUE_URL", "STRIPE_API_KEY_SECRET_ARN"],
            api.Select(p => p.Key).Order(StringComparer.Ordinal));

        var (matchmakerEnv, matchmakerSecrets) = Container(synth, "MatchmakerTaskDefinition");
        Assert.Equal(Ref(table), Json(matchmakerEnv["PAYMENTS_TABLE"]));
        Assert.Equal("64", matchmakerEnv["MAX_PLAYERS"]!.GetValue<string>());
        Assert.Equal(Ref(stateMachine), Json(matchmakerEnv["SEASON_STATE_MACHINE_ARN"]));
        Assert.Equal(["DB_HOST", "LOG_LEVEL", "MAX_PLAYERS", "PAYMENTS_TABLE", "REGION_HINT", "SEASON_STATE_MACHINE_ARN"],
            matchmakerEnv.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith(":secret:gamehub/db/credentials:password::\"]]}", Json(matchmakerSecrets["DB_PASSWORD"]), StringComparison.Ordinal);
        Assert.EndsWith(":secret:gamehub/db/credentials:username::\"]]}", Json(matchmakerSecrets["DB_USER"]), StringComparison.Ordinal);

        var (reportEnv, reportSecrets) = Container(synth, "NightlyReportTaskDefinition");
        Assert.Equal(["ALERTS_TOPIC_ARN", "LOG_LEVEL", "MAX_PLAYERS", "REGION_HINT"], reportEnv.Keys.Order(StringComparer.Ordinal));
        // A database password "from RDS" comes from the database's generated secret, never a plain attribute.
        var databaseSecret = synth.LogicalId("AWS::SecretsManager::SecretTargetAttachment", "GamehubDbDatabaseSecretAttachment");
        Assert.Equal($$"""{"Fn::Join":["",[{"Ref":"{{databaseSecret}}"},":password::"]]}""", Json(reportSecrets["REPORT_DB_PASSWORD"]));
    }

    [Fact]
    public void Per_environment_values_follow_the_selected_environment()
    {
        var prod = LambdaVariables(apps.GamehubProd, "ScoreApiFunction");
        Assert.Equal("warn", prod["LOG_LEVEL"]!.GetValue<string>());
        Assert.Equal("prod-token", prod["API_TOKEN"]!.GetValue<string>());
        var (prodEnv, _) = Container(apps.GamehubProd, "MatchmakerTaskDefinition");
        Assert.Equal("warn", prodEnv["LOG_LEVEL"]!.GetValue<string>());
        Assert.Equal("128", prodEnv["MAX_PLAYERS"]!.GetValue<string>()); // -c MAX_PLAYERS=128 beats cdk.json's 64
    }

    [Fact]
    public void A_complete_secret_arn_from_context_replaces_the_name_reference()
    {
        var synth = apps.GamehubProd;
        var (_, secrets) = Container(synth, "MatchmakerTaskDefinition");
        Assert.Equal(CdkAppFixture.DbSecretArn + ":password::", secrets["DB_PASSWORD"]!.GetValue<string>());
        Assert.Equal(CdkAppFixture.DbSecretArn, LambdaVariables(synth, "LeaderboardSnapshotFunction")["DB_PASSWORD_SECRET_ARN"]!.GetValue<string>());
        var execution = Json(synth.OfType("AWS::IAM::Policy").Single(p => p.Id.StartsWith("MatchmakerTaskDefinitionExecutionRole", StringComparison.Ordinal)).Resource);
        Assert.Contains($"\"Resource\":\"{CdkAppFixture.DbSecretArn}\"", execution, StringComparison.Ordinal);
        // The stripe secret has no ARN in context: still by name.
        Assert.Contains(":secret:gamehub/stripe-api-key", Json(LambdaVariables(synth, "ScoreApiFunction")["STRIPE_API_KEY_SECRET_ARN"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_variable_without_value_fails_synth_with_a_message_naming_it()
    {
        var staging = apps.GamehubStaging;
        Assert.NotEqual(0, staging.Run.ExitCode);
        var text = staging.Run.Stdout + staging.Run.Stderr;
        Assert.Contains("The plan requires API_TOKEN", text, StringComparison.Ordinal);
        Assert.Contains("-c API_TOKEN=<value>", text, StringComparison.Ordinal);
        Assert.Contains("environment 'staging'", text, StringComparison.Ordinal);
        SynthFailure.AssertOneLineNaming("API_TOKEN", staging.Run);
    }

    [Fact]
    public void Secrets_are_read_only_by_the_computes_that_use_them_and_never_with_a_wildcard()
    {
        var synth = apps.GamehubDev;
        var secretStatements = synth.OfType("AWS::IAM::Policy")
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
                .Select(s => (Policy: p.Id, Roles: Json(p.Resource["Properties"]!["Roles"]), Statement: s!.AsObject())))
            .Where(x => Json(x.Statement["Action"]).Contains("secretsmanager:", StringComparison.Ordinal))
            .ToList();
        Assert.All(secretStatements, x => Assert.DoesNotContain("\"*\"", Json(x.Statement["Resource"]), StringComparison.Ordinal));
        string Secret(JsonObject statement)
        {
            var resource = Json(statement["Resource"]);
            return resource.Contains("gamehub/db/credentials-??????", StringComparison.Ordinal) ? "db"
                : resource.Contains("gamehub/stripe-api-key-??????", StringComparison.Ordinal) ? "stripe"
                : resource.Contains("GamehubDbDatabaseSecretAttachment", StringComparison.Ordinal) ? "generated" : resource;
        }
        var readers = secretStatements.Select(x => (x.Policy[..x.Policy.IndexOf("DefaultPolicy", StringComparison.Ordinal)], Secret(x.Statement)))
            .Order().ToList();
        Assert.Equal(
            [("LeaderboardSnapshotFunctionRole", "db"), ("MatchmakerTaskDefinitionExecutionRole", "db"),
             ("NightlyReportTaskDefinitionExecutionRole", "generated"), ("ScoreApiFunctionRole", "stripe")],
            readers);
    }

    [Fact]
    public void Each_planned_function_runs_as_a_role_of_its_own_with_no_AWS_managed_policy_and_logs_to_its_own_group()
    {
        var synth = apps.GamehubDev;
        var functions = synth.OfType("AWS::Lambda::Function").Where(f => f.Resource["Properties"]!["Handler"]?.GetValue<string>() == "index.handler"
            && !f.Id.StartsWith("Custom", StringComparison.Ordinal) && !f.Id.Contains("Notifications", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(functions);
        var policies = synth.OfType("AWS::IAM::Policy").Select(p => p.Resource["Properties"]!.AsObject()).ToList();

        foreach (var (id, function) in functions)
        {
            var role = function["Properties"]!["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();
            var logGroup = function["Properties"]!["LoggingConfig"]!["LogGroup"]!["Ref"]!.GetValue<string>();
            Assert.Null(synth.Resources[role]!["Properties"]!["ManagedPolicyArns"]);
            Assert.Contains(policies, p => Json(p["Roles"]).Contains(role, StringComparison.Ordinal)
                && Json(p["PolicyDocument"]).Contains("logs:PutLogEvents", StringComparison.Ordinal)
                && Json(p["PolicyDocument"]).Contains(logGroup, StringComparison.Ordinal));
            Assert.Equal(365, synth.Resources[logGroup]!["Properties"]!["RetentionInDays"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Resources_are_created_once_each_with_the_plans_settings()
    {
        var synth = apps.GamehubDev;
        int Count(string type) => synth.OfType(type).Count();
        Assert.Equal(2, Count(Lambda));
        Assert.Equal(3, Count("AWS::SQS::Queue")); // queue, its DLQ, the function's DLQ
        Assert.Equal(1, Count("AWS::ECS::Service"));
        Assert.Equal(2, Count(TaskDefinition));
        Assert.Equal(1, Count("AWS::ECS::Cluster"));
        Assert.Equal(1, Count("AWS::EC2::VPC"));
        Assert.Equal(2, Count("AWS::S3::Bucket")); // the planned bucket and the access-log bucket it logs to (docs/cdk-nag.md)
        Assert.Equal(1, Count("AWS::DynamoDB::Table"));
        Assert.Equal(1, Count("AWS::SNS::Topic"));
        Assert.Equal(2, Count("AWS::Events::Rule"));
        Assert.Equal(1, Count("AWS::ApiGatewayV2::Api"));
        Assert.Equal(1, Count("AWS::ApiGateway::RestApi"));
        Assert.Equal(1, Count("AWS::CloudWatch::Alarm"));
        Assert.Equal(1, Count("AWS::RDS::DBInstance"));
        Assert.Equal(1, Count("AWS::StepFunctions::StateMachine"));
        Assert.Equal(0, Count("AWS::SecretsManager::Secret") - 1); // only the database's generated secret

        var snapshot = synth.Resource(Lambda, "LeaderboardSnapshotFunction")["Properties"]!;
        Assert.Equal("python3.12", snapshot["Runtime"]!.GetValue<string>());
        Assert.Equal(512, snapshot["MemorySize"]!.GetValue<int>());
        Assert.Equal(60, snapshot["Timeout"]!.GetValue<int>());
        Assert.NotNull(snapshot["DeadLetterConfig"]);
        Assert.NotNull(snapshot["VpcConfig"]); // it reads the database
        Assert.Null(synth.Resource(Lambda, "ScoreApiFunction")["Properties"]!["VpcConfig"]);

        var bucket = synth.Resource("AWS::S3::Bucket", "LeaderboardSnapshotsBucket");
        Assert.Equal("Retain", bucket["DeletionPolicy"]!.GetValue<string>());
        Assert.Contains("ArchPlanAccessLogs", bucket["Properties"]!["LoggingConfiguration"]!["DestinationBucketName"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"BlockPublicAcls\":true", Json(bucket["Properties"]!["PublicAccessBlockConfiguration"]), StringComparison.Ordinal);
        Assert.Contains("AES256", Json(bucket["Properties"]!["BucketEncryption"]), StringComparison.Ordinal);
        // The planned bucket's own policy (the access-log bucket has one too).
        var policy = synth.OfType("AWS::S3::BucketPolicy").Single(p => Json(p.Resource["Properties"]!["Bucket"]).Contains("LeaderboardSnapshotsBucket", StringComparison.Ordinal));
        Assert.Contains("aws:SecureTransport", Json(policy.Resource), StringComparison.Ordinal);

        var table = synth.Resource("AWS::DynamoDB::Table", "PaymentsTable")["Properties"]!;
        Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]!.GetValue<string>());
        Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());

        var queue = synth.Resource("AWS::SQS::Queue", "ScoreEventsQueue")["Properties"]!;
        Assert.Contains(synth.LogicalId("AWS::SQS::Queue", "ScoreEventsDeadLetterQueue"), Json(queue["RedrivePolicy"]), StringComparison.Ordinal);
        Assert.Equal(60, queue["VisibilityTimeout"]!.GetValue<int>()); // six times the triggered function's 10 s
        Assert.All(synth.OfType("AWS::SQS::QueuePolicy"), p => Assert.Contains("aws:SecureTransport", Json(p.Resource), StringComparison.Ordinal));

        var matchmaker = synth.Resource(TaskDefinition, "MatchmakerTaskDefinition")["Properties"]!;
        Assert.Equal("512", matchmaker["Cpu"]!.GetValue<string>());
        Assert.Equal("1024", matchmaker["Memory"]!.GetValue<string>());
        Assert.Contains("/gamehub/matchmaker:1.4", Json(matchmaker["ContainerDefinitions"]![0]!["Image"]), StringComparison.Ordinal);
        var report = synth.Resource(TaskDefinition, "NightlyReportTaskDefinition")["Properties"]!;
        Assert.Equal("public.ecr.aws/docker/library/busybox:latest", report["ContainerDefinitions"]![0]!["Image"]!.GetValue<string>());

        var database = synth.Resource("AWS::RDS::DBInstance", "GamehubDbDatabase")["Properties"]!;
        Assert.Equal("postgres", database["Engine"]!.GetValue<string>());
        Assert.True(database["StorageEncrypted"]!.GetValue<bool>());
    }

    [Fact]
    public void Schedules_triggers_apis_and_alarms_are_wired_to_the_linked_resources()
    {
        var synth = apps.GamehubDev;
        var nightly = synth.Resource("AWS::Events::Rule", "NightlyScheduleRule")["Properties"]!;
        Assert.Equal("cron(0 10 * * ? *)", nightly["ScheduleExpression"]!.GetValue<string>());
        Assert.Contains("EcsParameters", Json(nightly["Targets"]), StringComparison.Ordinal);
        Assert.Contains(synth.LogicalId(TaskDefinition, "NightlyReportTaskDefinition"), Json(nightly["Targets"]), StringComparison.Ordinal);

        var hourly = synth.Resource("AWS::Events::Rule", "SnapshotScheduleRule")["Properties"]!;
        Assert.Equal("rate(1 hour)", hourly["ScheduleExpression"]!.GetValue<string>());
        Assert.Contains(synth.LogicalId(Lambda, "LeaderboardSnapshotFunction"), Json(hourly["Targets"]), StringComparison.Ordinal);

        var mapping = synth.OfType("AWS::Lambda::EventSourceMapping").Single().Resource["Properties"]!;
        Assert.Contains(synth.LogicalId("AWS::SQS::Queue", "ScoreEventsQueue"), Json(mapping["EventSourceArn"]), StringComparison.Ordinal);
        Assert.Contains(synth.LogicalId(Lambda, "ScoreApiFunction"), Json(mapping["FunctionName"]), StringComparison.Ordinal);

        var integration = synth.OfType("AWS::ApiGatewayV2::Integration").Single().Resource["Properties"]!;
        Assert.Contains(synth.LogicalId(Lambda, "ScoreApiFunction"), Json(integration["IntegrationUri"]), StringComparison.Ordinal);

        var alarm = synth.Resource("AWS::CloudWatch::Alarm", "SnapshotErrorsAlarm")["Properties"]!;
        Assert.Equal("Errors", alarm["MetricName"]!.GetValue<string>());
        Assert.Contains(synth.LogicalId(Lambda, "LeaderboardSnapshotFunction"), Json(alarm["Dimensions"]), StringComparison.Ordinal);
        Assert.Equal(Ref(synth.LogicalId("AWS::SNS::Topic", "OpsAlertsTopic")), Json(alarm["AlarmActions"]![0]));

        var ingress = synth.OfType("AWS::EC2::SecurityGroupIngress").Select(i => Json(i.Resource)).ToList();
        Assert.Contains(ingress, i => i.Contains("LeaderboardSnapshotFunctionSecurityGroup", StringComparison.Ordinal));
        Assert.Contains(ingress, i => i.Contains("MatchmakerSecurityGroup", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_names_and_values_compile_and_reach_the_template_unchanged()
    {
        var synth = apps.HostileDefault;
        Assert.True(synth.Template is not null, synth.Run.ToString());
        Assert.Equal(3, synth.OfType(Lambda).Count());
        // db-host and DbHost make the same id; each takes a suffix from its own spelling.
        var dbHost = LambdaVariables(synth, ArchPlan.Generation.Naming.ResourceIds.WithSpelling("DbHostFunction", "db-host"));
        Assert.Equal(SamplePlans.HostileValue, dbHost["DB_HOST"]!.GetValue<string>());
        Assert.Equal("second", dbHost["DbHost"]!.GetValue<string>());
        Assert.False(dbHost.ContainsKey("db-host")); // not a valid Lambda name: skipped with a warning

        var first = LambdaVariables(synth, "1stFunction"); // CDK drops the "_" from logical ids
        Assert.Equal("{{ app.product }}", first["class"]!.GetValue<string>());
        Assert.Equal("{% for x in (1..3) %}x{% endfor %}", first["STATIC"]!.GetValue<string>());
        // Secrets "prod/db" and "prod--db" get distinct construct ids and both are granted.
        Assert.Contains(":secret:prod/db\"", Json(first["PROD_DB_SECRET_ARN"]), StringComparison.Ordinal);
        Assert.Contains(":secret:prod--db\"", Json(first["PROD__DB_SECRET_ARN"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_payments_sample_synthesizes_with_its_wiring()
    {
        var synth = apps.PaymentsSampleDefault;
        Assert.True(synth.Template is not null, synth.Run.ToString());
        Assert.Single(synth.OfType("AWS::ApiGatewayV2::Api"));
        Assert.Single(synth.OfType("AWS::ECS::Service"));
        Assert.Equal(2, synth.OfType(TaskDefinition).Count());
        Assert.Single(synth.OfType("AWS::StepFunctions::StateMachine"));
        var rule = Assert.Single(synth.OfType("AWS::Events::Rule")).Resource["Properties"]!;
        Assert.Equal("rate(5 minutes)", rule["ScheduleExpression"]!.GetValue<string>());
        Assert.Contains("EcsParameters", Json(rule["Targets"]), StringComparison.Ordinal);

        var (workerEnv, workerSecrets) = Container(synth, "PaymentsWorkerTaskDefinition");
        Assert.Contains("STRIPE_API_KEY", workerSecrets.Keys);
        Assert.Equal(Ref(synth.LogicalId("AWS::DynamoDB::Table", "PaymentsTable")), Json(workerEnv["PAYMENTS_TABLE"]));
        var workerPolicy = Json(synth.OfType("AWS::IAM::Policy").Single(p => p.Id.StartsWith("PaymentsWorkerTaskDefinitionTaskRole", StringComparison.Ordinal)).Resource);
        Assert.Contains("sqs:ReceiveMessage", workerPolicy, StringComparison.Ordinal); // it processes payment-events
        Assert.All(synth.OfType("AWS::IAM::Policy").SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()),
            statement =>
            {
                if (Json(statement!["Action"]).Contains("secretsmanager:", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain("\"*\"", Json(statement["Resource"]), StringComparison.Ordinal);
                }
            });
    }

    private static string Json(JsonNode? node) => SynthResult.Json(node);

    private static string Ref(string logicalId) => $$"""{"Ref":"{{logicalId}}"}""";

    private static JsonObject LambdaVariables(SynthResult synth, string constructId) =>
        synth.Resource(Lambda, constructId)["Properties"]!["Environment"]!["Variables"]!.AsObject();

    private static (Dictionary<string, JsonNode?> Environment, Dictionary<string, JsonNode?> Secrets) Container(SynthResult synth, string constructId)
    {
        var container = synth.Resource(TaskDefinition, constructId)["Properties"]!["ContainerDefinitions"]![0]!;
        var environment = (container["Environment"]?.AsArray() ?? []).ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]);
        var secrets = (container["Secrets"]?.AsArray() ?? []).ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["ValueFrom"]);
        return (environment, secrets);
    }
}
