using System.Text.Json.Nodes;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;
using static ArchPlan.Tests.Diffing.OrdersApp;

namespace ArchPlan.Tests.Diffing;

/// <summary>The order-intake plan (dev and prod values) against its app's stacks: one per environment, a shared one, an empty one.</summary>
public sealed class PerEnvironmentDiffTests
{
    [Fact]
    public void A_cdk_out_with_a_stack_per_environment_diffs_clean_compared_per_environment()
    {
        var report = Diff(Assembly);

        Assert.Empty(Summary(report));
        Assert.Empty(report.Diagnostics);
        Assert.Equal(
            ["dev: OrdersMonitoring, OrdersStack-dev, OrdersReporting", "prod: OrdersMonitoring, OrdersStack-prod, OrdersReporting"],
            report.Comparisons.Select(c => $"{c.Environment}: {string.Join(", ", c.Stacks)}"));
        Assert.Contains("compared per environment: dev (OrdersMonitoring, OrdersStack-dev, OrdersReporting); prod (", DiffRenderer.ReadLine(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_assembly_without_path_metadata_or_version_reporting_diffs_clean_too()
    {
        // CDKMetadata is left out, so the reporting stack's template has no Resources key at all.
        Assert.DoesNotContain("\"Resources\"", File.ReadAllText(Path.Combine(BareAssembly, "OrdersReporting.template.json")), StringComparison.Ordinal);
        Assert.Empty(Summary(Diff(BareAssembly)));
    }

    [Fact]
    public void A_literal_changed_in_the_prod_stack_is_one_value_difference_for_prod()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp, ("OrdersStack-prod", t => t.LambdaVariables(Worker)["MAX_BATCH"] = "25"));

        var report = Diff(assembly);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.ValueDiffers, "MAX_BATCH", Severity.Error, "AP4055", "prod"),
            (finding.Kind, finding.Subject, finding.Severity, finding.Id, finding.Environment));
        var prodCell = Plan.Variables.Single(v => v.Name == "MAX_BATCH").PerEnvironment.Single(e => e.Environment == "prod").Location;
        Assert.Equal(prodCell, finding.PlanLocation);
        Assert.Equal((Worker, "OrdersStack-prod"), (finding.InfraLocation!.LogicalId, finding.InfraLocation.Stack));
        Assert.Equal("'MAX_BATCH' is '25' on OrdersStack-prod/OrderWorkerA264D295, but the plan's prod value is '50'", finding.Message);
    }

    [Fact]
    public void A_value_the_plan_gives_alike_for_every_environment_differing_everywhere_is_one_finding()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp,
            ("OrdersStack-dev", t => t.LambdaVariables(Worker)["SOURCE_PROVIDER"] = "BITBUCKET"),
            ("OrdersStack-prod", t => t.LambdaVariables(Worker)["SOURCE_PROVIDER"] = "BITBUCKET"));

        var finding = Assert.Single(Diff(assembly).Findings);

        Assert.Equal((FindingKind.ValueDiffers, "SOURCE_PROVIDER", null, Line("SOURCE_PROVIDER")), (finding.Kind, finding.Subject, finding.Environment, finding.PlanLocation.Line));
        Assert.EndsWith("but the plan's value is 'GITHUB'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_environment_is_compared_with_its_own_values()
    {
        // Swapping the two stacks' levels is drift in both environments, though each value is in the plan.
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp,
            ("OrdersStack-dev", t => t.LambdaVariables(Api)["LOG_LEVEL"] = "warn"),
            ("OrdersStack-prod", t => t.LambdaVariables(Api)["LOG_LEVEL"] = "debug"));

        Assert.Equal(["ValueDiffers LOG_LEVEL [dev]", "ValueDiffers LOG_LEVEL [prod]"], Summary(Diff(assembly)));
    }

    [Fact]
    public void A_resource_missing_from_one_environment_is_reported_for_that_environment()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp, ("OrdersStack-prod", t => t.Resources.Remove("OrderExports3E7362BE")));

        var finding = Assert.Single(Diff(assembly).Findings);

        Assert.Equal((FindingKind.ResourceNotFound, "order-exports", "prod", 27), (finding.Kind, finding.Subject, finding.Environment, finding.PlanLocation.Line));
    }

    [Fact]
    public void An_unplanned_queue_in_every_environment_is_reported_once()
    {
        static void AddQueue(TemplateMutation t) => t.Resources["AuditQueue5C2B7A10"] = JsonNode.Parse("""
            {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "OrdersStack/AuditQueue/Resource"}}
            """);
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp, ("OrdersStack-dev", AddQueue), ("OrdersStack-prod", AddQueue));

        var finding = Assert.Single(Diff(assembly).Findings);

        Assert.Equal((FindingKind.ResourceNotPlanned, "AuditQueue", null, "AWS::SQS::Queue", "OrdersStack-dev/AuditQueue5C2B7A10"),
            (finding.Kind, finding.Subject, finding.Environment, finding.Group, finding.InfraLocation!.Display));
    }

    [Fact]
    public void A_variable_missing_from_both_environments_is_one_finding()
    {
        using var temp = InfraTestFiles.Temp();
        var assembly = EditedAssembly(temp,
            ("OrdersStack-dev", t => t.LambdaVariables(Worker).Remove("RETURNS_ENABLED")),
            ("OrdersStack-prod", t => t.LambdaVariables(Worker).Remove("RETURNS_ENABLED")));

        var finding = Assert.Single(Diff(assembly).Findings);

        Assert.Equal((FindingKind.VariableNotSet, "RETURNS_ENABLED", null, Line("RETURNS_ENABLED")), (finding.Kind, finding.Subject, finding.Environment, finding.PlanLocation.Line));
    }

    [Fact]
    public void Stack_tags_name_the_environments_when_the_stack_names_do_not()
    {
        using var temp = InfraTestFiles.Temp();
        var copy = temp.CopyFolder(Assembly, "cdk.out");
        foreach (var (from, to) in new[] { ("OrdersStack-dev", "OrdersBlue"), ("OrdersStack-prod", "OrdersGreen") })
        {
            File.Move(Path.Combine(copy, from + ".template.json"), Path.Combine(copy, to + ".template.json"));
            var manifest = Path.Combine(copy, "manifest.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(from, to, StringComparison.Ordinal));
        }

        var infra = InfrastructureReader.Read(copy).Value!;
        Assert.Equal(["OrdersMonitoring:", "OrdersBlue:dev", "OrdersGreen:prod", "OrdersReporting:"], infra.StackDetails.Select(s => $"{s.Id}:{s.Environment}"));
        var report = PlanDiffer.Diff(Plan, infra);
        Assert.Empty(Summary(report));
        Assert.Equal(["dev", "prod"], report.Comparisons.Select(c => c.Environment));
    }

    [Fact]
    public void One_stack_chosen_with_stack_is_compared_as_its_environment()
    {
        var report = Diff(Assembly, "OrdersStack-prod");

        // The shared topic lives in another stack, so it is missing from this one; the values are prod's.
        Assert.Equal(["ResourceNotFound order-alerts"], Summary(report));
        Assert.Equal("prod", Assert.Single(report.Comparisons).Environment);
        Assert.Contains("compared as environment 'prod'", DiffRenderer.ReadLine(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_template_that_names_no_environment_leaves_per_environment_values_uncompared_and_says_so()
    {
        using var temp = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(Path.Combine(Assembly, "OrdersStack-prod.template.json"));
        template.LambdaVariables(Api)["CURRENCY"] = "USD";
        var path = template.Save(Path.Combine(temp.Dir, "orders.template.json"));

        var report = Diff(path);

        // CURRENCY is EUR in every environment, so it is compared; the levels, batch sizes and flags are not.
        Assert.Equal(["ValueDiffers CURRENCY", "ResourceNotFound order-alerts"], Summary(report));
        var note = Assert.Single(report.Diagnostics);
        Assert.Equal(("AP4080", Severity.Info, Line("LOG_LEVEL")), (note.Id, note.Severity, note.Location.Line));
        Assert.Equal("The plan's per-environment values of LOG_LEVEL, MAX_BATCH, RETURNS_ENABLED were not compared: the infrastructure does not say which environment it is for", note.Message);
    }

    [Theory]
    [InlineData("production", new string[0])]
    [InlineData("dev", new[] { "ValueDiffers LOG_LEVEL", "ValueDiffers MAX_BATCH", "ValueDiffers RETURNS_ENABLED" })]
    public void The_environment_option_says_which_values_a_template_is_compared_with(string environment, string[] values)
    {
        using var temp = InfraTestFiles.Temp();
        var path = Path.Combine(temp.Dir, "orders.template.json");
        File.Copy(Path.Combine(Assembly, "OrdersStack-prod.template.json"), path);

        var report = Diff(path, options: new DiffOptions { Environment = environment });

        Assert.Equal([.. values, "ResourceNotFound order-alerts"], Summary(report));
        Assert.Empty(report.Diagnostics);
    }

    /// <summary>The plan with its per-environment table replaced by one with a Default column.</summary>
    private static ArchPlan.Model.Plan PlanWithoutEnvironments(InfraTestFiles.TempFolder temp)
    {
        var text = File.ReadAllText(PlanPath);
        var table = text[text.IndexOf("| Variable", StringComparison.Ordinal)..text.IndexOf("### Secrets", StringComparison.Ordinal)];
        var planPath = temp.Write("plan.md", text.Replace(table, """
            | Variable           | Default               | Used by        |
            | ------------------ | --------------------- | -------------- |
            | `ORDERS_TABLE`     | _(from DynamoDB table)_ | all          |
            | `EVENTS_QUEUE_URL` | _(from SQS queue)_    | `order-api`    |
            | `EXPORT_BUCKET`    | _(from S3 bucket)_    | `order-worker` |
            | `CURRENCY`         | `EUR`                 | `order-api`    |
            | `SOURCE_PROVIDER`  | `GITHUB`              | `order-worker` |
            | `PAYMENTS_API_KEY` | _(Secrets Manager)_   | `order-api`    |
            | `LOG_LEVEL`        |                       | all            |
            | `MAX_BATCH`        |                       | `order-worker` |
            | `RETURNS_ENABLED`  |                       | `order-worker` |
            | `AUDIT_TOPIC_ARN`  | _(from SNS topic)_    | `order-worker` |

            """, StringComparison.Ordinal).Replace("- **CloudWatch Alarm**", "- **Step Functions state machine** `order-saga` — coordinates refunds\n- **CloudWatch Alarm**", StringComparison.Ordinal));
        var plan = ArchPlan.Pipeline.PlanLoader.Load(planPath).Value!;
        Assert.Empty(plan.Environments);
        return plan;
    }

    [Fact]
    public void Stacks_for_several_environments_are_compared_per_environment_even_when_the_plan_gives_no_environment_values()
    {
        using var temp = InfraTestFiles.Temp();
        var plan = PlanWithoutEnvironments(temp);
        var assembly = EditedAssembly(temp, ("OrdersStack-prod", t => t.Resources.Remove("OrderWorkerErrorsDB7C298A")));

        var report = Diff(assembly, plan: plan);

        // The alarm only prod lacks is missing there; what both lack is missing everywhere.
        Assert.Equal(["VariableNotSet AUDIT_TOPIC_ARN", "ResourceNotFound order-saga", "ResourceNotFound order-worker-errors [prod]"], Summary(report));
        Assert.Equal(["dev", "prod"], report.Comparisons.Select(c => c.Environment));
    }

    [Fact]
    public void Stacks_that_share_one_app_between_them_are_compared_as_one_app()
    {
        using var temp = InfraTestFiles.Temp();
        var plan = PlanWithoutEnvironments(temp);
        var copy = temp.CopyFolder(Assembly, "cdk.out");
        File.Delete(Path.Combine(copy, "OrdersStack-prod.template.json"));
        File.Move(Path.Combine(copy, "OrdersStack-dev.template.json"), Path.Combine(copy, "OrdersCore.template.json"));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "manifest.json")))!;
        var artifacts = manifest["artifacts"]!.AsObject();
        artifacts.Remove("OrdersStack-prod");
        var core = artifacts["OrdersStack-dev"]!.DeepClone().AsObject();
        artifacts.Remove("OrdersStack-dev");
        core["properties"]!["templateFile"] = "OrdersCore.template.json";
        core["properties"]!.AsObject().Remove("tags");
        core.Remove("metadata");
        core["displayName"] = "OrdersCore";
        artifacts["OrdersCore"] = core;
        File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.ToJsonString());

        var report = Diff(copy, plan: plan);

        // The topic is in the monitoring stack, the rest in the core stack: each counts for the app.
        Assert.Equal(["VariableNotSet AUDIT_TOPIC_ARN", "ResourceNotFound order-saga"], Summary(report));
        var comparison = Assert.Single(report.Comparisons);
        Assert.Null(comparison.Environment);
        Assert.Equal(["OrdersMonitoring", "OrdersReporting", "OrdersCore"], comparison.Stacks);
        Assert.EndsWith("compared as one app (a resource or variable on any stack counts).", DiffRenderer.ReadLine(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_for_an_environment_without_a_stack_is_reported_for_that_environment()
    {
        var plan = Plan with
        {
            Secrets = Plan.Secrets.Append(new ArchPlan.Model.PlannedSecret
            {
                Name = "orders/uat/payments-api-key",
                Environment = "uat",
                Location = new SourceLocation(PlanPath, 63, 3),
            }).ToEquatableArray(),
        };

        var finding = Assert.Single(Diff(Assembly, plan: plan).Findings);

        Assert.Equal((FindingKind.SecretNotReferenced, "orders/uat/payments-api-key", "uat"), (finding.Kind, finding.Subject, finding.Environment));
    }
}
