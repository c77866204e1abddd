using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>
/// Secrets a paragraph names ("one Secrets Manager bundle per environment, `acme-env-prod` and `acme-env-staging`"),
/// when no secrets table lists them. Each is located at the first table row that names it in a code span (where an
/// Environment column gives its environment), else at the paragraph.
/// </summary>
internal sealed partial class ProseSecrets(SourceText source, Outline outline)
{
    public List<PlannedSecret> Read(MarkdownDocument document, Func<string, string> substitute, IReadOnlySet<string> planned)
    {
        var found = new List<(string Name, SourceLocation Location)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => p.Parent is MarkdownDocument or QuoteBlock))
        {
            // Only a paragraph with a code span can name a secret: most are passed over without building their text.
            if (paragraph.Inline?.Descendants<Markdig.Syntax.Inlines.CodeInline>().Any() != true)
            {
                continue;
            }
            var chain = outline.ChainAt(paragraph.Span.Start);
            if (chain.Any(h => SectionNames.IsCi(h.Key) || SectionNames.IsLocalDevelopment(h.Key) || SectionNames.IsRetired(h.Key)))
            {
                continue;
            }
            var marked = substitute(InlineText.Marked(paragraph));
            foreach (var mention in ResourceMentions.Find(marked).Where(m => m.IsSecret))
            {
                if (!planned.Contains(mention.Name) && names.Add(mention.Name))
                {
                    found.Add((mention.Name, source.At(paragraph.Span.Start, paragraph.Span.Length)));
                }
            }
        }
        if (found.Count == 0)
        {
            return [];
        }

        var located = new Dictionary<string, (SourceLocation Location, string? Environment)>(StringComparer.Ordinal);
        foreach (var table in document.Descendants<Table>())
        {
            var rows = table.OfType<TableRow>().ToList();
            if (rows.Count < 2 || !rows[0].IsHeader)
            {
                continue;
            }
            var headers = rows[0].OfType<TableCell>().Select(c => Outline.Normalize(InlineText.Of(c, inTableCell: true))).ToList();
            var environmentColumn = headers.FindIndex(h => h is "environment" or "env" or "stage" or "environments");
            foreach (var row in rows.Skip(1))
            {
                var cells = row.OfType<TableCell>().ToList();
                foreach (var cell in cells)
                {
                    foreach (Match code in CodeSpan().Matches(substitute(InlineText.Marked(cell, inTableCell: true))))
                    {
                        var name = code.Groups["code"].Value.Trim();
                        if (names.Contains(name) && !located.ContainsKey(name))
                        {
                            var environment = environmentColumn >= 0 && environmentColumn < cells.Count ? EnvironmentNames.Name(InlineText.Of(cells[environmentColumn], inTableCell: true)) : null;
                            located[name] = (source.At(cells[0].Span.Start, cells[0].Span.Length), environment);
                        }
                    }
                }
            }
        }
        return [.. found.Select(f => located.TryGetValue(f.Name, out var at)
            ? new PlannedSecret { Name = f.Name, Location = at.Location, Environment = at.Environment ?? EnvironmentNames.InSecretName(f.Name), TableIndex = -1 }
            : new PlannedSecret { Name = f.Name, Location = f.Location, Environment = EnvironmentNames.InSecretName(f.Name), TableIndex = -1 })];
    }

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();
}
