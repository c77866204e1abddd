using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2002: the front-matter status is one of the template's three.</summary>
/// <remarks>
/// Case is not significant ("Active" is accepted): the meaning is clear and nothing downstream
/// depends on the spelling. A missing status is not reported; the template's comment
/// (<c># active → implemented → superseded</c>) is dropped if the reader kept it.
/// </remarks>
internal sealed class StatusRule : IPlanRule
{
    private static readonly string[] Statuses = ["active", "implemented", "superseded"];

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var field = context.Plan.FrontMatter.Find("status");
        var status = StripComment(field?.Value);
        if (field is null || status.Length == 0)
        {
            return;
        }
        if (!Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidStatus, field.Location, status);
        }
    }

    /// <summary>The value without a YAML comment (<c> # ...</c>) and surrounding quotes.</summary>
    internal static string StripComment(string? value)
    {
        if (value is null)
        {
            return "";
        }
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        var bare = (comment >= 0 ? value[..comment] : value).Trim();
        return bare.Length >= 2 && bare[0] is '"' or '\'' && bare[^1] == bare[0] ? bare[1..^1].Trim() : bare;
    }
}
