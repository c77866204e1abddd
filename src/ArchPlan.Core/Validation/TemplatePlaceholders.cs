using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ArchPlan.Validation;

/// <summary>The placeholder tokens of the plan template embedded in this assembly.</summary>
/// <remarks>
/// Taken from the template itself so the check follows the template when it changes: every
/// <c>[bracketed text]</c> outside code, links and HTML (checkboxes excluded), and the <c>$X</c>-style
/// amounts of the cost table. <c>YYYY-MM-DD</c> is a placeholder only in the front matter, where the
/// template writes it; elsewhere it usually describes a date format.
/// </remarks>
internal static partial class TemplatePlaceholders
{
    public const string ResourceName = "templates/plan-template.md";

    public const string DatePlaceholder = "YYYY-MM-DD";

    private static readonly Lazy<(FrozenSet<string> Brackets, FrozenSet<string> Amounts)> Tokens = new(Load);

    /// <summary>Texts that appear between brackets in the template, without the brackets.</summary>
    public static FrozenSet<string> Brackets => Tokens.Value.Brackets;

    /// <summary>Amount placeholders such as <c>$X</c>.</summary>
    public static FrozenSet<string> Amounts => Tokens.Value.Amounts;

    /// <summary>Bracketed text: <c>[...]</c> on one line with no nested brackets.</summary>
    [GeneratedRegex(@"\[([^\[\]\r\n]+)\]")]
    public static partial Regex BracketPattern();

    /// <summary>A dollar sign and one capital letter standing alone, e.g. <c>$X</c>.</summary>
    [GeneratedRegex(@"(?<![\w$])\$[A-Z](?!\w)")]
    public static partial Regex AmountPattern();

    public static string ReadTemplate()
    {
        using var stream = typeof(TemplatePlaceholders).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>True for a bracket match that is a link, a link reference or a checkbox rather than text.</summary>
    public static bool IsLinkOrCheckbox(string text, Match match)
    {
        var inner = match.Groups[1].Value;
        if (inner.Trim().Length == 0 || inner is "x" or "X")
        {
            return true;
        }
        var after = match.Index + match.Length;
        if (after >= text.Length)
        {
            return false;
        }
        return text[after] is '(' or '[' || (text[after] == ':' && StartsLine(text, match.Index));
    }

    // A link reference definition ("[ref]: url") starts its line, after at most three spaces.
    private static bool StartsLine(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return index - lineStart <= 3 && text[lineStart..index].All(c => c == ' ');
    }

    private static (FrozenSet<string>, FrozenSet<string>) Load()
    {
        var template = ReadTemplate();
        var regions = MarkdownRegions.TryCreate(template)
            ?? throw new InvalidOperationException("The embedded plan template cannot be parsed.");

        var brackets = BracketPattern().Matches(template)
            .Where(m => !regions.IsExcluded(m.Index, m.Length) && !IsLinkOrCheckbox(template, m))
            .Select(m => m.Groups[1].Value);
        var amounts = AmountPattern().Matches(template)
            .Where(m => !regions.IsExcluded(m.Index, m.Length))
            .Select(m => m.Value);
        return (brackets.ToFrozenSet(StringComparer.Ordinal), amounts.ToFrozenSet(StringComparer.Ordinal));
    }
}
