using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class ResourceMentionsTests
{
    private static string Found(string marked) =>
        string.Join("; ", ResourceMentions.Find(marked).Select(m => m.IsSecret ? $"secret {m.Name}" : $"{m.Kind} {m.Name}"));

    [Theory]
    [InlineData("Storage: table `Orders`, on demand", "DynamoDbTable Orders")]
    [InlineData("HTTP API (v2) `shop-http` behind a JWT authorizer", "HttpApi shop-http")]
    [InlineData("Lambda Function (`OrderHandler`): Node.js 20, 512 MB", "LambdaFunction OrderHandler")]
    [InlineData("one function per tenant, `tenant-a` and `tenant-b`, Python 3.12", "LambdaFunction tenant-a; LambdaFunction tenant-b")]
    [InlineData("a rule `nightly-sync` sending events to the queue `sync-jobs`", "EventBridgeRule nightly-sync; SqsQueue sync-jobs")]
    [InlineData("`uploads` bucket, versioned", "S3Bucket uploads")]
    [InlineData("URL of the `ingest` SQS queue", "SqsQueue ingest")]
    [InlineData("Aurora PostgreSQL Serverless v2 (`shop-db`), two readers", "AuroraCluster shop-db")]
    [InlineData("CloudWatch alarms `api-5xx` and `api-latency`, both notifying the SNS topic `ops`", "CloudWatchAlarm api-5xx; CloudWatchAlarm api-latency; SnsTopic ops")]
    [InlineData("custom bus `shop-bus` with an archive", "Unknown shop-bus")]
    [InlineData("user pool `shop-users`, email sign-in", "Unknown shop-users")]
    [InlineData("logs under `/aws/lambda/shop-api`", "LogGroup /aws/lambda/shop-api")]
    [InlineData("ARN of the `shop/stripe-key` secret", "secret shop/stripe-key")]
    [InlineData("a Secrets Manager secret named `<app>-<stage>-env`, for example `shop-dev-env`", "secret shop-dev-env")]
    public void Finds_resources_named_beside_their_kind(string marked, string expected) =>
        Assert.Equal(expected, Found(marked));

    [Theory]
    [InlineData("uploaded under `incoming/` in the bucket")]
    [InlineData("Cognito Stack (`infra/lib/cognito-stack.ts`)")]
    [InlineData("`secretsmanager:GetSecretValue` on `shop/keys*`")]
    [InlineData("the existing user pool from `AuthStack` guards the API")]
    [InlineData("`QueryEndpoint` — internal NLB name of the query API")]
    [InlineData("`POST /api/orders` routes to the function")]
    [InlineData("The table is read with `GetItem` calls")]
    public void Finds_no_resource_in_words_that_only_mention_one(string marked) =>
        Assert.Equal("", Found(marked));

    [Theory]
    [InlineData("Amazon S3 for the uploads", ResourceKind.S3Bucket)]
    [InlineData("DynamoDB table: orders", ResourceKind.DynamoDbTable)]
    [InlineData("CloudFront distribution with OAC", ResourceKind.Unknown)]
    [InlineData("ECS Fargate - containers for the worker", ResourceKind.FargateService)]
    [InlineData("IAM Role: execution role of the function", ResourceKind.IamRole)]
    public void Knows_the_kind_a_line_starts_with(string plain, ResourceKind kind) =>
        Assert.Equal(kind, ResourceMentions.Lead(plain));

    [Theory]
    [InlineData("IAM permissions for DynamoDB and S3")]
    [InlineData("The queue invokes the Lambda function")]
    [InlineData("Table name: orders")]
    [InlineData("CloudWatch - logs and metrics")]
    public void Does_not_take_prose_or_service_names_for_a_leading_kind(string plain) =>
        Assert.Null(ResourceMentions.Lead(plain));
}
