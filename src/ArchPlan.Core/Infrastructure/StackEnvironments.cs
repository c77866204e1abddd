using System.Text.RegularExpressions;
using ArchPlan.Reading;

namespace ArchPlan.Infrastructure;

/// <summary>
/// Tells which deployment environment a stack is for, from its names (<c>OrdersStack-dev</c>, <c>orders-prod</c>,
/// <c>ProdOrdersStack</c>, a stage <c>Prod/OrdersStack</c>) or a tag such as <c>env: production</c>.
/// </summary>
public static partial class StackEnvironments
{
    private static readonly HashSet<string> EnvironmentTagKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "env", "environment", "stage", "deployment-environment", "deploymentenvironment", "app-environment", "tier",
    };

    /// <summary>The canonical environment (dev, staging, prod, ...) of a stack, or null when its names and tags name none or several.</summary>
    public static string? Of(InfraStack stack)
    {
        // A tag is explicit: it wins over words in the names.
        foreach (var tag in stack.Tags)
        {
            if (EnvironmentTagKeys.Contains(tag.Key) && EnvironmentNames.Canonical(tag.Value) is { } tagged)
            {
                return tagged;
            }
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { stack.Id, stack.StackName, stack.DisplayName })
        {
            if (InName(name) is { } environment)
            {
                found.Add(environment);
            }
        }
        return found.Count == 1 ? found.Single() : null;
    }

    /// <summary>The environment one name names (<c>OrdersStack-dev</c> → dev), or null when it names none or several.</summary>
    public static string? InName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        if (name.Contains("preprod", StringComparison.OrdinalIgnoreCase) || name.Contains("pre-prod", StringComparison.OrdinalIgnoreCase))
        {
            // "pre-prod" splits into "pre" and "prod", which would read as production.
            return "preprod";
        }
        var found = Words().Matches(name)
            .Select(m => EnvironmentNames.Canonical(m.Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    // Words of a stack name: "ProdOrdersStack" → Prod, Orders, Stack; "orders-dev" → orders, dev; "API-PROD" → API, PROD.
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")]
    private static partial Regex Words();
}
