using System.Text.Json;
using ArchPlan.Reading;
using ArchPlan.Reporting;

namespace ArchPlan.Tests.Reporting;

/// <summary>What <c>show</c> prints of the fields issue 11 added: build-time variables, aliases, example values, secret environments and scopes.</summary>
public sealed class PlanReportTests
{
    private const string Document = """
        # Billing

        ## Deployment settings

        | Variable | Default |
        | --- | --- |
        | `CDK_DEFAULT_REGION` | `eu-west-1` |

        ## Environment Variables

        | Variable | Example |
        | --- | --- |
        | `LOG_LEVEL` (or `LOGLEVEL`) | `info` |

        ## Secrets

        | Environment | Secret Name | Used by |
        | --- | --- | --- |
        | prod | `billing/prod/card-key` | `billing-api` |
        """;

    private static ArchPlan.Model.Plan Plan() => PlanReader.Parse(Document, "plan.md").Value!;

    [Fact]
    public void Prints_build_time_variables_aliases_and_the_environment_and_scope_of_secrets()
    {
        var text = PlanText.Write(Plan());

        Assert.Contains("Build-time variables (1;", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  7\s+CDK_DEFAULT_REGION\s+literal\s+eu-west-1", text);
        Assert.Matches(@"\n  13\s+LOG_LEVEL \(or LOGLEVEL\)\s+literal\s+info", text);
        Assert.Matches(@"\n  Line\s+Name\s+JSON fields\s+Environment\s+Scope", text);
        Assert.Matches(@"\n  19\s+billing/prod/card-key\s+\(plain string\)\s+prod\s+billing-api", text);
    }

    [Fact]
    public void Writes_the_new_fields_to_json_without_changing_the_old_ones()
    {
        using var json = JsonDocument.Parse(PlanJson.Write(Plan()));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var buildTime = Assert.Single(root.GetProperty("buildTimeVariables").EnumerateArray());
        Assert.Equal("CDK_DEFAULT_REGION", buildTime.GetProperty("name").GetString());
        var variable = Assert.Single(root.GetProperty("variables").EnumerateArray());
        Assert.Equal(["LOGLEVEL"], variable.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.True(variable.GetProperty("valueIsExample").GetBoolean());
        var secret = Assert.Single(root.GetProperty("secrets").EnumerateArray());
        Assert.Equal("prod", secret.GetProperty("environment").GetString());
        Assert.Equal(["billing-api"], secret.GetProperty("scope").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Leaves_out_the_new_columns_and_fields_a_plan_does_not_use()
    {
        var plan = PlanReader.Parse("# Orders\n\n## Environment Variables\n\n| Variable | Default |\n| --- | --- |\n| `PAGE_SIZE` | `50` |\n\n## Secrets\n\n| Secret Name | Description |\n| --- | --- |\n| `orders/key` | key |\n", "plan.md").Value!;

        var text = PlanText.Write(plan);
        using var json = JsonDocument.Parse(PlanJson.Write(plan));

        Assert.DoesNotContain("Build-time", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Environment  Scope", text, StringComparison.Ordinal);
        var variable = Assert.Single(json.RootElement.GetProperty("variables").EnumerateArray());
        Assert.False(variable.TryGetProperty("aliases", out _));
        Assert.False(variable.TryGetProperty("valueIsExample", out _));
        Assert.False(Assert.Single(json.RootElement.GetProperty("secrets").EnumerateArray()).TryGetProperty("environment", out _));
    }
}
