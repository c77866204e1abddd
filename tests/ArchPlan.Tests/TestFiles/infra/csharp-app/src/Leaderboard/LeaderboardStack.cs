using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Ecs = Amazon.CDK.AWS.ECS;
using SecretsManager = Amazon.CDK.AWS.SecretsManager;

namespace Acme.Leaderboard
{
    /// <summary>Leaderboard snapshots: a nightly Lambda and a Fargate worker.</summary>
    public sealed class LeaderboardStack : Stack
    {
        private const string ApiKeySecretName = "acme/leaderboard/api-key";

        internal LeaderboardStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
        {
            var bucket = new Bucket(this, "SnapshotBucket", new BucketProps
            {
                RemovalPolicy = RemovalPolicy.DESTROY,
                AutoDeleteObjects = true,
            });
            var table = new Table(this, "ScoresTable", new TableProps
            {
                PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
            var queue = new Queue(this, "SnapshotQueue", new QueueProps { VisibilityTimeout = Duration.Minutes(5) });
            var alerts = new Topic(this, "AlertsTopic");

            var apiKey = SecretsManager.Secret.FromSecretNameV2(this, "ApiKeySecret", ApiKeySecretName);
            var dbCredentials = SecretsManager.Secret.FromSecretNameV2(this, "DbCredentials", "acme/db/credentials");
            var logLevel = (string)Node.TryGetContext("logLevel") ?? "info";

            var snapshot = new Function(this, "Snapshot", new FunctionProps
            {
                Runtime = Runtime.DOTNET_8,
                Handler = "Snapshot::Snapshot.Function::Handler",
                Code = Code.FromAsset("../src/Snapshot/bin/Release/net8.0/publish"),
                MemorySize = 512,
                Timeout = Duration.Seconds(60),
                Environment = new Dictionary<string, string>
                {
                    ["LOG_LEVEL"] = logLevel,
                    ["BUCKET_NAME"] = bucket.BucketName,
                    ["TABLE_NAME"] = table.TableName,
                },
            });
            snapshot.AddEnvironment("QUEUE_URL", queue.QueueUrl);
            snapshot.AddEnvironment("API_KEY_SECRET_ARN", apiKey.SecretArn);
            bucket.GrantReadWrite(snapshot);
            table.GrantReadData(snapshot);
            apiKey.GrantRead(snapshot);

            new Rule(this, "NightlySnapshotRule", new RuleProps
            {
                Schedule = Schedule.Cron(new CronOptions { Minute = "0", Hour = "10" }),
                Targets = new IRuleTarget[] { new LambdaFunction(snapshot) },
            });
            var errors = new Alarm(this, "SnapshotErrorsAlarm", new AlarmProps
            {
                Metric = snapshot.MetricErrors(),
                Threshold = 1,
                EvaluationPeriods = 1,
            });
            errors.AddAlarmAction(new SnsAction(alerts));

            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });
            var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
            var taskDef = new FargateTaskDefinition(this, "WorkerTaskDef", new FargateTaskDefinitionProps
            {
                Cpu = 512,
                MemoryLimitMiB = 1024,
            });
            taskDef.AddContainer("worker", new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromEcrRepository(Amazon.CDK.AWS.ECR.Repository.FromRepositoryName(this, "WorkerRepo", "acme-worker")),
                Environment = new Dictionary<string, string>
                {
                    { "LOG_LEVEL", "info" },
                    { "BUCKET_NAME", bucket.BucketName },
                    { "TABLE_NAME", table.TableName },
                    { "QUEUE_URL", queue.QueueUrl },
                },
                Secrets = new Dictionary<string, Ecs.Secret>
                {
                    { "DB_PASSWORD", Ecs.Secret.FromSecretsManager(dbCredentials, "password") },
                    { "DB_USERNAME", Ecs.Secret.FromSecretsManager(dbCredentials, "username") },
                },
                Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "worker" }),
            });
            new FargateService(this, "WorkerService", new FargateServiceProps
            {
                Cluster = cluster,
                TaskDefinition = taskDef,
            });
        }
    }
}
