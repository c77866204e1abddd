namespace ArchPlan.Model;

/// <summary>Each resource kind as AWS spells it ("DynamoDB table", "Step Functions state machine"), for people to read.</summary>
public static class ResourceKindNames
{
    public static string Of(ResourceKind kind) => kind switch
    {
        ResourceKind.LambdaFunction => "Lambda function",
        ResourceKind.FargateService => "ECS Fargate service",
        ResourceKind.FargateTask => "ECS Fargate task",
        ResourceKind.S3Bucket => "S3 bucket",
        ResourceKind.DynamoDbTable => "DynamoDB table",
        ResourceKind.SqsQueue => "SQS queue",
        ResourceKind.SnsTopic => "SNS topic",
        ResourceKind.EventBridgeRule => "EventBridge rule",
        ResourceKind.RestApi => "API Gateway REST API",
        ResourceKind.HttpApi => "API Gateway HTTP API",
        ResourceKind.CloudWatchAlarm => "CloudWatch alarm",
        ResourceKind.RdsInstance => "RDS DB instance",
        ResourceKind.AuroraCluster => "Aurora DB cluster",
        ResourceKind.StateMachine => "Step Functions state machine",
        ResourceKind.EcrRepository => "ECR repository",
        ResourceKind.Vpc => "VPC",
        ResourceKind.EcsCluster => "ECS cluster",
        ResourceKind.LogGroup => "CloudWatch Logs log group",
        ResourceKind.IamRole => "IAM role",
        ResourceKind.SecretsManagerSecret => "Secrets Manager secret",
        ResourceKind.KmsKey => "KMS key",
        ResourceKind.CloudWatchDashboard => "CloudWatch dashboard",
        _ => "unknown",
    };
}
