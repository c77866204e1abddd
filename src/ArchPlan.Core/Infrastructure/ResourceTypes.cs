using System.Text.RegularExpressions;
using ArchPlan.Model;

namespace ArchPlan.Infrastructure;

/// <summary>Maps CloudFormation types (and CDK construct classes) to plan kinds, and tells CDK's plumbing from real resources.</summary>
internal static partial class ResourceTypes
{
    private static readonly Dictionary<string, ResourceKind> Primary = new(StringComparer.Ordinal)
    {
        ["AWS::Lambda::Function"] = ResourceKind.LambdaFunction,
        ["AWS::Serverless::Function"] = ResourceKind.LambdaFunction,
        ["AWS::ECS::Service"] = ResourceKind.FargateService,
        ["AWS::ECS::TaskDefinition"] = ResourceKind.FargateTask,
        ["AWS::S3::Bucket"] = ResourceKind.S3Bucket,
        ["AWS::DynamoDB::Table"] = ResourceKind.DynamoDbTable,
        ["AWS::DynamoDB::GlobalTable"] = ResourceKind.DynamoDbTable,
        ["AWS::SQS::Queue"] = ResourceKind.SqsQueue,
        ["AWS::SNS::Topic"] = ResourceKind.SnsTopic,
        ["AWS::Events::Rule"] = ResourceKind.EventBridgeRule,
        ["AWS::Scheduler::Schedule"] = ResourceKind.EventBridgeRule,
        ["AWS::ApiGateway::RestApi"] = ResourceKind.RestApi,
        ["AWS::ApiGatewayV2::Api"] = ResourceKind.HttpApi,
        ["AWS::CloudWatch::Alarm"] = ResourceKind.CloudWatchAlarm,
        ["AWS::RDS::DBInstance"] = ResourceKind.RdsInstance,
        ["AWS::RDS::DBCluster"] = ResourceKind.AuroraCluster,
        ["AWS::StepFunctions::StateMachine"] = ResourceKind.StateMachine,
    };

    private static readonly Dictionary<string, ResourceKind> Supporting = new(StringComparer.Ordinal)
    {
        ["AWS::ECR::Repository"] = ResourceKind.EcrRepository,
        ["AWS::EC2::VPC"] = ResourceKind.Vpc,
        ["AWS::ECS::Cluster"] = ResourceKind.EcsCluster,
        ["AWS::Logs::LogGroup"] = ResourceKind.LogGroup,
        ["AWS::KMS::Key"] = ResourceKind.KmsKey,
        ["AWS::CloudWatch::Dashboard"] = ResourceKind.CloudWatchDashboard,

        // Certificates serve a load balancer's or distribution's domain: part of what uses them, like a key.
        ["AWS::CertificateManager::Certificate"] = ResourceKind.Unknown,
    };

    // Types CDK creates around the resources a person asks for; prefixes end with "::".
    private static readonly string[] HelperPrefixes =
    [
        "AWS::IAM::", "AWS::CDK::", "Custom::", "AWS::CloudFormation::", "AWS::EC2::", "AWS::ElasticLoadBalancingV2::",
        "AWS::ApplicationAutoScaling::", "AWS::ServiceDiscovery::", "AWS::Lambda::", "AWS::ApiGateway::", "AWS::ApiGatewayV2::",
        "AWS::SecretsManager::", "AWS::SSM::", "AWS::AppConfig::",
    ];

    private static readonly HashSet<string> HelperTypes = new(StringComparer.Ordinal)
    {
        "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription",
        "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBClusterParameterGroup", "AWS::RDS::DBParameterGroup",
        "AWS::KMS::Alias", "AWS::Logs::SubscriptionFilter", "AWS::Logs::MetricFilter", "AWS::Logs::ResourcePolicy",
        "AWS::Scheduler::ScheduleGroup", "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::Events::EventBusPolicy",
        "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain", "AWS::Cognito::UserPoolGroup", "AWS::Cognito::UserPoolResourceServer",
        "AWS::CloudFront::CloudFrontOriginAccessIdentity", "AWS::CloudFront::OriginAccessControl", "AWS::Route53::RecordSet",
        "AWS::Route53::RecordSetGroup", "AWS::AppSync::Resolver", "AWS::AppSync::DataSource", "AWS::AppSync::GraphQLSchema",
        "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::ApiKey", "AWS::Kinesis::StreamConsumer",
        "AWS::EFS::MountTarget", "AWS::EFS::AccessPoint", "AWS::CloudFront::Function", "AWS::CloudFront::CachePolicy",
        "AWS::CloudFront::ResponseHeadersPolicy", "AWS::CloudFront::OriginRequestPolicy",
    };

    // Types that exist only to attach one resource to another or to configure it (a WAF association, a cache's
    // subnet group, a role attachment), whatever the service: a plan names what they attach, never them.
    private static readonly string[] SubResourceSuffixes =
    [
        "Association", "Associations", "Attachment", "SubnetGroup", "ParameterGroup", "OptionGroup", "Policy", "Permission",
        "Subscription", "Version", "Alias",
    ];

    /// <summary>Construct classes of the C# CDK library and the CloudFormation type each creates.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConstructTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Function"] = "AWS::Lambda::Function",
        ["DockerImageFunction"] = "AWS::Lambda::Function",
        ["NodejsFunction"] = "AWS::Lambda::Function",
        ["PythonFunction"] = "AWS::Lambda::Function",
        ["SingletonFunction"] = "AWS::Lambda::Function",
        ["Bucket"] = "AWS::S3::Bucket",
        ["Table"] = "AWS::DynamoDB::Table",
        ["TableV2"] = "AWS::DynamoDB::GlobalTable",
        ["Queue"] = "AWS::SQS::Queue",
        ["Topic"] = "AWS::SNS::Topic",
        ["Rule"] = "AWS::Events::Rule",
        ["Schedule"] = "AWS::Scheduler::Schedule",
        ["HttpApi"] = "AWS::ApiGatewayV2::Api",
        ["RestApi"] = "AWS::ApiGateway::RestApi",
        ["LambdaRestApi"] = "AWS::ApiGateway::RestApi",
        ["Alarm"] = "AWS::CloudWatch::Alarm",
        ["DatabaseInstance"] = "AWS::RDS::DBInstance",
        ["DatabaseCluster"] = "AWS::RDS::DBCluster",
        ["ServerlessCluster"] = "AWS::RDS::DBCluster",
        ["StateMachine"] = "AWS::StepFunctions::StateMachine",
        ["FargateService"] = "AWS::ECS::Service",
        ["ApplicationLoadBalancedFargateService"] = "AWS::ECS::Service",
        ["ScheduledFargateTask"] = "AWS::Events::Rule",
        ["FargateTaskDefinition"] = "AWS::ECS::TaskDefinition",
        ["Secret"] = "AWS::SecretsManager::Secret",
        ["Repository"] = "AWS::ECR::Repository",
        ["Vpc"] = "AWS::EC2::VPC",
        ["Cluster"] = "AWS::ECS::Cluster",
        ["LogGroup"] = "AWS::Logs::LogGroup",
        ["Key"] = "AWS::KMS::Key",
        ["Dashboard"] = "AWS::CloudWatch::Dashboard",
        ["DockerImageAsset"] = "AWS::CDK::Asset",
        ["Role"] = "AWS::IAM::Role",
        ["StringParameter"] = "AWS::SSM::Parameter",
        ["StringListParameter"] = "AWS::SSM::Parameter",
        ["Policy"] = "AWS::IAM::Policy",
    };

    /// <summary>The properties that hold a resource's physical name, per type.</summary>
    public static readonly IReadOnlyDictionary<string, string> NameProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::Lambda::Function"] = "FunctionName",
        ["AWS::S3::Bucket"] = "BucketName",
        ["AWS::DynamoDB::Table"] = "TableName",
        ["AWS::DynamoDB::GlobalTable"] = "TableName",
        ["AWS::SQS::Queue"] = "QueueName",
        ["AWS::SNS::Topic"] = "TopicName",
        ["AWS::Events::Rule"] = "Name",
        ["AWS::Scheduler::Schedule"] = "Name",
        ["AWS::ApiGateway::RestApi"] = "Name",
        ["AWS::ApiGatewayV2::Api"] = "Name",
        ["AWS::CloudWatch::Alarm"] = "AlarmName",
        ["AWS::RDS::DBInstance"] = "DBInstanceIdentifier",
        ["AWS::RDS::DBCluster"] = "DBClusterIdentifier",
        ["AWS::StepFunctions::StateMachine"] = "StateMachineName",
        ["AWS::ECS::Service"] = "ServiceName",
        ["AWS::ECS::TaskDefinition"] = "Family",
        ["AWS::ECR::Repository"] = "RepositoryName",
        ["AWS::Logs::LogGroup"] = "LogGroupName",
        ["AWS::SecretsManager::Secret"] = "Name",
        ["AWS::SSM::Parameter"] = "Name",
    };

    /// <summary>The construct id of the bucket generated apps send their buckets' server access logs to.</summary>
    public const string AccessLogsBucketId = "ArchPlanAccessLogs";

    /// <summary>Classifies a resource: its role in a diff and the plan kind it corresponds to.</summary>
    public static (InfraRole Role, ResourceKind Kind) Classify(string type, string logicalId, string? cdkPath, string? handler)
    {
        if (type == "AWS::SecretsManager::Secret")
        {
            return (InfraRole.Secret, ResourceKind.SecretsManagerSecret);
        }
        // The access-log bucket a generated app adds for its buckets (construct id ArchPlanAccessLogs): plumbing.
        if (type == "AWS::S3::Bucket" && logicalId.StartsWith(AccessLogsBucketId, StringComparison.Ordinal))
        {
            return (InfraRole.Helper, ResourceKind.S3Bucket);
        }
        if (Primary.TryGetValue(type, out var kind))
        {
            return kind == ResourceKind.LambdaFunction && IsHelperFunction(logicalId, cdkPath, handler)
                ? (InfraRole.Helper, kind)
                : (InfraRole.Primary, kind);
        }
        if (Supporting.TryGetValue(type, out kind))
        {
            return (InfraRole.Supporting, kind);
        }
        if (type == "AWS::IAM::Role")
        {
            return (InfraRole.Helper, ResourceKind.IamRole);
        }
        if (HelperTypes.Contains(type) || HelperPrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal))
            || SubResourceSuffixes.Any(suffix => type.EndsWith(suffix, StringComparison.Ordinal)))
        {
            return (InfraRole.Helper, ResourceKind.Unknown);
        }
        return (InfraRole.Primary, ResourceKind.Unknown);
    }

    /// <summary>
    /// CDK's own functions: log retention, custom-resource providers, bucket-notification handlers, singletons
    /// (whose ids carry a 32-hex-digit uuid), and the provider framework's handlers.
    /// </summary>
    public static bool IsHelperFunction(string logicalId, string? cdkPath, string? handler)
    {
        var text = logicalId + " " + cdkPath;
        return handler is "framework.onEvent" or "framework.isComplete" or "framework.onTimeout"
            || text.Contains("LogRetention", StringComparison.Ordinal)
            || text.Contains("CustomResourceProvider", StringComparison.Ordinal)
            || text.Contains("BucketNotificationsHandler", StringComparison.Ordinal)
            || text.Contains("/Provider/framework-", StringComparison.Ordinal)
            || text.Contains("Providerframework", StringComparison.Ordinal)
            || SingletonUuid().IsMatch(text);
    }

    [GeneratedRegex("[0-9a-fA-F]{32}")]
    private static partial Regex SingletonUuid();
}
