using System.Globalization;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2003: the front-matter date is a real calendar date written YYYY-MM-DD.</summary>
/// <remarks>The template's own <c>YYYY-MM-DD</c> is left to the placeholder rule (AP2001) so it is reported once.</remarks>
internal sealed class DateRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var field = context.Plan.FrontMatter.Find("date");
        var date = FrontMatterValue.Bare(field?.Value);
        if (field is null || date.Length == 0 || date == TemplatePlaceholders.DatePlaceholder)
        {
            return;
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidDate, field.Location, Shown.Text(date));
        }
    }
}
