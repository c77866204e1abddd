using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

/// <summary>
/// Resources a plan leaves unnamed get names from their own words (issue 10, item 7), and a code span that names
/// another resource ("starts `worker`", "alarm on `payment-events`") is a reference, not the resource's name.
/// </summary>
public sealed class UnnamedResourceNameTests
{
    private static Plan Read(string items) => PlanReader.Parse($"""
        ---
        title: Refunds
        product: refunds
        ---
        # Refunds

        ## AWS Resources

        {items}
        """, "plan.md").Value!;

    private static string NameOn(Plan plan, ResourceKind kind) => plan.Resources.Single(r => r.Kind == kind).Name;

    [Theory]
    [InlineData("- CloudWatch alarm on `payment-events` DLQ depth above 0 for 5 minutes", "payment-events-dlq-depth")]
    [InlineData("- Alarm (CloudWatch) when the DLQ depth is above 0", "dlq-depth")]
    [InlineData("* CloudWatch alarm for `payment-events` errors", "payment-events-errors")]
    public void An_alarm_is_named_after_what_it_watches(string item, string expected)
    {
        var plan = Read("- SQS queue `payment-events` with a DLQ after 3 receives\n" + item);
        Assert.Equal(expected, NameOn(plan, ResourceKind.CloudWatchAlarm));
        Assert.Equal("payment-events", NameOn(plan, ResourceKind.SqsQueue));
    }

    [Fact]
    public void A_rule_that_starts_a_function_is_not_named_after_the_function()
    {
        var plan = Read("""
            1. Lambda function `refund-worker` (Python 3.12)
            2. EventBridge rule: every weekday at 9:00 UTC, starts `refund-worker`
            """);
        var rule = plan.Resources.Single(r => r.Kind == ResourceKind.EventBridgeRule);
        Assert.Equal("refund-worker-schedule", rule.Name);
        Assert.DoesNotContain("refund-worker-2", plan.Resources.Select(r => r.Name));
        Assert.Contains(rule.Links, l => l.Target == "refund-worker");
    }

    [Theory]
    [InlineData("- S3 bucket for refund receipts, versioned", ResourceKind.S3Bucket, "refund-receipts")]
    [InlineData("- An SQS queue for refund requests (standard)", ResourceKind.SqsQueue, "refund-requests")]
    [InlineData("- DynamoDB table storing the refund ledger — on-demand", ResourceKind.DynamoDbTable, "refund-ledger")]
    public void Unnamed_resources_take_the_words_that_say_what_they_hold(string item, ResourceKind kind, string expected) =>
        Assert.Equal(expected, NameOn(Read(item), kind));

    [Fact]
    public void A_name_written_first_stays_the_name_even_when_a_reference_follows()
    {
        var plan = Read("""
            - Lambda `refund-worker` consumes `refund-requests`
            - SQS queue `refund-requests`
            """);
        Assert.Equal("refund-worker", NameOn(plan, ResourceKind.LambdaFunction));
        Assert.Equal("refund-requests", NameOn(plan, ResourceKind.SqsQueue));
    }

    [Theory]
    [InlineData("4. **upload-state-v2** — DynamoDB Table, partition key `orderId` (String), TTL on `expiresAt`", "upload-state-v2")]
    [InlineData("- DynamoDB table `sessions`, partition key `sessionId` (string)", "sessions")]
    [InlineData("- **DynamoDB Table** `sessions` — partition key `sessionId`", "sessions")]
    [InlineData("- DynamoDB table for sessions, partition key `sessionId` (string)", "sessions")]
    public void A_key_in_the_settings_is_not_the_tables_name(string item, string expected) =>
        Assert.Equal(expected, NameOn(Read(item), ResourceKind.DynamoDbTable));
}
