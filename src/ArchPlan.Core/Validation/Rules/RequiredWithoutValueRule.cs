using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2015: a required variable with no value anywhere in the plan.</summary>
internal sealed class RequiredWithoutValueRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            if (variable.Required == Requirement.Required
                && variable.Value.Kind == ValueKind.None
                && variable.PerEnvironment.All(p => p.Value.Kind == ValueKind.None))
            {
                diagnostics.Add(DiagnosticCatalog.RequiredVariableWithoutValue, ValidationContext.ValueLocationOf(variable), Shown.Text(variable.Name));
            }
        }
    }
}
