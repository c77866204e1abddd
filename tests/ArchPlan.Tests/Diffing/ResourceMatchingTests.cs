using System.Text.Json.Nodes;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>How plan items written the way documents write them find their resources.</summary>
public sealed class ResourceMatchingTests
{
    private static PlannedResource Resource(ResourceKind kind, string name, int line) =>
        new() { Kind = kind, Name = name, Text = name, Location = new SourceLocation(LeaderboardPlan.File, line, 3) };

    /// <summary>A one-stack template of the given resources, each with a construct path as a Python or TypeScript app writes it.</summary>
    private static DiffReport Diff(Plan plan, params (string LogicalId, string Type, string Path, JsonObject? Properties)[] resources)
    {
        using var temp = InfraTestFiles.Temp();
        var map = new JsonObject();
        foreach (var (id, type, path, properties) in resources)
        {
            map[id] = new JsonObject
            {
                ["Type"] = type,
                ["Properties"] = properties ?? new JsonObject(),
                ["Metadata"] = new JsonObject { ["aws:cdk:path"] = path },
            };
        }
        var file = Path.Combine(temp.Dir, "stack.template.json");
        File.WriteAllText(file, new JsonObject { ["Resources"] = map }.ToJsonString());
        var infra = InfrastructureReader.Read(file);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(plan, infra.Value!);
    }

    private static Plan PlanOf(params PlannedResource[] resources) => LeaderboardPlan.Create() with
    {
        Resources = resources.ToEquatableArray(),
        Variables = EquatableArray<EnvVariable>.Empty,
        Secrets = EquatableArray<PlannedSecret>.Empty,
    };

    private static string[] Summary(DiffReport report) =>
        [.. report.Findings.Select(f => f.Environment is null ? $"{f.Kind} {f.Subject}" : $"{f.Kind} {f.Subject} [{f.Environment}]")];

    [Fact]
    public void Construct_ids_that_repeat_the_stack_name_and_words_in_another_order_match()
    {
        var plan = PlanOf(
            Resource(ResourceKind.HttpApi, "catalog API", 20),
            Resource(ResourceKind.LambdaFunction, "service-jobs", 21),
            Resource(ResourceKind.LambdaFunction, "ingest API", 22));

        var report = Diff(plan,
            ("catalogapireefscapedevcatalogapi8D1594E0", "AWS::ApiGatewayV2::Api", "reefscape-dev/catalog_api/reefscape-dev-catalog-api/Resource", null),
            ("JobsServiceA1FBDBFC", "AWS::Lambda::Function", "reefscape-dev/JobsService/Resource", null),
            ("ingestapiapihandler26F22E6C", "AWS::Lambda::Function", "reefscape-dev/ingest_api/api_handler/Resource", null),
            ("ingestapirecordstableE6E037CF", "AWS::DynamoDB::Table", "reefscape-dev/ingest_api/records_table/Resource", null));

        // The table inside the ingest_api construct is part of the component the plan calls "ingest API".
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_resource_a_plan_item_names_itself_is_not_also_the_component_item_of_its_construct()
    {
        var plan = PlanOf(Resource(ResourceKind.LambdaFunction, "ingest API", 20), Resource(ResourceKind.LambdaFunction, "ingestor", 21));
        plan = plan with
        {
            Variables = new[]
            {
                new EnvVariable { Name = "CLIENT_ID", Scope = new[] { "ingest API" }, Location = new SourceLocation(LeaderboardPlan.File, 40, 3) },
            },
        };

        var report = Diff(plan,
            ("ingestapiapihandler26F22E6C", "AWS::Lambda::Function", "reef-dev/ingest_api/api_handler/Resource", new JsonObject
            {
                ["Environment"] = new JsonObject { ["Variables"] = new JsonObject { ["CLIENT_ID"] = "reef-dev-ingest" } },
            }),
            ("ingestapiingestor6197E8C5", "AWS::Lambda::Function", "reef-dev/ingest_api/ingestor/Resource", null));

        // CLIENT_ID is for the ingest API's function only: the ingestor is its own plan item, so not missing it.
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_plan_item_naming_a_construct_covers_what_the_construct_holds_and_nothing_else()
    {
        var plan = PlanOf(Resource(ResourceKind.HttpApi, "catalog API", 20));

        var report = Diff(plan,
            ("catalogapireefscapedevcatalogapi8D1594E0", "AWS::ApiGatewayV2::Api", "reefscape-dev/catalog_api/reefscape-dev-catalog-api/Resource", null),
            ("catalogapilambda0EB296D6", "AWS::Lambda::Function", "reefscape-dev/catalog_api/lambda/Resource", null),
            ("tileapilambda9F9CE295", "AWS::Lambda::Function", "reefscape-dev/tile_api/lambda/Resource", null));

        Assert.Equal(["ResourceNotPlanned lambda"], Summary(report));
        Assert.Equal("tileapilambda9F9CE295", report.Findings[0].InfraLocation!.LogicalId);
    }

    [Fact]
    public void Secret_and_variable_names_with_placeholders_match_what_they_stand_for()
    {
        var plan = LeaderboardPlan.Create();
        plan = plan with
        {
            Secrets = plan.Secrets.Select(s => s.Name == "acme/leaderboard/api-key" ? s with { Name = "acme/<component>/api-key" } : s).ToEquatableArray(),
            Variables = plan.Variables.Append(new EnvVariable { Name = "SNAPSHOT_*", Location = new SourceLocation(LeaderboardPlan.File, 47, 3) }).ToEquatableArray(),
        };
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        template.LambdaVariables("Snapshot3D8A1B7C")["SNAPSHOT_RETENTION_DAYS"] = "30";
        template.LambdaVariables("Snapshot3D8A1B7C")["OTHER_SETTING"] = "x";
        var infra = InfrastructureReader.Read(template.Save(Path.Combine(temp.Dir, "t.template.json"))).Value!;

        Assert.Equal(["VariableNotPlanned OTHER_SETTING"], Summary(PlanDiffer.Diff(plan, infra)));
    }

    [Fact]
    public void An_item_that_names_only_its_service_stands_for_one_resource_of_that_kind()
    {
        var plan = PlanOf(
            Resource(ResourceKind.S3Bucket, "Amazon S3", 20),
            Resource(ResourceKind.LambdaFunction, "AWS Lambda", 21),
            Resource(ResourceKind.FargateService, "ECS Fargate", 22),
            Resource(ResourceKind.SqsQueue, "the SQS queue", 23));

        var report = Diff(plan,
            ("ScansBucket1A2B3C4D", "AWS::S3::Bucket", "Ocr/Scans/Resource", null),
            ("AccessLogs5E6F7A8B", "AWS::S3::Bucket", "Ocr/AccessLogs/Resource", new JsonObject { ["BucketName"] = "ocr-access-logs" }),
            ("Trigger9C0D1E2F", "AWS::Lambda::Function", "Ocr/Trigger/Resource", null),
            ("Service16B4C882", "AWS::ECS::Service", "Ocr/Service/Service", null));

        // One bucket is the planned one (the first); the other is unplanned, named by its physical name. No queue exists.
        Assert.Equal(["ResourceNotFound the SQS queue", "ResourceNotPlanned ocr-access-logs"], Summary(report));
    }

    [Theory]
    [InlineData("fargateservice")]
    [InlineData("PostgreSQL database")]
    [InlineData("the s3bucket")]
    public void Kind_words_run_together_or_spelt_as_one_are_still_only_a_kind(string name)
    {
        Assert.True(NameMatcher.IsGeneric(name));
        Assert.False(NameMatcher.IsGeneric("order-exports"));
        Assert.False(NameMatcher.IsGeneric("scribe"));
    }

    [Fact]
    public void Parameter_paths_the_plan_gives_are_looked_for_among_the_ssm_parameters()
    {
        var plan = PlanOf(
            Resource(ResourceKind.Unknown, "/trailhead/{stage}/cloudfront-domain", 58),
            Resource(ResourceKind.Unknown, "/trailhead/{stage}/cloudfront-distribution-id", 59));

        var report = Diff(plan,
            ("DomainParameter1A2B3C4D", "AWS::SSM::Parameter", "trailhead-web-dev/DomainParameter/Resource",
                new JsonObject { ["Name"] = "/trailhead/dev/cloudfront-domain", ["Type"] = "String", ["Value"] = "d111.cloudfront.net" }),
            ("Distribution830FAC52", "AWS::CloudFront::Distribution", "trailhead-web-dev/Distribution/Resource", null));

        // The distribution is not the parameter that holds its id (it is unplanned here: the plan lists only parameters).
        Assert.Equal(["ResourceNotFound /trailhead/{stage}/cloudfront-distribution-id", "ResourceNotPlanned Distribution"], Summary(report));
        var finding = report.Findings[0];
        Assert.Equal(59, finding.PlanLocation.Line);
        Assert.Equal("SSM parameter '/trailhead/{stage}/cloudfront-distribution-id' is in the plan but not in the infrastructure", finding.Message);
    }

    [Fact]
    public void An_item_of_no_known_kind_that_names_a_resource_type_matches_that_type()
    {
        var plan = PlanOf(Resource(ResourceKind.Unknown, "CloudFront distribution", 20), Resource(ResourceKind.Unknown, "EFS", 21),
            Resource(ResourceKind.Unknown, "cloudfront-distribution-oac", 22));

        var report = Diff(plan,
            ("WebDistributionCB280465", "AWS::CloudFront::Distribution", "Web/WebDistribution/Resource", null),
            ("AssetsDistribution9A8B7C6D", "AWS::CloudFront::Distribution", "Web/AssetsDistribution/Resource", null),
            ("FileSystemE428025F", "AWS::EFS::FileSystem", "Web/FileSystem/Resource", null),
            ("FileSystemEfsMountTargetPrivateSubnet1570C868A", "AWS::EFS::MountTarget", "Web/FileSystem/EfsMountTarget-PrivateSubnet1", null),
            ("UserPool6BA7E5F2", "AWS::Cognito::UserPool", "Web/UserPool/Resource", null));

        Assert.Equal(["ResourceNotPlanned UserPool"], Summary(report));
    }

    [Fact]
    public void A_schedule_that_starts_one_planned_function_is_part_of_it()
    {
        var plan = PlanOf(Resource(ResourceKind.LambdaFunction, "crawler", 20));

        var report = Diff(plan,
            ("crawlerfunction2488CC81", "AWS::Lambda::Function", "Estuary/crawler_function/Resource", null),
            ("crawlerschedule3BF5D558", "AWS::Events::Rule", "Estuary/crawler_schedule/Resource", JsonNode.Parse("""
                {"ScheduleExpression": "rate(1 hour)", "Targets": [{"Arn": {"Fn::GetAtt": ["crawlerfunction2488CC81", "Arn"]}, "Id": "Target0"}]}
                """)!.AsObject()),
            ("auditrule5A6B7C8D", "AWS::Events::Rule", "Estuary/audit_rule/Resource", JsonNode.Parse("""
                {"EventPattern": {"source": ["aws.s3"]}, "Targets": [{"Arn": {"Fn::GetAtt": ["crawlerfunction2488CC81", "Arn"]}, "Id": "Target0"}]}
                """)!.AsObject()));

        // A rule on events (not a schedule) is routing a plan would list.
        Assert.Equal(["ResourceNotPlanned audit_rule"], Summary(report));
    }

    [Fact]
    public void A_bucket_only_one_environment_has_is_the_unplanned_one()
    {
        var plan = OrdersApp.Plan with
        {
            Resources = OrdersApp.Plan.Resources.Select(r => r.Name == "order-exports" ? r with { Name = "S3 Bucket" } : r).ToEquatableArray(),
        };
        using var temp = InfraTestFiles.Temp();
        var assembly = OrdersApp.EditedAssembly(temp, ("OrdersStack-prod", t => t.Resources["AccessLogBucketDA470295"] = JsonNode.Parse("""
            {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "orders-access-logs-prod"}, "Metadata": {"aws:cdk:path": "OrdersStack-prod/AccessLogBucket/Resource"}}
            """)));

        var report = OrdersApp.Diff(assembly, plan: plan);

        Assert.Equal(["ResourceNotPlanned orders-access-logs-prod [prod]"], Summary(report));
    }

    [Fact]
    public void A_variable_missing_from_one_environment_is_on_some_compute_there()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = OrdersApp.EditedAssembly(temp, ("OrdersStack-prod", t => t.LambdaVariables(OrdersApp.Worker).Remove("RETURNS_ENABLED")));

        var finding = Assert.Single(OrdersApp.Diff(assembly).Findings);

        Assert.Equal((FindingKind.VariableOnSomeCompute, "RETURNS_ENABLED", "prod", Severity.Warning), (finding.Kind, finding.Subject, finding.Environment, finding.Severity));
        Assert.Equal("'RETURNS_ENABLED' is set on OrdersStack-dev/OrderWorkerA264D295 but not on OrdersStack-prod/OrderWorkerA264D295", finding.Message);
    }
}
