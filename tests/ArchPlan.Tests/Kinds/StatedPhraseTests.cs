using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Kinds;

/// <summary>
/// Each kind reads the settings a plan states, however they are worded: one resource entry in, the attribute (its
/// canonical value) out. The words that became the attribute are kept, for <c>show</c>, the comments and the README.
/// </summary>
public sealed class StatedPhraseTests
{
    internal static PlannedResource ReadOne(string item, string extra = "")
    {
        var text = $"---\ntitle: t\nproduct: shop\n---\n\n# T\n\n## Infrastructure\n\n### AWS Resources\n\n- {item}\n{extra}";
        var plan = PlanReader.Parse(text, "plan.md").Value!;
        return plan.Resources[0];
    }

    private static string? Value(PlannedResource resource, string property) =>
        resource.Attributes.FirstOrDefault(a => a.Property == property)?.Value;

    [Theory]
    [InlineData("**DynamoDB Table** `orders` — partition key `orderId` (string)", "PartitionKey", "orderId:STRING")]
    [InlineData("DynamoDB table `orders`: PK `tenantId` (S), SK `createdAt` (N)", "PartitionKey", "tenantId:STRING")]
    [InlineData("DynamoDB table `orders`: PK `tenantId` (S), SK `createdAt` (N)", "SortKey", "createdAt:NUMBER")]
    [InlineData("DynamoDB `orders` keyed by `orderId`", "PartitionKey", "orderId")]
    [InlineData("DynamoDB table `orders`, hash key: orderId, range key: version (number)", "SortKey", "version:NUMBER")]
    [InlineData("DynamoDB table `orders` (on-demand)", "BillingMode", "PAY_PER_REQUEST")]
    [InlineData("DynamoDB table `orders`, provisioned with 5 RCU / 10 WCU", "BillingMode", "PROVISIONED")]
    [InlineData("DynamoDB table `orders`, provisioned with 5 RCU / 10 WCU", "WriteCapacity", "10")]
    [InlineData("DynamoDB table `orders`, PITR enabled", "PointInTimeRecovery", "true")]
    [InlineData("DynamoDB table `orders`, no point-in-time recovery", "PointInTimeRecovery", "false")]
    [InlineData("DynamoDB table `sessions`, TTL attribute `expires_at`", "TimeToLive", "expires_at")]
    [InlineData("DynamoDB table `sessions`; items expire via the `ttl` attribute", "TimeToLive", "ttl")]
    [InlineData("DynamoDB table `orders` with DynamoDB Streams (NEW_AND_OLD_IMAGES)", "Stream", "NEW_AND_OLD_IMAGES")]
    [InlineData("DynamoDB table `orders`, stream: keys only", "Stream", "KEYS_ONLY")]
    [InlineData("DynamoDB table `orders`, GSI `byStatus` on `status`, `createdAt`", "Index", "byStatus:status:createdAt")]
    [InlineData("DynamoDB table `orders`, encrypted with a customer-managed KMS key", "Encryption", "CUSTOMER_MANAGED")]
    public void DynamoDB(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**SQS Queue** `jobs` — FIFO", "Fifo", "true")]
    [InlineData("SQS queue `jobs.fifo` (FIFO, content-based deduplication)", "ContentBasedDeduplication", "true")]
    [InlineData("SQS queue `jobs` — visibility timeout 2 min", "VisibilityTimeout", "120")]
    [InlineData("SQS queue `jobs`, 90s visibility timeout", "VisibilityTimeout", "90")]
    [InlineData("SQS queue `jobs`, message retention: 14 days", "RetentionPeriod", "1209600")]
    [InlineData("SQS queue `jobs`, retains messages for 4 days", "RetentionPeriod", "345600")]
    [InlineData("SQS queue `jobs` with a dead-letter queue after 5 receives", "MaxReceiveCount", "5")]
    [InlineData("SQS queue `jobs` (DLQ, maxReceiveCount 3)", "MaxReceiveCount", "3")]
    [InlineData("SQS queue `jobs` with DLQ after three failed attempts", "MaxReceiveCount", "3")]
    [InlineData("SQS queue `jobs`, delivery delay 30 s", "DeliveryDelay", "30")]
    [InlineData("SQS queue `jobs`, long polling 20 s", "ReceiveWaitTime", "20")]
    public void Sqs(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**S3 Bucket** `docs` — versioned", "Versioned", "true")]
    [InlineData("S3 bucket `docs` (versioning enabled)", "Versioned", "true")]
    [InlineData("S3 bucket `docs`, unversioned", "Versioned", "false")]
    [InlineData("S3 bucket `docs`, objects expire after 90 days", "Expiration", "90")]
    [InlineData("S3 bucket `logs` — 400-day retention rule", "Expiration", "400")]
    [InlineData("S3 bucket `docs`, transition to Glacier after 90 days", "Transition", "GLACIER:90")]
    [InlineData("S3 bucket `docs`, move to Standard-IA after 30 days", "Transition", "INFREQUENT_ACCESS:30")]
    [InlineData("S3 bucket `docs`, Glacier Deep Archive after 1 year", "Transition", "DEEP_ARCHIVE:365")]
    [InlineData("S3 bucket `docs`, 30-day expiry of noncurrent versions", "NoncurrentExpiration", "30")]
    [InlineData("S3 bucket `docs`; noncurrent versions expire after 7 days", "NoncurrentExpiration", "7")]
    [InlineData("S3 bucket `docs`, SSE-KMS", "Encryption", "KMS")]
    public void S3(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Fact]
    public void A_noncurrent_expiry_is_not_the_buckets_own_expiry()
    {
        var bucket = ReadOne("S3 bucket `docs`, versioned, 30-day expiry of noncurrent versions");
        Assert.Equal("30", Value(bucket, "NoncurrentExpiration"));
        Assert.Null(Value(bucket, "Expiration"));
    }

    [Theory]
    [InlineData("**Lambda Function** `api` — Python 3.12, 512 MB, 15 s timeout", "Timeout", "15")]
    [InlineData("Lambda `api` (Node.js 20 / 1024 MB / 60 s)", "Timeout", "60")]
    [InlineData("Lambda `api` — Python 3.11 / 1 GB / 2 min", "Memory", "1024")]
    [InlineData("Lambda `api` — runtime nodejs20.x, timeout of 30 seconds", "Runtime", "nodejs20.x")]
    [InlineData("Lambda `api` — Java 21, 2 GB", "Runtime", "java21")]
    [InlineData("Lambda `api` — .NET 8", "Runtime", "dotnet8")]
    [InlineData("Lambda `api` — Python", "Runtime", "python")]
    [InlineData("Lambda `api` — arm64 (Graviton)", "Architecture", "ARM_64")]
    [InlineData("Lambda `api` — x86_64", "Architecture", "X86_64")]
    [InlineData("Lambda `api` — reserved concurrency of 10", "ReservedConcurrency", "10")]
    [InlineData("Lambda `api` — concurrency limit 5", "ReservedConcurrency", "5")]
    [InlineData("Lambda `api` — logs kept for 30 days", "LogRetention", "30")]
    [InlineData("Lambda `api` — 1-week log retention", "LogRetention", "7")]
    [InlineData("Lambda `api` — X-Ray tracing", "Tracing", "ACTIVE")]
    [InlineData("Lambda `api` — 2 GB ephemeral storage", "EphemeralStorage", "2048")]
    [InlineData("Lambda `api` — runs in the private subnets", "Vpc", "true")]
    public void Lambda(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**ECS Fargate Service** `web` — 0.5 vCPU / 1 GB", "Cpu", "512")]
    [InlineData("ECS Fargate service `web` (1024 CPU units, 2048 MB)", "Memory", "2048")]
    [InlineData("ECS Fargate service `web`, 2 tasks", "DesiredCount", "2")]
    [InlineData("ECS Fargate service `web`, desired count: 3", "DesiredCount", "3")]
    [InlineData("ECS Fargate service `web`, scales between 2 and 10 tasks", "Scaling", "2:10")]
    [InlineData("ECS Fargate service `web`, 2–6 tasks, scaling on 70% CPU", "ScalingCpu", "70")]
    [InlineData("ECS Fargate service `web` listening on port 8080", "Port", "8080")]
    [InlineData("ECS Fargate service `web`, image from ECR repository `shop/web:1.2`", "Image", "shop/web:1.2")]
    [InlineData("ECS Fargate service `web`, image `public.ecr.aws/nginx/nginx:1.27`", "Image", "public.ecr.aws/nginx/nginx:1.27")]
    [InlineData("ECS Fargate service `web` on Graviton", "Architecture", "ARM64")]
    public void Fargate(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**RDS PostgreSQL 16.3** `db`", "EngineVersion", "16.3")]
    [InlineData("RDS MySQL 8.0 `db`", "Engine", "mysql")]
    [InlineData("RDS `db` — PostgreSQL, db.r6g.large", "InstanceClass", "r6g.large")]
    [InlineData("RDS PostgreSQL `db`, 100 GB storage", "AllocatedStorage", "100")]
    [InlineData("RDS PostgreSQL `db`, Multi-AZ", "MultiAz", "true")]
    [InlineData("RDS PostgreSQL `db`, backups kept for 14 days", "BackupRetention", "14")]
    [InlineData("RDS PostgreSQL `db`, deletion protection", "DeletionProtection", "true")]
    [InlineData("Aurora PostgreSQL Serverless v2 `db` (0.5–8 ACU)", "Capacity", "0.5:8")]
    [InlineData("Aurora MySQL `db` with two readers", "Readers", "2")]
    public void Database(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**CloudWatch Alarm** `errs` — more than 5 errors in 5 minutes", "Threshold", "GT:5")]
    [InlineData("CloudWatch alarm `errs` — ≥ 1 message", "Threshold", "GTE:1")]
    [InlineData("CloudWatch alarm `errs` — on any error", "Threshold", "GTE:1")]
    [InlineData("CloudWatch alarm `slow` — p99 latency above 800 ms", "Threshold", "GT:800")]
    [InlineData("CloudWatch alarm `slow` — p99 latency above 800 ms", "Statistic", "p99")]
    [InlineData("CloudWatch alarm `errs` — errors over 1 minute", "Period", "60")]
    [InlineData("CloudWatch alarm `errs` — more than 5 errors per hour", "Period", "3600")]
    [InlineData("CloudWatch alarm `errs` — errors for 3 consecutive periods", "EvaluationPeriods", "3")]
    [InlineData("CloudWatch alarm `errs` — errors in 2 of 3 datapoints", "DatapointsToAlarm", "2")]
    [InlineData("CloudWatch alarm `errs` — errors in 2 of 3 datapoints", "EvaluationPeriods", "3")]
    [InlineData("CloudWatch alarm `low` — fewer than 10 messages", "Threshold", "LT:10")]
    public void Alarm(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Theory]
    [InlineData("**HTTP API** `shop` — POST /orders → `create-order`", "POST /orders@create-order")]
    [InlineData("REST API `shop` — public POST /webhooks endpoint", "POST /webhooks")]
    [InlineData("API Gateway `shop`: GET /orders/{id} (get-order)", "GET /orders/{id}@get-order")]
    public void Routes(string item, string value) => Assert.Contains(value, ReadOne(item).Attributes.Where(a => a.Property == "Route").Select(a => a.Value));

    [Theory]
    [InlineData("**Step Functions** `flow` — express workflow", "Type", "EXPRESS")]
    [InlineData("State machine `flow`, 5 min timeout", "Timeout", "300")]
    [InlineData("SNS topic `alerts`, email subscription to ops@example.com", "EmailSubscription", "ops@example.com")]
    [InlineData("SNS topic `alerts.fifo` (FIFO)", "Fifo", "true")]
    [InlineData("EventBridge rule `tick` — every 5 minutes, disabled", "Enabled", "false")]
    public void Other_kinds(string item, string property, string value) => Assert.Equal(value, Value(ReadOne(item), property));

    [Fact]
    public void The_words_of_each_attribute_are_kept_with_their_line()
    {
        var table = ReadOne("**DynamoDB Table** `orders` — partition key `orderId` (string), on-demand");
        var key = Assert.Single(table.Attributes, a => a.Property == "PartitionKey");
        Assert.Equal("partition key orderId (string)", key.Phrase);
        Assert.Equal(12, key.Location.Line);
    }

    [Fact]
    public void Nested_bullets_state_settings_on_their_own_lines()
    {
        var function = ReadOne("**AWS Lambda** `resize`", "  - Python 3.11 / 1024 MB / 60 s\n  - reserved concurrency 4\n");
        Assert.Equal(("python3.11", "1024", "60", "4"),
            (Value(function, "Runtime"), Value(function, "Memory"), Value(function, "Timeout"), Value(function, "ReservedConcurrency")));
        Assert.Equal(14, function.Attributes.Single(a => a.Property == "ReservedConcurrency").Location.Line);
    }

    [Fact]
    public void Words_inside_a_resource_name_state_nothing()
    {
        var alarm = ReadOne("CloudWatch alarm `errors-over-5-minutes` on `api`", "- Lambda `api` — Python 3.12\n");
        Assert.DoesNotContain(alarm.Attributes, a => a.Property is "Period" or "Metric");
    }
}
