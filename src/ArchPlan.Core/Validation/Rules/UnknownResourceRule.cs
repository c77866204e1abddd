using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2017: a resource in the AWS Resources list the reader could not classify.</summary>
internal sealed class UnknownResourceRule : IPlanRule
{
    /// <summary>Every kind ArchPlan knows, in words a plan author would use.</summary>
    internal static readonly string KnownKinds = string.Join(", ", Enum.GetValues<ResourceKind>()
        .Where(k => k != ResourceKind.Unknown)
        .Select(Describe));

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var resource in context.Plan.Resources.Where(r => r.Kind == ResourceKind.Unknown))
        {
            var item = string.IsNullOrWhiteSpace(resource.Text) ? resource.Name : resource.Text;
            diagnostics.Add(DiagnosticCatalog.UnknownResource, resource.Location, Shown.Text(item), KnownKinds);
        }
    }

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.LambdaFunction => "Lambda function",
        ResourceKind.FargateService => "Fargate service",
        ResourceKind.FargateTask => "Fargate task",
        ResourceKind.S3Bucket => "S3 bucket",
        ResourceKind.DynamoDbTable => "DynamoDB table",
        ResourceKind.SqsQueue => "SQS queue",
        ResourceKind.SnsTopic => "SNS topic",
        ResourceKind.EventBridgeRule => "EventBridge rule or schedule",
        ResourceKind.RestApi => "API Gateway REST API",
        ResourceKind.HttpApi => "API Gateway HTTP API",
        ResourceKind.CloudWatchAlarm => "CloudWatch alarm",
        ResourceKind.RdsInstance => "RDS instance",
        ResourceKind.AuroraCluster => "Aurora cluster",
        ResourceKind.StateMachine => "Step Functions state machine",
        ResourceKind.EcrRepository => "ECR repository",
        ResourceKind.Vpc => "VPC",
        ResourceKind.EcsCluster => "ECS cluster",
        ResourceKind.LogGroup => "CloudWatch log group",
        ResourceKind.IamRole => "IAM role",
        ResourceKind.SecretsManagerSecret => "Secrets Manager secret",
        ResourceKind.KmsKey => "KMS key",
        ResourceKind.CloudWatchDashboard => "CloudWatch dashboard",
        _ => kind.ToString(),
    };
}
