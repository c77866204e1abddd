using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2076: a resource name longer than AWS allows for its kind.</summary>
internal sealed class ResourceNameLengthRule : IPlanRule
{
    /// <summary>The longest name AWS accepts per kind (the service quotas pages; CloudFormation refuses longer ones).</summary>
    internal static readonly IReadOnlyDictionary<ResourceKind, int> MaxLength = new Dictionary<ResourceKind, int>
    {
        [ResourceKind.LambdaFunction] = 64,
        [ResourceKind.SqsQueue] = 80,
        [ResourceKind.SnsTopic] = 256,
        [ResourceKind.S3Bucket] = 63,
        [ResourceKind.DynamoDbTable] = 255,
        [ResourceKind.EventBridgeRule] = 64,
        [ResourceKind.CloudWatchAlarm] = 255,
        [ResourceKind.StateMachine] = 80,
        [ResourceKind.FargateService] = 255,
        [ResourceKind.RdsInstance] = 63,
        [ResourceKind.AuroraCluster] = 63,
    };

    /// <summary>For kinds without a known limit: the longest any of them allows.</summary>
    private const int DefaultMax = 256;

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var resource in context.Plan.Resources)
        {
            var name = resource.Name.Trim();
            var max = MaxLength.GetValueOrDefault(resource.Kind, DefaultMax);
            if (name.Length > max)
            {
                var kind = Kinds.KindCatalog.For(resource.Kind)?.TitleOf(resource.Kind) ?? "resource";
                diagnostics.Add(DiagnosticCatalog.ResourceNameTooLong, resource.Location, Shown.Text(name), name.Length, max, kind);
            }
        }
    }
}
