using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2006, AP2007: variable names Lambda (or, for other compute, a shell) cannot take.</summary>
/// <remarks>
/// Lowercase names are accepted without comment: Lambda and ECS take them, and some libraries read
/// lowercase variables (<c>http_proxy</c>), so a warning would be noise. Names Lambda reserves are left
/// to AP2008 so each name gets one diagnostic.
/// </remarks>
internal sealed partial class VariableNameRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            var name = variable.Name;
            if (context.ReachesLambda(variable))
            {
                if (!LambdaName().IsMatch(name) && !ReservedLambdaVariableRule.IsReserved(name))
                {
                    diagnostics.Add(DiagnosticCatalog.InvalidLambdaVariableName, variable.Location, name);
                }
            }
            else if (!PortableName().IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.NonPortableVariableName, variable.Location, name);
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
