using ArchPlan.Infrastructure;
using ArchPlan.Tables;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

public sealed class TableModelTests
{
    [Fact]
    public void A_variable_on_several_resources_is_one_row_listing_them()
    {
        var model = TableModel.From(Stack([
            Lambda("Api", Var("LOG_LEVEL", Literal("INFO")), Var("API_ONLY", Literal("1"))),
            Lambda("Worker", Var("LOG_LEVEL", Literal("INFO"))),
        ])).Value!;

        var logLevel = Assert.Single(model.Variables, v => v.Name == "LOG_LEVEL");
        Assert.Equal(["Api", "Worker"], logLevel.UsedBy);
        Assert.True(logLevel.UsedByAll);
        Assert.False(model.Variables.Single(v => v.Name == "API_ONLY").UsedByAll);
        Assert.Equal(["API_ONLY", "LOG_LEVEL"], model.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Reports_a_variable_with_different_values_and_keeps_the_first()
    {
        var result = TableModel.From(Stack([Lambda("Api", Var("PAGE_SIZE", Literal("10"))), Lambda("Worker", Var("PAGE_SIZE", Literal("50")))]));

        Assert.Equal("10", result.Value!.Variables.Single().Value.Text);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AP5001", diagnostic.Id);
        Assert.Contains("'10' on Api but '50' on Worker", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lambda_secret_arn_variable_is_the_plans_secret_sourced_variable()
    {
        var model = TableModel.From(Stack([Lambda("Api", Var("DB_PASSWORD_SECRET_ARN", Secret("orders/db")))])).Value!;

        var variable = Assert.Single(model.Variables);
        Assert.Equal("DB_PASSWORD", variable.Name);
        Assert.Equal(CodeValueKind.FromSecret, variable.Value.Kind);
        Assert.Equal(["DB_PASSWORD_SECRET_ARN"], variable.Aliases);
        // The function reads the secret at run time: its shape is not visible in the infrastructure.
        Assert.Equal(new CodeSecret("orders/db", SecretShape.Unknown, default), Assert.Single(model.Secrets));
    }

    [Fact]
    public void Container_secrets_give_the_fields_a_json_secret_is_read_for()
    {
        var model = TableModel.From(Stack([Container("Task", [],
            [Var("DB_USER", Secret("orders/db", "username")), Var("DB_PASSWORD", Secret("orders/db", "password")), Var("TOKEN", Secret("orders/token"))])])).Value!;

        Assert.Equal(["password", "username"], model.Secrets.Single(s => s.Name == "orders/db").Fields);
        Assert.Equal(SecretShape.Json, model.Secrets.Single(s => s.Name == "orders/db").Shape);
        Assert.Equal(SecretShape.Plain, model.Secrets.Single(s => s.Name == "orders/token").Shape);
        Assert.All(model.Variables, v => Assert.Equal(CodeValueKind.FromSecret, v.Value.Kind));
    }

    [Fact]
    public void A_context_value_with_a_known_default_counts_as_that_literal()
    {
        var model = TableModel.From(Stack([Lambda("Api",
            Var("STAGE", new InfraValue(InfraValueKind.Context, "prod", ContextKey: "stage")),
            Var("REGION", new InfraValue(InfraValueKind.Context, null, ContextKey: "region")))])).Value!;

        Assert.Equal(new CodeValue(CodeValueKind.Literal, "prod"), model.Variables.Single(v => v.Name == "STAGE").Value);
        Assert.Equal(CodeValueKind.Unknown, model.Variables.Single(v => v.Name == "REGION").Value.Kind);
    }

    [Fact]
    public void References_name_the_resource_by_physical_name_then_construct_id()
    {
        var model = TableModel.From(Stack(
            [Lambda("Api", Var("BUCKET", Ref("Bucket83908E77")), Var("QUEUE", Ref("QueueABC")), Var("TABLE", Ref("Elsewhere")))],
            [Resource("Bucket83908E77", "AWS::S3::Bucket") with { CdkPath = "OrdersStack/Receipts/Resource" }, Resource("QueueABC", "AWS::SQS::Queue", "orders-events")])).Value!;

        Assert.Equal("Receipts", model.Variables.Single(v => v.Name == "BUCKET").Value.Resource);
        Assert.Equal("orders-events", model.Variables.Single(v => v.Name == "QUEUE").Value.Resource);
        Assert.Equal("Elsewhere", model.Variables.Single(v => v.Name == "TABLE").Value.Resource);
    }

    [Fact]
    public void A_logical_id_without_path_metadata_loses_cdks_hash_suffix()
    {
        var model = TableModel.From(Stack(
            [Lambda("Api", Var("BUCKET", Ref("SnapshotBucketB2BF31D3")), Var("PLAIN", Ref("MyQueue")))],
            [Resource("SnapshotBucketB2BF31D3", "AWS::S3::Bucket"), Resource("MyQueue", "AWS::SQS::Queue")])).Value!;

        Assert.Equal("SnapshotBucket", model.Variables.Single(v => v.Name == "BUCKET").Value.Resource);
        Assert.Equal("MyQueue", model.Variables.Single(v => v.Name == "PLAIN").Value.Resource);
    }

    [Fact]
    public void Skips_cdk_helper_functions_and_variables_cdk_adds_itself()
    {
        var helper = Lambda("LogRetention", Var("HELPER_VAR", Literal("x"))) with { IsHelper = true };
        var model = TableModel.From(Stack([helper, Lambda("Api", Var("AWS_NODEJS_CONNECTION_REUSE_ENABLED", Literal("1")), Var("OWN", Literal("y")))])).Value!;

        Assert.Equal(["OWN"], model.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Leaves_out_secrets_whose_name_cannot_be_recovered()
    {
        var result = TableModel.From(Stack([Lambda("Api")], secrets: ["orders/api-key", "${Token[TOKEN.123]}"]));

        Assert.Equal(["orders/api-key"], result.Value!.Secrets.Select(s => s.Name));
        Assert.Equal("AP5002", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("NotificationsProdStack", "prod")]
    [InlineData("orders-dev", "dev")]
    [InlineData("OrdersStagingStack", "staging")]
    [InlineData("OrdersStack", null)]
    [InlineData("DevToProdStack", null)]
    public void Reads_the_environment_a_stack_name_names(string stack, string? expected)
    {
        Assert.Equal(expected, TableModel.EnvironmentOfStack(stack));
    }
}
