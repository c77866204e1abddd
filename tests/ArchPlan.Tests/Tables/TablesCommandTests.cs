using System.Text;
using ArchPlan.Cli;
using ArchPlan.Cli.Commands;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

/// <summary>The command run in-process; the infrastructure reader is replaced by a hand-built model.</summary>
[Collection(TablesCliCollection.Name)]
public sealed class TablesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-tables-").FullName;
    private InfraModel _code = TableSplicerTests.CurrentCode(Var("FEATURE_X", Literal("on")));

    public TablesCommandTests()
    {
        TablesCommand.ReadInfrastructure = (path, _) => path == "missing"
            ? new StageResult<InfraModel>(null, [DiagnosticCatalog.InfraPathNotFound.At(SourceLocation.OfFile(path), path)])
            : new StageResult<InfraModel>(_code, []);
    }

    public void Dispose()
    {
        TablesCommand.ReadInfrastructure = InfrastructureReader.Read;
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Check_exits_1_with_a_unified_diff_on_a_stale_plan_and_0_after_write()
    {
        var plan = Write("plan.md", Plans.Current);

        var (check, diff, _) = Run("tables", "cdk.out", "--plan", plan, "--check");
        Assert.Equal(CliApp.Failure, check);
        Assert.Contains("+| `FEATURE_X`    |                            | `on`                    | Yes      |", diff, StringComparison.Ordinal);
        Assert.Contains("-| `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                  | No       |", diff, StringComparison.Ordinal);
        Assert.Equal(Plans.Current, File.ReadAllText(plan));

        var (write, _, _) = Run("tables", "cdk.out", "--plan", plan, "--write");
        Assert.Equal(CliApp.Success, write);
        Assert.NotEqual(Plans.Current, File.ReadAllText(plan));

        var (again, output, _) = Run("tables", "cdk.out", "--plan", plan, "--check");
        Assert.Equal(CliApp.Success, again);
        Assert.Contains("tables are current", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_twice_changes_no_byte_the_second_time()
    {
        var plan = Write("plan.md", Plans.Current);
        Run("tables", "cdk.out", "--plan", plan, "--write");
        var first = File.ReadAllBytes(plan);
        var written = File.GetLastWriteTimeUtc(plan);

        var (code, output, _) = Run("tables", "cdk.out", "--plan", plan, "--write");

        Assert.Equal(CliApp.Success, code);
        Assert.Equal(first, File.ReadAllBytes(plan));
        Assert.Equal(written, File.GetLastWriteTimeUtc(plan));
        Assert.Contains("tables are current", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Write_keeps_a_byte_order_mark_crlf_line_endings_and_every_byte_outside_the_tables()
    {
        var crlf = Plans.Current.Replace("\n", "\r\n", StringComparison.Ordinal);
        var plan = Path.Combine(_dir, "bom.md");
        File.WriteAllBytes(plan, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(crlf)]);
        var expected = Plans.With("""
            | Variable       | Description                | Example                 | Required |
            | -------------- | -------------------------- | ----------------------- | -------- |
            | `ORDERS_TABLE` | Table the orders live in   | _(from DynamoDB table)_ | Yes      |
            | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                    | No       |
            | `LOG_LEVEL`    | Log level                  | `INFO`                  | No       |
            | `FEATURE_X`    |                            | `on`                    | Yes      |
            """).Replace("\n", "\r\n", StringComparison.Ordinal);

        var (code, _, _) = Run("tables", "cdk.out", "--plan", plan, "--write");

        Assert.Equal(CliApp.Success, code);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(expected)], File.ReadAllBytes(plan));
    }

    [Fact]
    public void Without_a_plan_prints_both_tables_in_the_templates_format()
    {
        _code = Stack(
            [Lambda("Api", Var("PAGE_SIZE", Literal("50")), Var("API_KEY_SECRET_ARN", Secret("orders/api-key"))),
             Container("Worker", [Var("PAGE_SIZE", Literal("50"))], [Var("DB_PASSWORD", Secret("orders/db", "password"))])],
            secrets: ["orders/api-key"]);

        var (code, output, _) = Run("tables", "cdk.out");

        Assert.Equal(CliApp.Success, code);
        Assert.Equal("""
            ### Environment Variables

            | Variable      | Description | Example             | Required |
            | ------------- | ----------- | ------------------- | -------- |
            | `API_KEY`     |             | _(Secrets Manager)_ | Yes      |
            | `DB_PASSWORD` |             | _(Secrets Manager)_ | Yes      |
            | `PAGE_SIZE`   |             | `50`                | Yes      |

            ### Secrets (AWS Secrets Manager)

            | Secret Name      | Description | Format             |
            | ---------------- | ----------- | ------------------ |
            | `orders/api-key` |             |                    |
            | `orders/db`      |             | JSON: `{password}` |

            """, output);
    }

    [Fact]
    public void Plan_alone_prints_the_difference_writes_nothing_and_exits_0()
    {
        var plan = Write("plan.md", Plans.Current);

        var (code, diff, _) = Run("tables", "cdk.out", "--plan", plan);

        Assert.Equal(CliApp.Success, code);
        Assert.Contains("+| `FEATURE_X`", diff, StringComparison.Ordinal);
        Assert.Equal(Plans.Current, File.ReadAllText(plan));
    }

    [Fact]
    public void Keep_removed_keeps_the_row_struck_through_and_environment_is_accepted()
    {
        _code = TableSplicerTests.CodeWith([Var("ORDERS_TABLE", Ref("OrdersTable")), Var("PAGE_SIZE", Literal("50"))]);
        var plan = Write("plan.md", Plans.Current);

        Assert.Equal(CliApp.Success, Run("tables", "cdk.out", "--plan", plan, "--write", "--keep-removed", "--environment", "Production").Code);

        Assert.Contains("| ~~`LOG_LEVEL`~~ | Log level", File.ReadAllText(plan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--write")]
    [InlineData("--check")]
    public void Write_or_check_without_a_plan_is_a_usage_error(string option)
    {
        var (code, _, error) = Run("tables", "cdk.out", option);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("needs --plan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_and_check_together_is_a_usage_error()
    {
        var plan = Write("plan.md", Plans.Current);

        Assert.Equal(CliApp.UsageError, Run("tables", "cdk.out", "--plan", plan, "--write", "--check").Code);
        Assert.Equal(Plans.Current, File.ReadAllText(plan));
    }

    [Fact]
    public void Unreadable_infrastructure_or_a_missing_plan_exits_2()
    {
        Assert.Equal(CliApp.UsageError, Run("tables", "missing").Code);
        Assert.Equal(CliApp.UsageError, Run("tables", "cdk.out", "--plan", Path.Combine(_dir, "nope.md"), "--check").Code);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
