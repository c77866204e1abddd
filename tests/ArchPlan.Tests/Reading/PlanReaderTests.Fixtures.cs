using ArchPlan.Model;
using ArchPlan.Reading;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

/// <summary>One test per fixture plan in TestFiles/plans, asserting the complete reading given in its README.</summary>
public sealed partial class PlanReaderTests
{
    private const string TemplateSecrets = "Secret Name=Name,Description=Description,Format=Format";
    private const string TemplateVariables = "Variable=Name,Description=Description,Example=Value,Required=Required";
    private const string DbFormat = "JSON: {username, password, host, port, database}";
    private const string DbFields = "fields=username,password,host,port,database";
    private const string OrdersApi = "19 LambdaFunction orders-api runtime=nodejs20.x memory=256 timeout=10";

    /// <summary>The standard front matter of a fixture, lines 2–6.</summary>
    private static string[] StandardFrontMatter(string title, string product) =>
        [$"title={title}@2", "date=2026-11-01@3", "status=active@4", "author=Ana Souza@5", $"product={product}@6"];

    private static void AssertFrontMatterProduct(Plan plan, string product)
    {
        Assert.Equal(product, plan.Product);
        Assert.Equal(ProductOrigin.FrontMatter, plan.ProductOrigin);
        Assert.Equal(6, plan.ProductLocation?.Line);
        Assert.True(plan.FrontMatter.IsPresent);
    }

    [Fact]
    public void Reads_the_template_as_is()
    {
        var (plan, diagnostics) = ReadFixture("01-template-as-is.md");

        Assert.Equal(["title=[Brief Title]@2", "date=YYYY-MM-DD@3", "status=active@4", "author=[Your Name]@5", "related_rfc=@6", "discussion=@7"], Fields(plan.FrontMatter));
        Assert.Null(plan.FrontMatter.Product);
        Assert.Null(plan.Product);
        Assert.Equal(ProductOrigin.None, plan.ProductOrigin);
        Assert.Equal("[product]-leaderboard-snapshot-stack.ts", plan.StackFileName);
        Assert.Equal("infrastructure=137 resources=139 stack=143 configuration=158 variables=160 secrets=167", Describe(plan.Sections));
        Resources(plan);
        ConfigTables(plan, $"EnvironmentVariables@162 {TemplateVariables}", $"Secrets@169 {TemplateSecrets}");
        Variables(plan,
            "164 DATABASE_URL literal:postgresql://... required",
            "165 FEATURE_FLAG literal:true optional");
        Secrets(plan, $"171 [product]/db/credentials {DbFields} format={DbFormat}");
        Assert.Empty(plan.Environments);
        // The template's resource list is a placeholder paragraph: no resources is worth a warning.
        Assert.Equal(["AP1303@139"], Codes(diagnostics));
    }

    [Fact]
    public void Reads_a_variable_default_description_table()
    {
        var (plan, diagnostics) = ReadFixture("02-variable-default-description.md");

        Assert.Equal(StandardFrontMatter("Default column layout", "orders"), Fields(plan.FrontMatter));
        AssertFrontMatterProduct(plan, "orders");
        Assert.Null(plan.StackFileName);
        Resources(plan, OrdersApi, "20 DynamoDbTable orders");
        ConfigTables(plan, "EnvironmentVariables@26 Variable=Name,Default=Value,Description=Description");
        Variables(plan,
            "28 ORDERS_TABLE resource:DynamoDB table unspecified",
            "29 PAGE_SIZE literal:50 unspecified",
            "30 REGION_LABEL none unspecified");
        Assert.All(plan.Variables, v => Assert.Null(v.RequiredText));
        Assert.Equal("orders", ResolvedResource(plan, plan.Variables[0]));
        Secrets(plan);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_type_description_default_required_table()
    {
        var (plan, diagnostics) = ReadFixture("03-type-description-default-required.md");

        AssertFrontMatterProduct(plan, "orders");
        ConfigTables(plan, "EnvironmentVariables@25 Variable=Name,Type=Type,Description=Description,Default=Value,Required=Required");
        Variables(plan,
            "27 PAGE_SIZE literal:50 optional type=int",
            "28 ENABLE_EXPORT literal:false optional type=bool",
            "29 PUBLIC_BASE_URL none optional type=string");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_an_env_var_handler_default_purpose_table_with_file_scopes()
    {
        var (plan, diagnostics) = ReadFixture("04-envvar-handler-default-purpose.md");

        Resources(plan, OrdersApi, "20 LambdaFunction orders-export runtime=nodejs20.x memory=1024 timeout=300");
        ConfigTables(plan, "EnvironmentVariables@26 Env Var=Name,Handler / File=Scope,Default=Value,Purpose=Description");
        Variables(plan,
            "28 PAGE_SIZE literal:50 unspecified scope=src/api/handler.ts",
            "29 EXPORT_FORMAT literal:csv unspecified scope=src/export/handler.ts",
            "30 LOG_LEVEL literal:info unspecified");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_secret_purpose_table_without_format()
    {
        var (plan, diagnostics) = ReadFixture("05-secret-purpose.md");

        AssertFrontMatterProduct(plan, "billing");
        Resources(plan, "19 LambdaFunction invoice-sender runtime=python3.12 memory=256 timeout=30");
        ConfigTables(plan, $"EnvironmentVariables@25 {TemplateVariables}", "Secrets@31 Secret=Name,Purpose=Description");
        Variables(plan, "27 SMTP_PASSWORD secret:billing/smtp/password required");
        Secrets(plan, "33 billing/smtp/password", "34 billing/pdf-service/key");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_two_variable_tables_scoped_by_their_headings()
    {
        var (plan, diagnostics) = ReadFixture("06-two-env-tables-api-worker.md");

        Resources(plan,
            OrdersApi,
            "20 FargateService orders-worker memory=1024 cpu=512 image=orders-worker",
            "21 SqsQueue order-events Triggers->orders-worker");
        ConfigTables(plan, $"EnvironmentVariables@27 {TemplateVariables}", $"EnvironmentVariables@34 {TemplateVariables}");
        Assert.Equal(["API", "Worker"], plan.Tables.Select(t => t.Heading));
        Variables(plan,
            "29 PAGE_SIZE literal:50 optional scope=API",
            "30 QUEUE_URL resource:SQS queue required scope=API",
            "36 CONCURRENCY literal:4 optional scope=Worker",
            "37 QUEUE_URL resource:SQS queue required scope=Worker");
        Assert.Equal([0, 0, 1, 1], plan.Variables.Select(v => v.TableIndex));
        Assert.Equal("order-events", ResolvedResource(plan, plan.Variables[3]));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_secrets_placed_before_the_variables()
    {
        var (plan, diagnostics) = ReadFixture("07-secrets-before-environment-variables.md");

        Resources(plan, OrdersApi, "20 RdsInstance orders-db");
        Assert.Equal("infrastructure=15 resources=17 stack=- configuration=22 variables=30 secrets=24", Describe(plan.Sections));
        ConfigTables(plan, $"Secrets@26 {TemplateSecrets}", $"EnvironmentVariables@32 {TemplateVariables}");
        Secrets(plan, $"28 orders/db/credentials {DbFields} format={DbFormat}");
        Variables(plan,
            "34 DB_HOST resource:RDS required",
            "35 DB_USER secret:orders/db/credentials#username required",
            "36 DB_PASSWORD secret:orders/db/credentials#password required");
        Assert.Equal("orders-db", ResolvedResource(plan, plan.Variables[0]));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_variable_table_directly_under_configuration()
    {
        var (plan, diagnostics) = ReadFixture("08-env-table-directly-under-configuration.md");

        Assert.Equal(21, plan.Sections.Configuration?.Line);
        Assert.Null(plan.Sections.EnvironmentVariables);
        ConfigTables(plan, $"EnvironmentVariables@23 {TemplateVariables}");
        Assert.Equal("Configuration", plan.Tables[0].Heading);
        Variables(plan, "25 PAGE_SIZE literal:50 optional", "26 LOG_LEVEL literal:info optional");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Merges_rows_of_an_environment_column_into_one_variable_per_name()
    {
        var (plan, diagnostics) = ReadFixture("09-environment-column.md");

        ConfigTables(plan, "EnvironmentVariables@25 Variable=Name,Environment=Environment,Value=Value,Description=Description");
        Assert.Equal(["dev", "staging", "prod"], plan.Environments);
        Variables(plan,
            "27 API_BASE none unspecified dev@27=literal:https://api.dev.example.com staging@28=literal:https://api.staging.example.com prod@29=literal:https://api.example.com",
            "30 PAGE_SIZE none unspecified dev@30=literal:10 prod@31=literal:50",
            "32 LOG_LEVEL literal:info unspecified");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_one_table_per_environment_with_the_heading_as_environment()
    {
        var (plan, diagnostics) = ReadFixture("10-table-per-environment.md");

        ConfigTables(plan, $"EnvironmentVariables@27 {TemplateVariables}", $"EnvironmentVariables@34 {TemplateVariables}");
        Assert.Equal(["Production", "Staging"], plan.Tables.Select(t => t.Heading));
        Assert.Equal(["production", "staging"], plan.Tables.Select(t => t.Environment));
        Assert.Equal(["production", "staging"], plan.Environments);
        Variables(plan,
            "29 API_BASE none required production@29=literal:https://api.example.com staging@36=literal:https://api.staging.example.com",
            "30 PAGE_SIZE none optional production@30=literal:50 staging@37=literal:10");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_one_column_per_environment()
    {
        var (plan, diagnostics) = ReadFixture("11-columns-per-environment.md");

        ConfigTables(plan, "EnvironmentVariables@25 Variable=Name,Description=Description,dev=EnvironmentValue(dev),staging=EnvironmentValue(staging),prod=EnvironmentValue(prod),Required=Required");
        Assert.Equal(["dev", "staging", "prod"], plan.Environments);
        Variables(plan,
            "27 PAGE_SIZE none optional dev@27=literal:10 staging@27=literal:10 prod@27=literal:50",
            "28 LOG_LEVEL none optional dev@28=literal:debug staging@28=literal:info prod@28=literal:warn",
            "29 FEATURE_X none optional dev@29=literal:true prod@29=literal:false");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_plain_secrets_heading()
    {
        var (plan, diagnostics) = ReadFixture("12-heading-secrets-plain.md");

        Assert.Equal(23, plan.Sections.EnvironmentVariables?.Line);
        Assert.Equal(29, plan.Sections.Secrets?.Line);
        ConfigTables(plan, $"EnvironmentVariables@25 {TemplateVariables}", $"Secrets@31 {TemplateSecrets}");
        Variables(plan, "27 PAYMENT_TOKEN secret:orders/payment-token required");
        Secrets(plan, "33 orders/payment-token format=Plain string");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_headings_with_closing_hashes_and_emphasis()
    {
        var (plan, diagnostics) = ReadFixture("13-heading-closing-hashes-and-emphasis.md");

        Assert.Equal("infrastructure=15 resources=17 stack=- configuration=21 variables=23 secrets=29", Describe(plan.Sections));
        Assert.Equal(["Environment Variables", "Secrets (AWS Secrets Manager)"], plan.Tables.Select(t => t.Heading));
        Resources(plan, OrdersApi);
        Variables(plan, "27 PAGE_SIZE literal:50 optional");
        Secrets(plan, "33 orders/payment-token format=Plain string");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_setext_headings()
    {
        var (plan, diagnostics) = ReadFixture("14-setext-headings.md");

        Assert.Equal("infrastructure=17 resources=20 stack=- configuration=24 variables=27 secrets=-", Describe(plan.Sections));
        Resources(plan, "22 LambdaFunction orders-api runtime=nodejs20.x memory=256 timeout=10");
        ConfigTables(plan, $"EnvironmentVariables@29 {TemplateVariables}");
        Variables(plan, "31 PAGE_SIZE literal:50 optional");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Removes_cell_markup_and_keeps_escaped_pipes()
    {
        var (plan, diagnostics) = ReadFixture("15-cell-markup.md");

        Variables(plan,
            "27 LOG_LEVEL literal:info optional",
            "28 DOCS_URL literal:https://docs.example.com optional",
            "29 FIELD_SEPARATOR literal:| optional",
            "30 GREETING literal:hello | world optional",
            "31 DEFAULT_SORT literal:newest optional");
        Assert.Equal(
            ["Log level, one of debug, info, warn", "See the runbook", "Separator for exports, either | or ;", "Text with a pipe: hello | world", "Sort order, usually newest first"],
            plan.Variables.Select(v => v.Description));
        Assert.Equal(25, plan.Tables.Single().Location.Line);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_values_from_resources_and_from_json_secret_fields()
    {
        var (plan, diagnostics) = ReadFixture("16-values-from-resources-and-secrets.md");

        Resources(plan,
            "19 LambdaFunction reports-builder runtime=python3.12 memory=512 timeout=120",
            "20 RdsInstance reports-db",
            "21 S3Bucket reports-archive");
        Variables(plan,
            "29 REPORTS_DB_HOST resource:RDS required",
            "30 ARCHIVE_BUCKET resource:S3 bucket required",
            "31 REPORTS_DB_USERNAME secret:reports/db/credentials#username required",
            "32 REPORTS_DB_PASSWORD secret:reports/db/credentials#password required");
        Assert.Equal(["reports-db", "reports-archive"], plan.Variables.Take(2).Select(v => ResolvedResource(plan, v)));
        Secrets(plan, $"38 reports/db/credentials {DbFields} format={DbFormat}");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_every_spelling_of_required()
    {
        var (plan, diagnostics) = ReadFixture("17-required-spellings.md");

        Assert.Equal(25, plan.Tables.Single().Location.Line);
        Variables(plan,
            "27 VAR_A literal:a required",
            "28 VAR_B literal:b required",
            "29 VAR_C literal:c required",
            "30 VAR_D literal:d required",
            "31 VAR_E literal:e required",
            "32 VAR_F literal:f optional",
            "33 VAR_G literal:g optional",
            "34 VAR_H literal:h unspecified",
            "35 VAR_I literal:i required");
        Assert.Equal(["yes", "Yes", "Y", "true", "✓", "optional", "No", "", "Yes"], plan.Variables.Select(v => v.RequiredText));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Ignores_tables_that_only_look_like_configuration()
    {
        var (plan, diagnostics) = ReadFixture("18-decoy-tables.md");

        Assert.Equal(35, plan.Sections.Configuration?.Line);
        Assert.Equal(37, plan.Sections.EnvironmentVariables?.Line);
        Assert.Equal(43, plan.Sections.Secrets?.Line);
        ConfigTables(plan, $"EnvironmentVariables@39 {TemplateVariables}", $"Secrets@45 {TemplateSecrets}");
        Variables(plan, "41 PAGE_SIZE literal:50 optional");
        Secrets(plan, "47 orders/payment-token format=Plain string");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_numbered_resource_list_with_plain_text_kinds()
    {
        var (plan, diagnostics) = ReadFixture("19-resources-numbered-list.md");

        Resources(plan,
            "19 LambdaFunction thumbnail-maker runtime=nodejs20.x memory=1024 timeout=60",
            "20 S3Bucket image-uploads Triggers->thumbnail-maker",
            "21 SqsQueue thumbnail-retries dlq");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_bold_resource_names()
    {
        var (plan, diagnostics) = ReadFixture("20-resources-bold-names.md");

        Resources(plan,
            "19 LambdaFunction thumbnail-maker runtime=nodejs20.x memory=1024 timeout=60",
            "20 S3Bucket image-uploads",
            "21 SnsTopic thumbnail-events");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_code_span_resource_names_before_or_after_the_kind()
    {
        var (plan, diagnostics) = ReadFixture("21-resources-code-span-names.md");

        Resources(plan,
            "19 LambdaFunction thumbnail-maker runtime=nodejs20.x memory=1024 timeout=60",
            "20 S3Bucket image-uploads",
            "21 SnsTopic thumbnail-events");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_every_resource_kind_and_warns_about_the_unknown_one()
    {
        var (plan, diagnostics) = ReadFixture("22-resources-every-kind.md");

        Resources(plan,
            "19 LambdaFunction api-handler runtime=python3.12 memory=512 timeout=30",
            "20 LambdaFunction nightly-cleanup runtime=dotnet8 memory=1024 timeout=900",
            "21 FargateService web-frontend memory=512 cpu=256 image=web-frontend",
            "22 FargateTask batch-import memory=4096 cpu=2048 image=batch-import",
            "23 S3Bucket everything-uploads",
            "24 DynamoDbTable everything-items",
            "25 SqsQueue work-items dlq",
            "26 SnsTopic ops-alerts",
            "27 EventBridgeRule five-minute-poll schedule=rate(5 minutes) Triggers->api-handler",
            "28 EventBridgeRule daily-import schedule=cron(0 10 * * ? *) Starts->batch-import",
            "29 EventBridgeRule weekday-cleanup schedule=cron(0 3 ? * MON-FRI *) Triggers->nightly-cleanup",
            "30 EventBridgeRule hourly-sync schedule=rate(1 hour) Triggers->api-handler",
            "31 RestApi public-api Fronts->api-handler",
            "32 HttpApi internal-api Fronts->api-handler",
            "33 CloudWatchAlarm api-errors Notifies->ops-alerts",
            "34 RdsInstance everything-db",
            "35 AuroraCluster everything-aurora",
            "36 StateMachine order-workflow",
            "37 Unknown flux-1");
        Assert.Equal(["AP1301@37"], Codes(diagnostics));
        var unknown = Assert.Single(diagnostics, d => d.Id == "AP1301");
        Assert.Equal(ArchPlan.Diagnostics.Severity.Warning, unknown.Severity);
        Assert.Contains("Quantum flux capacitor", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_product_from_the_front_matter()
    {
        var (plan, diagnostics) = ReadFixture("23-product-from-front-matter.md");

        AssertFrontMatterProduct(plan, "shop");
        Assert.Null(plan.StackFileName);
        Resources(plan, "19 LambdaFunction cart-api runtime=nodejs20.x memory=256 timeout=10");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Takes_the_product_from_the_stack_structure()
    {
        var (plan, diagnostics) = ReadFixture("24-product-from-stack-structure.md");

        Assert.Equal(["title=Product from stack structure@2", "date=2026-11-01@3", "status=active@4", "author=Ana Souza@5"], Fields(plan.FrontMatter));
        Assert.Equal("warehouse", plan.Product);
        Assert.Equal(ProductOrigin.StackStructure, plan.ProductOrigin);
        Assert.Equal(23, plan.ProductLocation?.Line);
        Assert.Equal("warehouse-stock-sync-stack.ts", plan.StackFileName);
        Assert.Equal("infrastructure=14 resources=16 stack=20 configuration=- variables=- secrets=-", Describe(plan.Sections));
        Resources(plan, "18 LambdaFunction stock-sync runtime=python3.12 memory=256 timeout=60");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_plan_that_names_no_product()
    {
        var (plan, diagnostics) = ReadFixture("25-product-none.md");

        Assert.Null(plan.Product);
        Assert.Equal(ProductOrigin.None, plan.ProductOrigin);
        Assert.Null(plan.ProductLocation);
        Resources(plan, "18 LambdaFunction stock-sync runtime=python3.12 memory=256 timeout=60");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Replaces_the_product_placeholder_in_the_stack_file()
    {
        var (plan, diagnostics) = ReadFixture("26-product-placeholder-in-stack-structure.md");

        AssertFrontMatterProduct(plan, "orders");
        Assert.Equal("orders-orders-api-stack.ts", plan.StackFileName);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Ignores_a_table_inside_a_fenced_code_block()
    {
        var (plan, diagnostics) = ReadFixture("27-table-inside-code-fence.md");

        ConfigTables(plan, $"EnvironmentVariables@33 {TemplateVariables}");
        Variables(plan, "35 PAGE_SIZE literal:50 optional");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reads_a_table_inside_a_blockquote()
    {
        var (plan, diagnostics) = ReadFixture("28-table-inside-blockquote.md");

        ConfigTables(plan, $"EnvironmentVariables@27 {TemplateVariables}");
        Assert.Equal(3, plan.Tables[0].Location.Column);
        Variables(plan, "29 PAGE_SIZE literal:50 optional", "30 LOG_LEVEL literal:info optional");
        Assert.Empty(diagnostics);
    }
}
