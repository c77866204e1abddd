using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2001: text the plan template asks the author to replace, still in the plan.</summary>
internal sealed class PlaceholderRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var text = context.SourceText;
        var regions = MarkdownRegions.TryCreate(text);
        if (regions is null)
        {
            return;
        }

        foreach (var match in TemplatePlaceholders.BracketPattern().Matches(text).Cast<Match>())
        {
            if (TemplatePlaceholders.Brackets.Contains(match.Groups[1].Value)
                && !regions.IsExcluded(match.Index, match.Length)
                && !TemplatePlaceholders.IsLinkOrCheckbox(text, match))
            {
                Report(context, diagnostics, match.Index, match.Value);
            }
        }

        foreach (var match in TemplatePlaceholders.AmountPattern().Matches(text).Cast<Match>())
        {
            if (TemplatePlaceholders.Amounts.Contains(match.Value) && !regions.IsExcluded(match.Index, match.Length))
            {
                Report(context, diagnostics, match.Index, match.Value);
            }
        }

        if (regions.FrontMatter is var (start, end))
        {
            var placeholder = TemplatePlaceholders.DatePlaceholder;
            var index = start;
            while ((index = text.IndexOf(placeholder, index, end + 1 - index, StringComparison.Ordinal)) >= 0)
            {
                Report(context, diagnostics, index, placeholder);
                index += placeholder.Length;
            }
        }
    }

    private static void Report(ValidationContext context, DiagnosticBag diagnostics, int offset, string placeholder) =>
        diagnostics.Add(DiagnosticCatalog.PlaceholderNotFilled, context.LocationOf(offset, placeholder.Length), placeholder);
}
