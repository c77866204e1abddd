using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2002: the front-matter status is one of the template's three.</summary>
/// <remarks>
/// Case is not significant ("Active" is accepted): the meaning is clear and nothing downstream
/// depends on the spelling. A missing status is not reported; the template's comment
/// (<c># active → implemented → superseded</c>) is ignored.
/// </remarks>
internal sealed class StatusRule : IPlanRule
{
    private static readonly string[] Statuses = ["active", "implemented", "superseded"];

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var field = context.Plan.FrontMatter.Find("status");
        var status = FrontMatterValue.Bare(field?.Value);
        if (field is null || status.Length == 0)
        {
            return;
        }
        if (!Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidStatus, field.Location, Shown.Text(status));
        }
    }
}
