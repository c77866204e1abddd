using ArchPlan.Diagnostics;

namespace ArchPlan.Validation;

/// <summary>One validation rule: looks at the plan and reports what is wrong with it.</summary>
internal interface IPlanRule
{
    void Check(ValidationContext context, DiagnosticBag diagnostics);
}
