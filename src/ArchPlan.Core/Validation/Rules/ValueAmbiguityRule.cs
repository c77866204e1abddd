using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2036: a value's words name a secret of the plan and one of its resources (<c>from invoices</c> with secret and table <c>invoices</c>).</summary>
/// <remarks>The reader binds such words to the secret; picking either silently would be a guess, so the plan must say which.</remarks>
internal sealed class ValueAmbiguityRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        if (plan.Resources.Count == 0)
        {
            return;
        }
        var byName = plan.Resources.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var variable in plan.Variables)
        {
            var values = new List<(ValueSpec Value, SourceLocation Location)> { (variable.Value, ValidationContext.ValueLocationOf(variable)) };
            values.AddRange(variable.PerEnvironment.Select(p => (p.Value, p.Location.HasPosition ? p.Location : ValidationContext.ValueLocationOf(variable))));
            foreach (var (value, location) in values.Where(v => v.Value is { Kind: ValueKind.FromSecret, Resource: not null, Secret: not null }).DistinctBy(v => v.Value.Resource))
            {
                var words = value.Resource!.Trim().Trim('`').Trim();
                var last = words.Contains('/', StringComparison.Ordinal) ? words[(words.LastIndexOf('/') + 1)..] : words;
                if (byName.TryGetValue(words, out var resource) || byName.TryGetValue(last, out resource))
                {
                    diagnostics.Add(DiagnosticCatalog.ValueNamesSecretAndResource, location, Shown.Text(variable.Name), Shown.Text(words),
                        Shown.Text(value.Secret), KindWords(resource.Kind), Shown.Text(resource.Name));
                }
            }
        }
    }

    private static string KindWords(ResourceKind kind) => kind switch
    {
        ResourceKind.DynamoDbTable => "DynamoDB table",
        ResourceKind.S3Bucket => "S3 bucket",
        ResourceKind.SqsQueue => "SQS queue",
        ResourceKind.SnsTopic => "SNS topic",
        ResourceKind.RdsInstance or ResourceKind.AuroraCluster => "database",
        ResourceKind.LambdaFunction => "Lambda function",
        _ => "resource",
    };
}
