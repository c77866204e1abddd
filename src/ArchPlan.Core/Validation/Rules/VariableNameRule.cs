using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2006, AP2007, AP2023: variable names Lambda (or, for other compute, a shell) cannot take, and names not in upper case.</summary>
/// <remarks>
/// Lower-case names get a warning only (AP2023): Lambda and ECS accept them and some libraries read
/// lower-case variables (<c>http_proxy</c>), but in a plan they are far more often a slip than a choice.
/// Names Lambda reserves are left to AP2008 so each name gets one diagnostic.
/// </remarks>
internal sealed partial class VariableNameRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            var name = variable.Name;
            var reachesLambda = context.ReachesLambda(variable);
            if (reachesLambda && ReservedLambdaVariableRule.IsReserved(name))
            {
                continue;
            }
            if (reachesLambda && !LambdaName().IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidLambdaVariableName, variable.Location, Shown.Text(name));
            }
            else if (!reachesLambda && !PortableName().IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.NonPortableVariableName, variable.Location, Shown.Text(name));
            }
            else if (name.Any(char.IsAsciiLetterLower))
            {
                diagnostics.Add(DiagnosticCatalog.LowercaseVariableName, variable.Location, Shown.Text(name));
            }
        }
    }

    /// <summary>Lambda's rule for environment variable keys.</summary>
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]+\z")]
    private static partial Regex LambdaName();

    /// <summary>POSIX's portable names.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex PortableName();
}
