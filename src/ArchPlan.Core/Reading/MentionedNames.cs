using System.Text.RegularExpressions;
using ArchPlan.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>
/// The names a document writes in code spans anywhere outside code blocks (a paragraph's <c>`estuary-crawler`</c>, a
/// family <c>`ESTUARY_*`</c>). They are never read as resources or variables (issue 11: not from prose); diff uses
/// them only to leave out of "not in the plan" what the document does name.
/// </summary>
internal static partial class MentionedNames
{
    public static List<PlanPhrase> Read(MarkdownDocument document, SourceText source, Func<string, string> substitute)
    {
        var found = new List<PlanPhrase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null || leaf is CodeBlock)
            {
                continue;
            }
            foreach (var code in leaf.Inline.Descendants<CodeInline>())
            {
                var name = substitute(code.Content.Trim());
                if (NameLike().IsMatch(name) && seen.Add(name))
                {
                    found.Add(new PlanPhrase(name, source.At(code.Span.Start, code.Span.Length)));
                }
            }
        }
        return found;
    }

    // One token that could name a resource, variable or family: no spaces, no call syntax, not too long.
    [GeneratedRegex(@"^[A-Za-z][\w.\-/{}<>$*:]{1,127}$")]
    private static partial Regex NameLike();
}
