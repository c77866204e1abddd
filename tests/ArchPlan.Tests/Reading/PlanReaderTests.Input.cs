using System.Text;
using ArchPlan.Model;
using ArchPlan.Reading;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

/// <summary>Bad files, tables, products and resource lists written inline, each read through PlanReader.</summary>
public sealed partial class PlanReaderTests
{
    private const string Resources1 = "## Infrastructure\n\n### AWS Resources\n\n- **Lambda Function** `api` — Node.js 20, 256 MB\n\n";

    /// <summary>A small plan: front matter (lines 1–4), title (6), then <paramref name="body"/> from line 8.</summary>
    private static string PlanText(string body, string frontMatter = "title: Orders\nproduct: orders\n") =>
        $"---\n{frontMatter}---\n\n# Orders\n\n{body}";

    private static string ConfigurationTable(string rows) =>
        Resources1 + "## Configuration\n\n### Environment Variables\n\n| Variable | Example | Description |\n| --- | --- | --- |\n" + rows;

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \t\n")]
    public void Reports_an_empty_file(string text)
    {
        var result = PlanReader.Parse(text, "plan.md");

        Assert.Equal(["AP9005"], result.Diagnostics.Select(d => d.Id));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Refuses_a_binary_file()
    {
        var result = PlanReader.ReadBytes(Encoding.UTF8.GetBytes("---\ntitle: x\n\0\u0001\u0002"), "plan.md");

        Assert.Null(result.Value);
        Assert.Equal("AP9003", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Refuses_bytes_that_are_not_utf8_and_names_their_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("---\ntitle: Caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n---\n")];

        var result = PlanReader.ReadBytes(bytes, "plan.md");

        Assert.Null(result.Value);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AP9004", diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Fact]
    public void Reports_markdown_too_deeply_nested_for_markdig_instead_of_throwing()
    {
        // 65,000 "a_ " in one paragraph, on lines short enough to reach Markdig, which gives up on them.
        var line = string.Concat(Enumerable.Repeat("a_ ", 1_000)) + "\n";
        var text = PlanText(Resources1 + string.Concat(Enumerable.Repeat(line, 65)));

        var result = PlanReader.Parse(text, "plan.md");

        Assert.Contains("AP1001", result.Diagnostics.Select(d => d.Id));
        Assert.True(result.HasErrors);
        Assert.NotNull(result.Value);
    }

    [Fact]
    public void Ignores_a_single_line_too_long_to_parse_and_says_so()
    {
        var result = PlanReader.Parse(PlanText(Resources1 + "## Configuration\n\n" + string.Concat(Enumerable.Repeat("a_ ", 65_000)) + "\n"), "plan.md");

        Assert.Equal(["AP1009@16"], Codes(result.Diagnostics));
        Assert.Equal(["api"], result.Value!.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Reports_deeply_nested_blockquotes_instead_of_throwing()
    {
        var result = PlanReader.Parse(PlanText(string.Concat(Enumerable.Repeat("> ", 20_000)) + "x\n"), "plan.md");

        Assert.NotNull(result.Value);
    }

    [Fact]
    public void Refuses_a_plan_over_the_size_cap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"archplan-big-{Guid.NewGuid():N}.md");
        try
        {
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes(new string('a', ReadOptions.MaxPlanBytes + 1)));

            var result = PlanReader.Read(path);

            Assert.Null(result.Value);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("AP9002", diagnostic.Id);
            Assert.Contains("2,097,152", diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reads_a_plan_just_under_the_size_cap()
    {
        var text = PlanText(Resources1);
        var padded = text + new string('x', ReadOptions.MaxPlanBytes - Encoding.UTF8.GetByteCount(text));

        var result = PlanReader.ReadBytes(Encoding.UTF8.GetBytes(padded), "plan.md");

        Assert.NotNull(result.Value);
        Assert.DoesNotContain("AP9002", result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Reports_a_missing_file_and_a_folder()
    {
        Assert.Equal("AP9001", Assert.Single(PlanReader.Read(Path.Combine(Path.GetTempPath(), "no-such-plan-" + Guid.NewGuid().ToString("N") + ".md")).Diagnostics).Id);
        Assert.Equal("AP9001", Assert.Single(PlanReader.Read(Path.GetTempPath()).Diagnostics).Id);
    }

    [Fact]
    public void Keeps_escaped_pipes_in_cells_and_code_spans()
    {
        var (plan, diagnostics) = Parse(PlanText(ConfigurationTable("| `SEPARATOR` | `\\|` | either \\| or ; |\n| `GREETING` | hello \\| world | `a \\| b` |\n")));

        Variables(plan, "20 SEPARATOR literal:| unspecified", "21 GREETING literal:hello | world unspecified");
        Assert.Equal(["either | or ;", "a | b"], plan.Variables.Select(v => v.Description));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Reports_rows_with_missing_or_extra_cells_at_their_line()
    {
        var (plan, diagnostics) = Parse(PlanText(ConfigurationTable("| `A` | `1` | fine |\n| `B` | `2` |\n| `C` | `3` | three | extra |\n")));

        Assert.Equal(["AP1202@21", "AP1202@22"], Codes(diagnostics));
        Assert.Equal(["A", "B", "C"], plan.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Reports_pipe_lines_without_a_separator_under_configuration()
    {
        var body = Resources1 + "## Configuration\n\n### Environment Variables\n\n| Variable | Example |\n| `A` | `1` |\n";

        var (plan, diagnostics) = Parse(PlanText(body));

        Assert.Equal(["AP1205@18"], Codes(diagnostics));
        Assert.Empty(plan.Variables);
    }

    [Fact]
    public void Ignores_pipe_lines_outside_configuration()
    {
        var (_, diagnostics) = Parse(PlanText(Resources1 + "## Notes\n\n| not | a table |\n| just | text |\n\n## Configuration\n\nNone.\n"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Ignores_a_cost_table_and_a_gate_table()
    {
        var body = Resources1
            + "## Configuration\n\n### Environment Variables\n\n| Variable | Example |\n| --- | --- |\n| `A` | `1` |\n\n"
            + "## Quality Gates\n\n| Gate | Description |\n| --- | --- |\n| `LOG_LEVEL` | lint |\n\n"
            + "## Cost Estimate\n\n| Item | Cost |\n| --- | --- |\n| Lambda | $1 |\n| **Total** | **$1** |\n";

        var (plan, diagnostics) = Parse(PlanText(body));

        Assert.Equal(["A"], plan.Variables.Select(v => v.Name));
        Assert.Single(plan.Tables);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Does_not_take_the_title_for_a_section()
    {
        var text = "---\ntitle: Secrets rotation\nproduct: orders\n---\n\n# Secrets Configuration and Stack Structure\n\n"
            + Resources1 + "## Team\n\n| Name | Role |\n| --- | --- |\n| Ana | owner |\n\n## Configuration\n\nNone.\n";

        var (plan, diagnostics) = Parse(text);

        Assert.Empty(plan.Tables);
        Assert.Equal("infrastructure=8 resources=10 stack=- configuration=20 variables=- secrets=-", Describe(plan.Sections));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("| Name | Monthly cost |\n| --- | --- |\n| Lambda | $3 |\n")]
    [InlineData("| Name | Amount |\n| --- | --- |\n| Lambda | 3 |\n| **Total** | **3** |\n")]
    public void Ignores_a_cost_table_even_under_configuration(string table)
    {
        var (plan, diagnostics) = Parse(PlanText(Resources1 + "## Configuration\n\n" + table));

        Assert.Empty(plan.Tables);
        Assert.Empty(plan.Variables);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Replaces_the_product_placeholder_in_secret_names_values_and_the_stack_file()
    {
        var body = Resources1
            + "### CDK Stack Structure\n\n```\napps/[product]/infra/cdk/\n└── lib/[product]-api-stack.ts\n```\n\n"
            + "## Configuration\n\n### Environment Variables\n\n| Variable | Example |\n| --- | --- |\n"
            + "| `BUCKET` | `[product]-uploads` |\n| `API_KEY` | _(Secrets Manager: [product]/api-key)_ |\n\n"
            + "### Secrets\n\n| Secret Name | Description |\n| --- | --- |\n| `[product]/api-key` | key |\n";

        var (plan, diagnostics) = Parse(PlanText(body, "title: Orders\nproduct: shop\n"));

        Assert.Equal("shop", plan.Product);
        Assert.Equal("shop-api-stack.ts", plan.StackFileName);
        Assert.Equal(["literal:shop-uploads", "secret:shop/api-key"], plan.Variables.Select(v => Describe(v.Value)));
        Assert.Equal(["shop/api-key"], plan.Secrets.Select(s => s.Name));
        Assert.Empty(diagnostics);
    }

    private const string StackStructure = "### CDK Stack Structure\n\n```\napps/warehouse/infra/cdk/\n└── lib/warehouse-sync-stack.ts\n```\n\n## Configuration\n\nNone.\n";

    [Fact]
    public void Takes_the_product_from_the_front_matter_before_the_stack_structure()
    {
        var (plan, diagnostics) = Parse(PlanText(Resources1 + StackStructure, "title: Orders\nproduct: orders\n"));

        Assert.Equal(("orders", ProductOrigin.FrontMatter, 3), (plan.Product, plan.ProductOrigin, plan.ProductLocation?.Line));
        Assert.Equal("warehouse-sync-stack.ts", plan.StackFileName);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Takes_the_product_from_the_stack_structure_when_the_front_matter_has_none()
    {
        var (plan, diagnostics) = Parse(PlanText(Resources1 + StackStructure, "title: Orders\n"));

        Assert.Equal(("warehouse", ProductOrigin.StackStructure, 16), (plan.Product, plan.ProductOrigin, plan.ProductLocation?.Line));
        Assert.Equal(6, plan.ProductLocation?.Column);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Takes_the_product_from_the_option_when_the_plan_names_none()
    {
        var (plan, diagnostics) = Parse(PlanText(Resources1 + "## Configuration\n\nNone.\n", "title: Orders\n"), new ReadOptions("billing"));

        Assert.Equal(("billing", ProductOrigin.Option), (plan.Product, plan.ProductOrigin));
        Assert.Null(plan.ProductLocation);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Warns_when_the_option_contradicts_the_plan_and_keeps_the_plan_product()
    {
        var (plan, diagnostics) = Parse(PlanText(Resources1 + StackStructure, "title: Orders\n"), new ReadOptions("billing"));

        Assert.Equal(("warehouse", ProductOrigin.StackStructure), (plan.Product, plan.ProductOrigin));
        Assert.Equal(["AP1401@16"], Codes(diagnostics));
        Assert.Equal(ArchPlan.Diagnostics.Severity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Says_nothing_when_the_option_agrees_with_the_plan()
    {
        var (_, diagnostics) = Parse(PlanText(Resources1 + "## Configuration\n\nNone.\n"), new ReadOptions("orders"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Warns_about_an_unknown_resource_at_its_line_and_keeps_it()
    {
        var (plan, diagnostics) = Parse(PlanText("## Infrastructure\n\n### AWS Resources\n\n- **Lambda Function** `api`\n- Flux capacitor `flux-1`\n\n## Configuration\n\nNone.\n"));

        Assert.Equal(["AP1301@13"], Codes(diagnostics));
        Resources(plan, "12 LambdaFunction api", "13 Unknown flux-1");
    }

    [Fact]
    public void Warns_when_the_resources_section_lists_nothing()
    {
        var (plan, diagnostics) = Parse(PlanText("## Infrastructure\n\n### AWS Resources\n\nTo be decided.\n\n## Configuration\n\nNone.\n"));

        Assert.Equal(["AP1303@10"], Codes(diagnostics));
        Assert.Empty(plan.Resources);
    }

    [Fact]
    public void Warns_when_the_plan_has_no_resources_section()
    {
        var (_, diagnostics) = Parse(PlanText("## Infrastructure\n\nServerless.\n\n## Configuration\n\nNone.\n"));

        Assert.Equal(["AP1101@8"], Codes(diagnostics));
    }

    [Fact]
    public void Reads_resources_grouped_under_category_items()
    {
        var body = "## Infrastructure\n\n### AWS Resources\n\n- **Compute**\n  - Lambda function `api` — Python 3.12, 512 MB\n  - Fargate task `batch` — 1 vCPU / 2 GB\n- **Storage**\n  - S3 bucket `files`\n\n## Configuration\n\nNone.\n";

        var (plan, diagnostics) = Parse(PlanText(body));

        Resources(plan, "13 LambdaFunction api runtime=python3.12 memory=512", "14 FargateTask batch memory=2048 cpu=1024", "16 S3Bucket files");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Renames_a_second_resource_with_the_same_name_and_says_so()
    {
        var (plan, diagnostics) = Parse(PlanText("## Infrastructure\n\n### AWS Resources\n\n- Lambda function `api`\n- Lambda function `api`\n\n## Configuration\n\nNone.\n"));

        Assert.Equal(["api", "api-2"], plan.Resources.Select(r => r.Name));
        Assert.Equal(["AP1304@13"], Codes(diagnostics));
    }

    [Fact]
    public void Warns_about_a_rule_whose_schedule_it_cannot_read()
    {
        var (plan, diagnostics) = Parse(PlanText("## Infrastructure\n\n### AWS Resources\n\n- EventBridge rule `sync` — daily at 9 AM PST\n\n## Configuration\n\nNone.\n"));

        Assert.Null(plan.Resources.Single().Schedule);
        Assert.Equal(["AP1302@12"], Codes(diagnostics));
    }
}
