using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2014: a Required cell the reader could not read as yes or no.</summary>
/// <remarks>A warning: the generator treats the variable as unspecified and carries on.</remarks>
internal sealed class RequiredValueRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables.Where(v => v.Required == Requirement.Invalid))
        {
            var text = variable.RequiredText ?? "";
            diagnostics.Add(DiagnosticCatalog.InvalidRequiredValue, context.LocateOnLine(variable.Location, text.Trim()), Shown.Text(variable.Name), Shown.Text(text.Trim()));
        }
    }
}
