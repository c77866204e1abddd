using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Scan2Text
{
    /// <summary>Scans in, text out: bucket → queue → trigger function → one Fargate OCR task per scan.</summary>
    public sealed partial class Scan2TextStack : Stack
    {
        private readonly Bucket _scans;
        private readonly Queue _jobs;
        private readonly Cluster _cluster;
        private readonly FargateTaskDefinition _ocrTask;

        internal Scan2TextStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
        {
            var imageTag = (string)Node.TryGetContext("ocrImageTag") ?? "latest";

            var accessLogs = new Bucket(this, "AccessLogs", new BucketProps
            {
                BucketName = "scan2text-access-logs",
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                Encryption = BucketEncryption.S3_MANAGED,
                EnforceSSL = true,
                LifecycleRules = new ILifecycleRule[] { new LifecycleRule { Expiration = Duration.Days(90) } },
            });

            // Kept on `cdk destroy`: the scans are the customer's data.
            _scans = new Bucket(this, "Scans", new BucketProps
            {
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                Encryption = BucketEncryption.S3_MANAGED,
                EnforceSSL = true,
                ServerAccessLogsBucket = accessLogs,
                ServerAccessLogsPrefix = "scans/",
                RemovalPolicy = RemovalPolicy.RETAIN,
            });

            // Longer than the trigger's timeout, so a message is not handed out twice while a task starts.
            _jobs = new Queue(this, "Jobs", new QueueProps
            {
                VisibilityTimeout = Duration.Minutes(2),
                RetentionPeriod = Duration.Days(4),
            });
            _scans.AddEventNotification(EventType.OBJECT_CREATED, new SqsDestination(_jobs),
                new NotificationKeyFilter { Prefix = "incoming/" });

            // Private subnets only; S3 and ECR are reached through endpoints instead of a NAT gateway.
            var vpc = new Vpc(this, "Vpc", new VpcProps
            {
                MaxAzs = 2,
                NatGateways = 0,
                SubnetConfiguration = new ISubnetConfiguration[]
                {
                    new SubnetConfiguration { Name = "Tasks", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
                },
            });
            vpc.AddGatewayEndpoint("S3Endpoint", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
            vpc.AddInterfaceEndpoint("EcrApiEndpoint", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
            vpc.AddInterfaceEndpoint("EcrDockerEndpoint", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
            vpc.AddInterfaceEndpoint("LogsEndpoint", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });

            _cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc, ClusterName = "scan2text" });

            _ocrTask = new FargateTaskDefinition(this, "OcrTask", new FargateTaskDefinitionProps
            {
                Cpu = 2048,
                MemoryLimitMiB = 4096,
            });
            _ocrTask.AddContainer("ocr", new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromEcrRepository(Repository.FromRepositoryName(this, "OcrRepo", "scan2text-ocr"), imageTag),
                Environment = new Dictionary<string, string>
                {
                    ["SOURCE_BUCKET"] = _scans.BucketName,
                    ["JOB_QUEUE_URL"] = _jobs.QueueUrl,
                    ["OCR_LANGUAGES"] = "eng+deu+fra",
                },
                Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
                {
                    StreamPrefix = "ocr",
                    LogGroup = new LogGroup(this, "OcrLogs", new LogGroupProps
                    {
                        LogGroupName = "/aws/ecs/scan2text-ocr",
                        Retention = RetentionDays.ONE_MONTH,
                        RemovalPolicy = RemovalPolicy.DESTROY,
                    }),
                }),
            });
            _scans.GrantReadWrite(_ocrTask.TaskRole);
            _jobs.GrantConsumeMessages(_ocrTask.TaskRole);

            // Tasks that fail three times are reported here; the on-call rota subscribes by hand.
            new Topic(this, "FailedJobs", new TopicProps { TopicName = "scan2text-failed-jobs" });

            AddTrigger();

            new CfnOutput(this, "ScansBucketName", new CfnOutputProps { Value = _scans.BucketName });
        }
    }
}
