using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>
/// Reads environment variables written as a list under an Environment Variables or Configuration heading:
/// <c>- **LOG_LEVEL**: `info`</c>, <c>- `TABLE_NAME` — name of the `orders` table</c>,
/// <c>- **A** / **B**: what they hold (`a`, `b`)</c>. The paragraph just above the list scopes the variables when it
/// names compute of the plan ("and these on `reserve-locker` only").
/// </summary>
internal sealed partial class VariableListReader(SourceText source, Outline outline, IReadOnlyList<PlannedResource> resources)
{
    private readonly Siblings _siblings = new();

    public List<EnvVariable> Read(MarkdownDocument document, Func<string, string> substitute)
    {
        var variables = new List<EnvVariable>();
        foreach (var list in document.Descendants<ListBlock>().Where(l => l.Parent is not ListItemBlock))
        {
            var chain = outline.ChainAt(list.Span.Start);
            if (!chain.Any(h => SectionNames.IsEnvironmentVariables(h.Key) || SectionNames.IsConfiguration(h.Key))
                || chain.Any(h => SectionNames.IsCi(h.Key) || SectionNames.IsLocalDevelopment(h.Key) || SectionNames.IsRetired(h.Key) || SectionNames.IsSecrets(h.Key)))
            {
                continue;
            }
            var scope = ScopeOf(list, substitute);
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.OfType<ParagraphBlock>().FirstOrDefault() is not { Inline: { } inline } paragraph
                    || inline.FirstChild is not (EmphasisInline or CodeInline))
                {
                    continue;
                }
                var marked = substitute(InlineText.Marked(paragraph));
                var label = Label().Match(marked);
                if (!label.Success)
                {
                    continue;
                }
                var names = NameSplit().Split(label.Groups["names"].Value).Select(n => n.Trim().Trim('`')).Where(n => n.Length > 0).ToList();
                if (names.Count == 0 || !names.All(n => UpperName().IsMatch(n)))
                {
                    continue;
                }
                var rest = label.Groups["rest"].Value.Trim();
                var values = ValuesOf(rest, names.Count);
                var location = source.At(item.Span.Start, paragraph.Span.End - item.Span.Start + 1);
                for (var i = 0; i < names.Count; i++)
                {
                    variables.Add(new EnvVariable
                    {
                        Name = names[i],
                        Description = ValueCell.Unmark(rest),
                        Value = values[i],
                        Scope = scope.ToEquatableArray(),
                        Location = location,
                        ValueLocation = location,
                        TableIndex = -1,
                    });
                }
            }
        }
        return variables;
    }

    /// <summary>
    /// The value of each name: one per name from a closing parenthesis of code spans ("(`lockers`, `dev`, `features`)"),
    /// a leading code span, a resource attribute ("name of the `Reservations` table"), a named Secrets Manager secret, or none.
    /// </summary>
    private static List<ValueSpec> ValuesOf(string rest, int count)
    {
        if (count > 1 && Positional().Match(rest) is { Success: true } positional)
        {
            var spans = CodeSpan().Matches(positional.Groups["list"].Value).Select(m => InlineText.Restore(m.Groups["code"].Value)).ToList();
            if (spans.Count == count)
            {
                return [.. spans.Select(ValueSpec.Literal)];
            }
        }
        ValueSpec value;
        if (rest.StartsWith('`') && CodeSpan().Match(rest) is { Success: true } first)
        {
            value = ValueSpec.Literal(InlineText.Restore(first.Groups["code"].Value));
        }
        else if (CellValues.ResourceAttribute(rest) is { } attribute)
        {
            value = attribute;
        }
        else
        {
            var reading = ValueCell.Read(rest);
            value = reading.Default.Kind == ValueKind.FromSecret ? reading.Default : ValueSpec.None;
        }
        return [.. Enumerable.Repeat(value, count)];
    }

    /// <summary>The compute the paragraph right above the list names ("these on `reserve-locker` only"); empty when it names none.</summary>
    private List<string> ScopeOf(ListBlock list, Func<string, string> substitute)
    {
        if (_siblings.Previous(list) is not ParagraphBlock paragraph)
        {
            return [];
        }
        var text = substitute(InlineText.Of(paragraph));
        return [.. resources.Where(r => r.IsCompute && TextSearch.ContainsName(text, r.Name)).Select(r => r.Name)];
    }

    // "**A** / **B**: rest", "`A` — rest", "**A** - rest", "**A** = rest".
    [GeneratedRegex(@"^(?<names>`?[A-Za-z_][A-Za-z0-9_]*`?(?:\s*(?:/|,|&|\band\b)\s*`?[A-Za-z_][A-Za-z0-9_]*`?)*)\s*(?::|=|—|–|\s-\s)\s*(?<rest>.*)$")]
    private static partial Regex Label();

    [GeneratedRegex(@"\s*(?:/|,|&|\band\b)\s*")]
    private static partial Regex NameSplit();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+$")]
    private static partial Regex UpperName();

    [GeneratedRegex(@"\((?<list>[^()]*`[^()]*)\)\s*\.?$")]
    private static partial Regex Positional();

    [GeneratedRegex(@"`(?<code>[^`]*)`")]
    private static partial Regex CodeSpan();
}
