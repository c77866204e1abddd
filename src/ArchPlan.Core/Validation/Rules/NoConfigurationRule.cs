using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2022: a plan with no Configuration section, no variables and no secrets; AP2037: nothing at all to build.</summary>
/// <remarks>
/// Information only when the plan has resources: some plans need no configuration. A plan with neither resources nor
/// configuration (front matter alone) describes nothing to generate or compare, and is an error. The location is where
/// the section would go, when the reader worked that out.
/// </remarks>
internal sealed class NoConfigurationRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        if (plan.Variables.Count > 0 || plan.Secrets.Count > 0 || plan.Sections.Configuration is not null)
        {
            return;
        }
        var offset = plan.Sections.ConfigurationInsertOffset;
        var location = offset is { } at && at >= 0 && at <= context.SourceText.Length ? context.LocationOf(at) : context.FileLocation;
        diagnostics.Add(DiagnosticCatalog.NoConfigurationSection, location);
        // An empty file has its own error (AP9005).
        if (plan.Resources.Count == 0 && plan.BuildTimeVariables.Count == 0 && !string.IsNullOrWhiteSpace(context.SourceText))
        {
            diagnostics.Add(DiagnosticCatalog.NothingPlanned, context.FileLocation);
        }
    }
}
