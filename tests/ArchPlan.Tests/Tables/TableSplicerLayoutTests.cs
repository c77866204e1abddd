using ArchPlan.Reading;
using ArchPlan.Tables;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

/// <summary>Missing tables and the per-environment layouts of the reader fixtures.</summary>
public sealed class TableSplicerLayoutTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/plans", name));

    [Fact]
    public void A_missing_secrets_table_is_added_at_the_end_of_configuration_before_its_rule()
    {
        var withoutSecrets = Plans.Head + "## Configuration\n\n### Environment Variables\n\n" + Plans.Variables + Plans.Tail;
        var expected = Plans.With(Plans.Variables, """
            | Secret Name      | Description | Format |
            | ---------------- | ----------- | ------ |
            | `orders/api-key` |             |        |
            """);

        Assert.Equal(expected, TableSplicerTests.Splice(withoutSecrets, TableSplicerTests.CurrentCode()));
    }

    [Fact]
    public void A_plan_without_configuration_or_infrastructure_gets_the_section_at_the_end_without_adding_a_final_newline()
    {
        var text = "---\ntitle: Tiny\n---\n\n# Tiny\n\nJust words.";
        var expected = text + """


            ## Configuration

            ### Environment Variables

            | Variable | Description | Example | Required |
            | -------- | ----------- | ------- | -------- |
            | `MODE`   |             | `fast`  | Yes      |

            ### Secrets (AWS Secrets Manager)

            | Secret Name | Description | Format |
            | ----------- | ----------- | ------ |

            ---
            """;
        var plan = PlanReader.Parse(text, "tiny.md").Value!;
        var model = TableModel.From(Stack([Lambda("Fn", Var("MODE", Literal("fast")))])).Value!;

        var result = TableSplicer.Splice(text, plan, model);

        Assert.Equal(expected, result.Value);
        Assert.Contains(result.Diagnostics, d => d.Id == "AP5004");
    }

    [Fact]
    public void Nothing_is_inserted_when_the_code_has_no_configuration()
    {
        Assert.Equal(Plans.WithoutConfiguration, TableSplicerTests.Splice(Plans.WithoutConfiguration, Stack([Lambda("Fn")])));
    }

    [Fact]
    public void One_table_per_environment_gets_new_rows_in_every_table_and_only_the_stacks_environment_refreshed()
    {
        var text = Fixture("10-table-per-environment.md");
        var code = Stack([Lambda("Fn", Var("API_BASE", Literal("https://api.example.com")), Var("PAGE_SIZE", Literal("75")), Var("TIMEOUT", Literal("30")))], stack: "OrdersProdStack");

        var actual = TableSplicerTests.Splice(text, code);

        var variables = PlanReader.Parse(actual, "10.md").Value!.Variables.ToDictionary(v => v.Name);
        Assert.Equal(["production", "staging"], variables["TIMEOUT"].PerEnvironment.Select(e => e.Environment).Order());
        Assert.All(variables["TIMEOUT"].PerEnvironment, e => Assert.Equal("30", e.Value.Text));
        Assert.Equal("75", variables["PAGE_SIZE"].PerEnvironment.Single(e => e.Environment == "production").Value.Text);
        Assert.Equal("10", variables["PAGE_SIZE"].PerEnvironment.Single(e => e.Environment == "staging").Value.Text);
        Assert.Contains("| `API_BASE`  | Public base URL | `https://api.staging.example.com` | Yes      |", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_column_plan_stays_current_when_the_code_matches_one_environment_and_loses_every_row_of_a_removed_name()
    {
        var text = Fixture("09-environment-column.md");
        var current = Stack([Lambda("Fn", Var("API_BASE", Literal("https://api.dev.example.com")), Var("PAGE_SIZE", Literal("10")), Var("LOG_LEVEL", Literal("info")))]);
        var withoutApiBase = Stack([Lambda("Fn", Var("PAGE_SIZE", Literal("10")), Var("LOG_LEVEL", Literal("info")))]);

        Assert.Equal(text, TableSplicerTests.Splice(text, current));
        var actual = TableSplicerTests.Splice(text, withoutApiBase);
        Assert.DoesNotContain("API_BASE", actual, StringComparison.Ordinal);
        Assert.Contains("| `PAGE_SIZE` | prod        | `50`                       | Orders per page  |", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_two_rows_with_one_name_and_refreshes_both()
    {
        var duplicated = Plans.With(Plans.Variables + "\n| `LOG_LEVEL`    | Again                    | `DEBUG`                 | No       |");

        var plan = PlanReader.Parse(duplicated, "plan.md").Value!;
        var result = TableSplicer.Splice(duplicated, plan, TableModel.From(TableSplicerTests.CurrentCode()).Value!);

        Assert.Contains(result.Diagnostics, d => d.Id == "AP5007" && d.Message.Contains("LOG_LEVEL", StringComparison.Ordinal));
        Assert.Contains("| `LOG_LEVEL`    | Again                      | `INFO`                  | No       |", result.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_variable_without_a_value_is_kept_when_the_code_leaves_it_unset()
    {
        var text = Fixture("02-variable-default-description.md");
        var code = Stack([Lambda("Fn", Var("ORDERS_TABLE", Ref("T")), Var("PAGE_SIZE", Literal("50")))], [Resource("T", "AWS::DynamoDB::Table")]);

        Assert.Equal(text, TableSplicerTests.Splice(text, code));
    }

    [Fact]
    public void A_json_format_keeps_the_plans_fields_in_their_order_and_adds_the_ones_the_code_reads()
    {
        var secrets = """
            | Secret Name         | Description     | Format                                   |
            | ------------------- | --------------- | ---------------------------------------- |
            | `[product]/api-key` | Partner API key | JSON: `{username, password, host, port}` |
            """;
        var code = Stack(
            [Lambda("OrdersApi", Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("LOG_LEVEL", Literal("INFO"))),
             Container("Worker", [], [Var("A", Secret("orders/api-key", "password")), Var("B", Secret("orders/api-key", "username")), Var("C", Secret("orders/api-key", "database"))])],
            [Resource("OrdersTable", "AWS::DynamoDB::Table", "orders")]);

        var actual = TableSplicerTests.Splice(Plans.With(Plans.Variables, secrets), code);

        // host and port stay: the secret holds them whether or not this code reads them (the plan documents its shape).
        Assert.Equal("""
            | Secret Name         | Description     | Format                                             |
            | ------------------- | --------------- | -------------------------------------------------- |
            | `[product]/api-key` | Partner API key | JSON: `{username, password, host, port, database}` |

            """, TableSplicerTests.Section(actual, "| Secret Name"));
    }

    [Fact]
    public void Human_cells_ending_in_an_escaped_pipe_or_holding_markup_survive_a_rewrite()
    {
        var variables = """
            | Variable       | Description                       | Example                 | Required |
            | -------------- | --------------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Pipe at the end \|               | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | [link](https://x.example) **bold** | `50`                   | No       |
            """;
        var expected = Plans.With("""
            | Variable       | Description                        | Example                 | Required |
            | -------------- | ---------------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Pipe at the end \|                 | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | [link](https://x.example) **bold** | `50`                    | No       |
            | `NEW`          |                                    | `1`                     | Yes      |
            """);

        var code = TableSplicerTests.CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50")), Var("NEW", Literal("1"))]);

        Assert.Equal(expected, TableSplicerTests.Splice(Plans.With(variables), code));
    }
}
