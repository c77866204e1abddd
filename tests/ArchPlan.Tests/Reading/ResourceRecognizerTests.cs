using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class ResourceRecognizerTests
{
    [Theory]
    [InlineData("Lambda Function `snapshot` — Python 3.12", ResourceKind.LambdaFunction)]
    [InlineData("AWS Lambda function that writes to an S3 bucket", ResourceKind.LambdaFunction)]
    [InlineData("ECS Fargate service `web` — 256 CPU / 512 MB", ResourceKind.FargateService)]
    [InlineData("ECS Fargate service `worker` — 2 tasks, processes `events`", ResourceKind.FargateService)]
    [InlineData("Fargate Task `import` — run by a schedule", ResourceKind.FargateTask)]
    [InlineData("Scheduled ECS Fargate task `nightly-export`", ResourceKind.FargateTask)]
    [InlineData("ECS cluster `main`", ResourceKind.EcsCluster)]
    [InlineData("S3 Bucket `uploads` — versioned", ResourceKind.S3Bucket)]
    [InlineData("DynamoDB Table `items`", ResourceKind.DynamoDbTable)]
    [InlineData("SQS Queue `work` — with a dead-letter queue", ResourceKind.SqsQueue)]
    [InlineData("Dead-letter queue `work-dlq`", ResourceKind.SqsQueue)]
    [InlineData("SNS Topic `alerts`", ResourceKind.SnsTopic)]
    [InlineData("EventBridge Rule `poll` — every 5 minutes", ResourceKind.EventBridgeRule)]
    [InlineData("EventBridge Scheduler schedule `import`", ResourceKind.EventBridgeRule)]
    [InlineData("CloudWatch Events rule `nightly`", ResourceKind.EventBridgeRule)]
    [InlineData("REST API `public-api` — API Gateway REST API", ResourceKind.RestApi)]
    [InlineData("API Gateway `public-api` fronting the handler", ResourceKind.RestApi)]
    [InlineData("HTTP API `internal-api` — API Gateway HTTP API", ResourceKind.HttpApi)]
    [InlineData("API Gateway HTTP API `payments-api`", ResourceKind.HttpApi)]
    [InlineData("API Gateway v2 `ws`", ResourceKind.HttpApi)]
    [InlineData("CloudWatch Alarm `errors` — over 5 minutes", ResourceKind.CloudWatchAlarm)]
    [InlineData("RDS PostgreSQL `db` — PostgreSQL 16", ResourceKind.RdsInstance)]
    [InlineData("RDS Instance `db` — MySQL 8", ResourceKind.RdsInstance)]
    [InlineData("Aurora Cluster `db` — Aurora PostgreSQL Serverless v2", ResourceKind.AuroraCluster)]
    [InlineData("RDS Aurora PostgreSQL cluster `db`", ResourceKind.AuroraCluster)]
    [InlineData("Step Functions State Machine `flow` — standard workflow", ResourceKind.StateMachine)]
    [InlineData("ECR repository `images`", ResourceKind.EcrRepository)]
    [InlineData("VPC `main` with two private subnets", ResourceKind.Vpc)]
    [InlineData("KMS key `data`", ResourceKind.KmsKey)]
    public void Recognises_the_kind_named_first(string text, ResourceKind kind) =>
        Assert.Equal(kind, ResourceRecognizer.Recognize(text)?.Kind);

    [Theory]
    [InlineData("Quantum flux capacitor `flux-1` — 1.21 gigawatts")]
    [InlineData("Something we still have to decide")]
    public void Recognises_nothing_in_text_that_names_no_aws_service(string text) => Assert.Null(ResourceRecognizer.Recognize(text));

    [Theory]
    [InlineData("Python 3.12, 512 MB", "python3.12")]
    [InlineData("runtime python3.11", "python3.11")]
    [InlineData("Node.js 20, 256 MB", "nodejs20.x")]
    [InlineData("nodejs18.x", "nodejs18.x")]
    [InlineData("Node 22", "nodejs22.x")]
    [InlineData(".NET 8, 1024 MB", "dotnet8")]
    [InlineData("dotnet8", "dotnet8")]
    [InlineData("Java 21", "java21")]
    [InlineData("Ruby 3.3", "ruby3.3")]
    [InlineData("Go 1.22 on provided.al2023", "provided.al2023")]
    [InlineData("written in Golang", "provided.al2023")]
    [InlineData("512 MB, messages go through the queue", null)]
    [InlineData("256 MB, timeout 10 s", null)]
    public void Reads_the_runtime_in_cdk_form(string text, string? runtime) => Assert.Equal(runtime, ResourceRecognizer.Runtime(text));

    [Theory]
    [InlineData("Python 3.12, 512 MB", 512)]
    [InlineData("1 GB memory", 1024)]
    [InlineData("0.5 GB", 512)]
    [InlineData("3 GB", 3072)]
    [InlineData("2048 MiB", 2048)]
    [InlineData("1024 CPU / 2048 MB", 2048)]
    [InlineData("20 GB ephemeral storage, 1024 MB", 1024)]
    [InlineData("20 GB ephemeral storage", null)]
    [InlineData("timeout 10 s", null)]
    public void Reads_memory_in_megabytes(string text, int? memory) => Assert.Equal(memory, ResourceRecognizer.MemoryMb(text));

    [Theory]
    [InlineData("256 CPU / 512 MB", 256)]
    [InlineData("1024 CPU units", 1024)]
    [InlineData("1 vCPU, 2 GB", 1024)]
    [InlineData("0.25 vCPU", 256)]
    [InlineData("2 vCPUs", 2048)]
    [InlineData("512 MB", null)]
    public void Reads_cpu_in_ecs_units(string text, int? cpu) => Assert.Equal(cpu, ResourceRecognizer.CpuUnits(text));

    [Theory]
    [InlineData("timeout 30 s", 30)]
    [InlineData("timeout 60 seconds", 60)]
    [InlineData("60 s timeout", 60)]
    [InlineData("timeout 15 min", 900)]
    [InlineData("timeout: 2 minutes", 120)]
    [InlineData("5-minute timeout", 300)]
    [InlineData("timeout 1 h", 3600)]
    [InlineData("512 MB", null)]
    public void Reads_timeouts_in_seconds(string text, int? seconds) => Assert.Equal(seconds, ResourceRecognizer.TimeoutSeconds(text));

    [Theory]
    [InlineData("image from ECR repository payments-worker, 2 tasks", "payments-worker")]
    [InlineData("ECR repo: web-frontend", "web-frontend")]
    [InlineData("runs the batch-import ECR image", "batch-import")]
    [InlineData("1024 CPU / 2048 MB", null)]
    public void Reads_the_ecr_repository_of_an_image(string text, string? repository) =>
        Assert.Equal(repository, ResourceRecognizer.EcrRepository(text));
}
