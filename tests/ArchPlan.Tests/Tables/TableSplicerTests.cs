using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tables;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

public sealed class TableSplicerTests
{
    private static readonly InfraResource OrdersTable = Resource("OrdersTable", "AWS::DynamoDB::Table", "orders");

    /// <summary>The infrastructure that matches <see cref="Plans.Current"/>, plus <paramref name="extra"/> variables.</summary>
    internal static InfraModel CurrentCode(params InfraVariable[] extra) => CodeWith(
        [Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO")), .. extra]);

    internal static InfraModel CodeWith(InfraVariable[] variables, string[]? secrets = null) =>
        Stack([Lambda("OrdersApi", variables)], [OrdersTable], secrets ?? ["orders/api-key"]);

    internal static string Splice(string text, InfraModel infra, TablesOptions? options = null, string path = "plan.md")
    {
        var plan = PlanReader.Parse(text, path).Value!;
        var model = TableModel.From(infra).Value!;
        return TableSplicer.Splice(text, plan, model, options).Value!;
    }

    [Fact]
    public void Leaves_a_current_plan_byte_for_byte_even_when_its_rows_are_out_of_line()
    {
        Assert.Equal(Plans.Current, Splice(Plans.Current, CurrentCode()));
    }

    [Fact]
    public void Adds_a_variable_set_in_code_with_its_value_and_keeps_every_other_byte()
    {
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                    | No       |
            | `LOG_LEVEL`    | Log level                  | `INFO`                  | No       |
            | `FEATURE_X`    |                            | `on`                    | Yes      |
            """);

        Assert.Equal(expected, Splice(Plans.Current, CurrentCode(Var("FEATURE_X", Literal("on")))));
    }

    [Fact]
    public void New_rows_are_appended_sorted_by_name_after_the_existing_rows()
    {
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                    | No       |
            | `LOG_LEVEL`    | Log level                  | `INFO`                  | No       |
            | `ALPHA`        |                            | `1`                     | Yes      |
            | `ZULU`         |                            | `2`                     | Yes      |
            """);

        Assert.Equal(expected, Splice(Plans.Current, CurrentCode(Var("ZULU", Literal("2")), Var("ALPHA", Literal("1")))));
    }

    [Fact]
    public void Removes_the_row_of_a_variable_the_code_no_longer_sets()
    {
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                    | No       |
            """);

        Assert.Equal(expected, Splice(Plans.Current, CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50"))])));
    }

    [Fact]
    public void Refreshes_a_changed_value_and_keeps_the_description_as_written()
    {
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `25`                    | No       |
            | `LOG_LEVEL`    | Log level                  | `INFO`                  | No       |
            """);

        Assert.Equal(expected, Splice(Plans.Current, CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("25")), Var("LOG_LEVEL", Literal("INFO"))])));
    }

    [Fact]
    public void A_value_that_became_a_secret_or_a_reference_is_written_in_the_plans_words()
    {
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | `orders-v2`             | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | _(from orders)_         | No       |
            | `LOG_LEVEL`    | Log level                  | _(Secrets Manager)_     | No       |
            """);

        var code = CodeWith([Var("ORDERS_TABLE", Literal("orders-v2")), Var("PAGE_SIZE", Ref("OrdersTable")), Var("LOG_LEVEL_SECRET_ARN", Secret("orders/api-key"))]);

        Assert.Equal(expected, Splice(Plans.Current, code));
    }

    [Fact]
    public void Escapes_pipes_in_values_inside_and_outside_code_spans()
    {
        var plainValues = """
            | Variable       | Description              | Example | Required |
            | -------------- | ------------------------ | ------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in | orders  | Yes      |
            """;
        var expected = Plans.With("""
            | Variable       | Description              | Example     | Required |
            | -------------- | ------------------------ | ----------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in | orders      | Yes      |
            | `SPLIT_ON`     |                          | a\|b\\\|\*c | Yes      |
            """);

        var code = CodeWith([Var("ORDERS_TABLE", Literal("orders")), Var("SPLIT_ON", Literal("a|b\\|*c"))]);

        var actual = Splice(Plans.With(plainValues), code);

        Assert.Equal(expected, actual);
        Assert.Equal("a|b\\|*c", PlanReader.Parse(actual, "plan.md").Value!.Variables.Single(v => v.Name == "SPLIT_ON").Value.Text);
        Assert.Equal("`a\\|b`", TableRenderer.CodeSpan("a|b"));
        Assert.Equal("``a`b``", TableRenderer.CodeSpan("a`b"));
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_a_missing_final_newline()
    {
        var stale = Plans.Current.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd();
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                    | No       |
            """).Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd();

        var actual = Splice(stale, CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50"))]));

        Assert.Equal(expected, actual);
        Assert.DoesNotContain("\n", actual.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Updates_the_secrets_table_format_from_the_fields_the_code_reads()
    {
        var expected = Plans.With(Plans.Variables, """
            | Secret Name         | Description     | Format                       |
            | ------------------- | --------------- | ---------------------------- |
            | `[product]/api-key` | Partner API key | JSON: `{key, region}`        |
            | `[product]/db`      |                 | JSON: `{password, username}` |
            """);
        var code = Stack(
            [
                Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
                Container("Worker", [], [Var("API_KEY", Secret("orders/api-key", "key")), Var("API_REGION", Secret("orders/api-key", "region")),
                    Var("DB_USER", Secret("orders/db", "username")), Var("DB_PASSWORD", Secret("orders/db", "password"))]),
            ],
            [OrdersTable]);

        var actual = Splice(Plans.Current, code);

        // The container's variables are new rows of the variables table; the secrets table is what this test is about.
        Assert.Equal(Section(expected, "| Secret Name"), Section(actual, "| Secret Name"));
        Assert.EndsWith(Plans.Tail, actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_plans_own_layout_variable_default_description()
    {
        var path = Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/plans/02-variable-default-description.md");
        var text = File.ReadAllText(path);
        var code = Stack([Lambda("Fn", Var("ORDERS_TABLE", Ref("T")), Var("PAGE_SIZE", Literal("25")), Var("REGION_LABEL", Literal("")), Var("ADDED", Literal("x")))],
            [Resource("T", "AWS::DynamoDB::Table", "orders")]);
        var expected = text.Replace("""
            | Variable       | Default               | Description              |
            | -------------- | --------------------- | ------------------------ |
            | `ORDERS_TABLE` | _(from DynamoDB table)_ | Table of orders        |
            | `PAGE_SIZE`    | `50`                  | Orders per page          |
            | `REGION_LABEL` |                       | Label shown in responses |
            """, """
            | Variable       | Default                 | Description              |
            | -------------- | ----------------------- | ------------------------ |
            | `ORDERS_TABLE` | _(from DynamoDB table)_ | Table of orders          |
            | `PAGE_SIZE`    | `25`                    | Orders per page          |
            | `REGION_LABEL` |                         | Label shown in responses |
            | `ADDED`        | `x`                     |                          |
            """, StringComparison.Ordinal);

        Assert.NotEqual(text, expected);
        Assert.Equal(expected, Splice(text, code));
    }

    [Fact]
    public void Keeps_the_blockquote_markers_of_a_table_inside_a_quote()
    {
        var path = Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/plans/28-table-inside-blockquote.md");
        var text = File.ReadAllText(path);
        var code = Stack([Lambda("Fn", Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("info")), Var("TIMEOUT_SECONDS", Literal("30")))]);
        var expected = text.Replace("""
            > | Variable    | Description     | Example | Required |
            > | ----------- | --------------- | ------- | -------- |
            > | `PAGE_SIZE` | Orders per page | `50`    | No       |
            > | `LOG_LEVEL` | Log level       | `info`  | No       |
            """, """
            > | Variable          | Description     | Example | Required |
            > | ----------------- | --------------- | ------- | -------- |
            > | `PAGE_SIZE`       | Orders per page | `50`    | No       |
            > | `LOG_LEVEL`       | Log level       | `info`  | No       |
            > | `TIMEOUT_SECONDS` |                 | `30`    | Yes      |
            """, StringComparison.Ordinal);

        Assert.NotEqual(text, expected);
        Assert.Equal(expected, Splice(text, code));
    }

    [Fact]
    public void A_plan_without_configuration_gets_the_templates_section_before_the_next_section()
    {
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")))], [OrdersTable], ["orders/api-key"]);
        var expected = Plans.Head + """
            ## Configuration

            ### Environment Variables

            | Variable       | Description | Example         | Required |
            | -------------- | ----------- | --------------- | -------- |
            | `ORDERS_TABLE` |             | _(from orders)_ | Yes      |
            | `PAGE_SIZE`    |             | `50`            | Yes      |

            ### Secrets (AWS Secrets Manager)

            | Secret Name      | Description | Format |
            | ---------------- | ----------- | ------ |
            | `orders/api-key` |             |        |

            ---

            ## Error Handling & Monitoring

            Errors go to the log.

            """;

        Assert.Equal(expected, Splice(Plans.WithoutConfiguration, code));
    }

    [Fact]
    public void Keep_removed_strikes_the_row_through_and_a_second_run_changes_nothing()
    {
        var code = CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50"))]);
        var options = new TablesOptions(KeepRemoved: true);
        var expected = Plans.With("""
            | Variable        | Description                | Example                 | Required |
            | --------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE`  | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`     | Orders per page, *max* 100 | `50`                    | No       |
            | ~~`LOG_LEVEL`~~ | Log level                  | `INFO`                  | No       |
            """);

        var once = Splice(Plans.Current, code, options);

        Assert.Equal(expected, once);
        Assert.Equal(once, Splice(once, code, options));
        // Back in code: the strike-through goes; columns never narrow, so only that row changes.
        Assert.Equal(Plans.With("""
            | Variable        | Description                | Example                 | Required |
            | --------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE`  | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`     | Orders per page, *max* 100 | `50`                    | No       |
            | `LOG_LEVEL`     | Log level                  | `INFO`                  | No       |
            """), Splice(once, CurrentCode(), options));
    }

    [Fact]
    public void A_per_environment_plan_whose_code_has_one_environments_values_stays_current()
    {
        var path = Path.Combine(RepoPaths.Root(), "samples/notifications-per-env.md");
        var text = File.ReadAllText(path);
        var code = Stack(
            [Lambda("Sender",
                Var("SENDER_ADDRESS", Literal("noreply@dev.example.com")), Var("DRY_RUN", Literal("true")), Var("MAX_BATCH_SIZE", Literal("10")),
                Var("LOG_LEVEL", Literal("DEBUG")), Var("DELIVERIES_QUEUE_URL", Ref("Queue")),
                Var("EMAIL_PROVIDER_API_KEY_SECRET_ARN", Secret("notifications/email-provider/api-key")))],
            [Resource("Queue", "AWS::SQS::Queue")],
            ["notifications/email-provider/api-key"],
            "NotificationsStack");

        Assert.Equal(text, Splice(text, code));
    }

    [Fact]
    public void A_per_environment_plan_gets_the_value_of_the_environment_the_stack_names()
    {
        var path = Path.Combine(RepoPaths.Root(), "samples/notifications-per-env.md");
        var text = File.ReadAllText(path);
        var code = Stack(
            [Lambda("Sender",
                Var("SENDER_ADDRESS", Literal("noreply@example.com")), Var("DRY_RUN", Literal("true")), Var("MAX_BATCH_SIZE", Literal("50")),
                Var("LOG_LEVEL", Literal("WARNING")), Var("DELIVERIES_QUEUE_URL", Ref("Queue")),
                Var("EMAIL_PROVIDER_API_KEY_SECRET_ARN", Secret("notifications/email-provider/api-key")))],
            [Resource("Queue", "AWS::SQS::Queue")],
            ["notifications/email-provider/api-key"],
            "NotificationsProdStack");

        var actual = Splice(text, code);

        var variables = PlanReader.Parse(actual, path).Value!.Variables.ToDictionary(v => v.Name);
        string ValueIn(string name, string environment) => variables[name].PerEnvironment.Single(e => e.Environment == environment).Value.Text!;

        Assert.Equal("true", ValueIn("DRY_RUN", "prod"));
        Assert.Equal("true", ValueIn("DRY_RUN", "dev"));
        Assert.Equal("noreply@dev.example.com", ValueIn("SENDER_ADDRESS", "dev"));
        Assert.Equal("10", ValueIn("MAX_BATCH_SIZE", "staging"));
        Assert.Equal(text[..text.IndexOf("| Variable", StringComparison.Ordinal)], actual[..actual.IndexOf("| Variable", StringComparison.Ordinal)]);
    }

    [Fact]
    public void The_leaderboard_sample_is_current_against_the_infrastructure_it_describes()
    {
        var path = Path.Combine(RepoPaths.Root(), "samples/leaderboard-snapshot.md");
        var text = File.ReadAllText(path);
        var code = Stack(
            [
                Lambda("Snapshot",
                    Var("DB_HOST", Ref("Db")), Var("DB_NAME", Literal("gamehub")),
                    Var("POSTGRES_USER_SECRET_ARN", Secret("gamehub/db/credentials")), Var("POSTGRES_PASSWORD_SECRET_ARN", Secret("gamehub/db/credentials")),
                    Var("SNAPSHOT_BUCKET", Ref("Bucket")), Var("SNAPSHOT_TABLE", Ref("Table")), Var("EVENTS_QUEUE_URL", Ref("Queue")),
                    Var("LEADERBOARD_TOP_N", Literal("1000")), Var("ESPORTS_FEED_URL", Literal("https://feed.example.com/v2")),
                    Var("ESPORTS_FEED_API_KEY_SECRET_ARN", Secret("gamehub/esports-feed/api-key")), Var("LOG_LEVEL", Literal("INFO"))),
                Lambda("Publisher", Var("LOG_LEVEL", Literal("INFO"))),
            ],
            [Resource("Db", "AWS::RDS::DBInstance"), Resource("Bucket", "AWS::S3::Bucket"), Resource("Table", "AWS::DynamoDB::Table"), Resource("Queue", "AWS::SQS::Queue")],
            ["gamehub/db/credentials", "gamehub/esports-feed/api-key"]);

        Assert.Equal(text, Splice(text, code));
    }

    [Fact]
    public void The_payments_sample_is_current_against_lambda_and_fargate_infrastructure()
    {
        var path = Path.Combine(RepoPaths.Root(), "samples/payments-api.md");
        var text = File.ReadAllText(path);
        var code = Stack(
            [
                Lambda("PaymentsHandler", Var("PAYMENTS_TABLE", Ref("Table")), Var("EVENTS_QUEUE_URL", Ref("Queue")),
                    Var("STRIPE_WEBHOOK_SIGNING_KEY_SECRET_ARN", Secret("payments/stripe/webhook-signing-key")), Var("LOG_LEVEL", Literal("info"))),
                Container("WorkerTask",
                    [Var("PAYMENTS_TABLE", Ref("Table")), Var("EVENTS_QUEUE_URL", Ref("Queue")), Var("RECEIPTS_BUCKET", Ref("Bucket")),
                     Var("SETTLEMENT_STATE_MACHINE_ARN", Ref("StateMachine")), Var("WORKER_CONCURRENCY", Literal("8")), Var("LOG_LEVEL", Literal("info"))],
                    [Var("STRIPE_API_KEY", Secret("payments/stripe/api-key"))]),
                Container("ReconciliationTask",
                    [Var("PAYMENTS_TABLE", Ref("Table")), Var("RECONCILE_WINDOW_MINUTES", Literal("15")), Var("LOG_LEVEL", Literal("info"))],
                    [Var("STRIPE_API_KEY", Secret("payments/stripe/api-key"))]),
            ],
            [Resource("Table", "AWS::DynamoDB::Table"), Resource("Queue", "AWS::SQS::Queue"), Resource("Bucket", "AWS::S3::Bucket"),
             Resource("StateMachine", "AWS::StepFunctions::StateMachine")]);

        Assert.Equal(text, Splice(text, code));
    }

    [Fact]
    public void The_arn_variable_the_generator_gives_a_planned_secret_no_variable_names_is_not_a_new_row()
    {
        // The generator hands orders/api-key to the function as API_KEY_SECRET_ARN (plus a read grant): the secret's row covers it.
        var code = CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO")),
            Var("API_KEY_SECRET_ARN", Secret("orders/api-key"))]);

        Assert.Equal(Plans.Current, Splice(Plans.Current, code));
    }

    [Fact]
    public void An_arn_variable_for_a_secret_the_plan_does_not_list_is_still_a_new_row()
    {
        var code = CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO")),
            Var("PARTNER_TOKEN_SECRET_ARN", Secret("orders/partner-token"))], ["orders/api-key", "orders/partner-token"]);

        var actual = Splice(Plans.Current, code);

        Assert.Contains("| `PARTNER_TOKEN` ", actual, StringComparison.Ordinal);
        Assert.Contains("| `[product]/partner-token` ", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_value_the_plan_leaves_to_deploy_time_is_not_replaced_by_the_value_synth_was_given()
    {
        // cdk synth -c API_TOKEN_ID=abc123 puts the literal in the template; the plan deliberately has no value for it.
        var text = Plans.With(Plans.Variables + "\n| `API_TOKEN_ID` | Issued at deploy time |                         | Yes      |");
        var code = CurrentCode(Var("API_TOKEN_ID", Literal("abc123")));

        Assert.Equal(text, Splice(text, code));
    }

    [Fact]
    public void An_optional_variable_without_a_value_gets_the_value_the_code_sets()
    {
        var text = Plans.With(Plans.Variables + "\n| `API_TOKEN_ID` | Issued at deploy time |                         | No       |");

        var actual = Splice(text, CurrentCode(Var("API_TOKEN_ID", Literal("abc123"))));

        Assert.Contains("| `API_TOKEN_ID` | Issued at deploy time      | `abc123`                | No       |", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_from_a_resource_the_plan_does_not_create_is_not_replaced_by_the_value_synth_was_given()
    {
        // The generator reads such a value from CDK context (-c LEGACY_HOST=...): in the template it is a literal.
        var text = Plans.With(Plans.Variables + "\n| `LEGACY_HOST`  | Legacy partner feed   | _(from the legacy partner feed)_ | Yes |");

        Assert.Equal(text, Splice(text, CurrentCode(Var("LEGACY_HOST", Literal("legacy.example.com")))));
    }

    [Fact]
    public void A_value_from_a_planned_resource_set_as_a_literal_in_code_is_stale()
    {
        var text = Plans.With(Plans.Variables.Replace("`INFO`                 ", "_(from DynamoDB table)_", StringComparison.Ordinal));

        var actual = Splice(text, CurrentCode());

        Assert.Contains("| `LOG_LEVEL`    | Log level                  | `INFO`                  | No       |", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_value_from_a_resource_is_written_with_the_plans_name_for_it_not_the_construct_id()
    {
        var table = new InfraResource
        {
            LogicalId = "OrdersTable8B3C1E2A",
            Type = "AWS::DynamoDB::Table",
            Kind = ArchPlan.Model.ResourceKind.DynamoDbTable,
            Role = InfraRole.Primary,
            CdkPath = "OrdersStack/OrdersTable/Resource",
            Location = new InfraLocation(new ArchPlan.Diagnostics.SourceLocation("template.json", 1, 1), "OrdersTable8B3C1E2A"),
        };
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable8B3C1E2A")), Var("PAGE_SIZE", Literal("50")),
            Var("LOG_LEVEL", Literal("INFO")), Var("ARCHIVE_TABLE", Ref("OrdersTable8B3C1E2A")))], [table], ["orders/api-key"]);

        var actual = Splice(Plans.Current, code);

        Assert.Contains("| `ARCHIVE_TABLE` |                            | _(from orders)_         | Yes      |", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("OrdersTable", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_format_listing_fields_the_code_does_not_read_is_current()
    {
        var secrets = """
            | Secret Name        | Description | Format                                   |
            | ------------------ | ----------- | ---------------------------------------- |
            | `[product]/db`     | Database    | JSON: `{username, password, host, port}` |
            """;
        var text = Plans.With(Plans.Variables, secrets);
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
            Container("Worker", [], [Var("DB_PASSWORD", Secret("orders/db", "password"))])], [OrdersTable]);

        Assert.Equal(Section(text, "| Secret Name"), Section(Splice(text, code), "| Secret Name"));
    }

    [Fact]
    public void A_json_format_gets_the_fields_the_code_reads_and_keeps_the_ones_it_lists()
    {
        var secrets = """
            | Secret Name    | Description | Format                |
            | -------------- | ----------- | --------------------- |
            | `[product]/db` | Database    | JSON: `{host, port}`  |
            """;
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
            Container("Worker", [], [Var("DB_PASSWORD", Secret("orders/db", "password"))])], [OrdersTable]);

        var actual = Splice(Plans.With(Plans.Variables, secrets), code);

        Assert.Contains("| `[product]/db` | Database    | JSON: `{host, port, password}` |", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_format_is_current_for_a_secret_the_code_hands_over_whole()
    {
        var secrets = """
            | Secret Name         | Description     | Format |
            | ------------------- | --------------- | ------ |
            | `[product]/api-key` | Partner API key |        |
            """;
        var text = Plans.With(Plans.Variables, secrets);
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
            Container("Worker", [], [Var("API_KEY", Secret("orders/api-key"))])], [OrdersTable]);

        Assert.Equal(Section(text, "| Secret Name"), Section(Splice(text, code), "| Secret Name"));
    }

    [Fact]
    public void With_several_secrets_a_value_from_a_secret_names_the_secret_in_the_tables_own_spelling()
    {
        var secrets = """
            | Secret Name         | Description     | Format       |
            | ------------------- | --------------- | ------------ |
            | `[product]/api-key` | Partner API key | Plain string |
            | `[product]/db`      | Database        | Plain string |
            """;
        var code = Stack([Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
            Container("Worker", [], [Var("PARTNER_KEY", Secret("orders/api-key"))])], [OrdersTable], ["orders/db"]);
        var text = Plans.With(Plans.Variables, secrets);

        var actual = Splice(text, code);
        var reread = PlanReader.Parse(actual, "plan.md").Value!;

        Assert.Contains(@"| `PARTNER_KEY`  |                            | _(from secret \[product\]/api-key)_ | Yes      |", actual, StringComparison.Ordinal);
        Assert.Equal("orders/api-key", reread.Variables.Single(v => v.Name == "PARTNER_KEY").Value.Secret);
    }

    /// <summary>The text from the line starting with <paramref name="start"/> to the next blank line.</summary>
    internal static string Section(string text, string start)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf("\n\n", from, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to + 1)];
    }
}
