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

    private const string Attributes = """
        # Intake

        ## AWS Resources

        1. SQS queue `intake-jobs`: visibility timeout 2 min, DLQ after 5 receives, ordered delivery with a sparkle
        2. Lambda `intake-worker` (Node 20, 256 MB) consumes `intake-jobs` and writes to `intake-records`
        3. DynamoDB table `intake-records`, partition key `jobId` (string)
        """;

    [Fact]
    public void Shows_which_words_became_which_property_and_the_words_left_out()
    {
        var plan = PlanReader.Parse(Attributes, "plan.md").Value!;
        var text = PlanText.Write(plan);

        Assert.Matches(@"\n  5\s+intake-jobs\s+visibility timeout 2 min\s+VisibilityTimeout\s+120", text);
        Assert.Matches(@"\n  5\s+intake-jobs\s+after 5 receives\s+MaxReceiveCount\s+5", text);
        Assert.Matches(@"\n  7\s+intake-records\s+partition key jobId \(string\)\s+PartitionKey\s+jobId:STRING", text);

        using var json = JsonDocument.Parse(PlanJson.Write(plan));
        var queue = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "intake-jobs");
        var timeout = queue.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("property").GetString() == "VisibilityTimeout");
        Assert.Equal("120", timeout.GetProperty("value").GetString());
        Assert.Equal(5, timeout.GetProperty("line").GetInt32());
        var left = Assert.Single(queue.GetProperty("notGenerated").EnumerateArray());
        Assert.Equal("ordered delivery with a sparkle", left.GetProperty("text").GetString());
        Assert.Matches(@"Not generated \(1;[^\n]*\n[^\n]*\n[^\n]*\n  5\s+intake-jobs\s+ordered delivery with a sparkle", text);
        var worker = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "intake-worker");
        var write = worker.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("target").GetString() == "intake-records");
        Assert.Equal("write", write.GetProperty("access").GetString());
        Assert.Matches(@"\n  6\s+Lambda function\s+intake-worker\s+nodejs20.x; 256 MB; uses intake-records \(write\)", text);
        // The verb before the queue ("consumes") governs the queue only: the table does not trigger the worker.
        Assert.Matches(@"\n  7\s+DynamoDB table\s+intake-records\s*\n", text);
    }
}
