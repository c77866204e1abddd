using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArchPlan.Reading;

/// <summary>
/// Resources of a plan without an AWS Resources section: read wherever the document lists them — list items (flat,
/// numbered, or nested under a kind: <c>**AWS Lambda**</c> › <c>`reserve-locker`</c>), tables with a type column or a
/// kind in their name column's header (<c>Repository name</c>), and headings (<c>#### Lambda: `GetCareQueue`</c>, names
/// under a kind heading such as <c>### ECS Services</c> › <c>#### metricsdb</c>) — never from paragraphs or code blocks.
/// Mentions of one resource in several places are one resource, located at the first.
/// </summary>
internal sealed partial class ResourceListReader
{
    private readonly List<PlannedSecret> _secrets = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Siblings _siblings = new();
    private readonly HashSet<string> _secretNames = new(StringComparer.Ordinal);
    private bool _discovering;

    /// <summary>Secrets that lists name outside the secrets tables ("ARN of the `acme/token` secret").</summary>
    public IReadOnlyList<PlannedSecret> Secrets => _secrets;

    private void Discover(MarkdownDocument document, Func<string, string> substitute)
    {
        _discovering = true;
        foreach (var block in Blocks(document))
        {
            var chain = outline.ChainAt(block.Span.Start);
            if (chain.Any(h => SectionNames.IsCi(h.Key) || SectionNames.IsLocalDevelopment(h.Key) || SectionNames.IsRetired(h.Key)))
            {
                continue;
            }
            switch (block)
            {
                case HeadingBlock heading when heading.Parent is MarkdownDocument && heading.Span.Start != outline.Title?.Start:
                    DiscoverHeading(heading, substitute);
                    break;
                case ListBlock list when list.Parent is not ListItemBlock:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        DiscoverItem(item, null, substitute);
                    }
                    break;
                case Table table:
                    DiscoverTable(table, substitute);
                    break;
            }
        }
    }

    /// <summary>The headings, top-level lists and tables of the document, in order (not the inlines, which Markdig's Descendants() also walks).</summary>
    private static IEnumerable<Block> Blocks(ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock or ListBlock or Table:
                    yield return block;
                    break;
                case ContainerBlock nested:
                    foreach (var inner in Blocks(nested))
                    {
                        yield return inner;
                    }
                    break;
            }
        }
    }

    private void DiscoverItem(ListItemBlock item, ResourceKind? groupKind, Func<string, string> substitute)
    {
        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
        var children = item.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).ToList();
        if (paragraph is null)
        {
            return;
        }
        var marked = substitute(InlineText.Marked(paragraph));
        var plain = ValueCell.Unmark(marked);
        var location = source.At(item.Span.Start, paragraph.Span.End - item.Span.Start + 1);
        var details = string.Join(' ', children.Select(c => substitute(InlineText.Of(c))));
        var full = details.Length > 0 ? plain + " " + details : plain;

        var mentions = ResourceMentions.Find(marked);
        if (mentions.Count > 0)
        {
            foreach (var mention in mentions)
            {
                Add(mention, mentions.Count == 1 ? full : plain, location);
            }
            if (mentions.Count > 1 || mentions[0].IsSecret)
            {
                foreach (var child in children)
                {
                    DiscoverItem(child, null, substitute);
                }
            }
            return;
        }
        if (groupKind is { } group && BareName(marked) is { } bare)
        {
            Add(new Mention(group, bare, false), full, location);
            return;
        }
        if (LeadOf(paragraph, plain, substitute) is { } kind)
        {
            var named = DiscoveredBoldName(paragraph, substitute);
            if (named is null && children.Count > 0)
            {
                // "**AWS Lambda**" over a list of names: the names are the resources.
                foreach (var child in children)
                {
                    DiscoverItem(child, kind, substitute);
                }
                return;
            }
            // A resource the item names no name for is read only where resources are listed (an infrastructure or
            // overview section), not where they are discussed (security, cost, decisions, integrations).
            if (named is not null || IsResourceContext(item.Span.Start))
            {
                Add(new Mention(kind, named ?? NameFromProse(plain, kind), false), full, location);
            }
            return;
        }
        foreach (var child in children)
        {
            DiscoverItem(child, null, substitute);
        }
    }

    private void DiscoverHeading(HeadingBlock heading, Func<string, string> substitute)
    {
        var marked = Unnumbered(substitute(InlineText.Marked(heading)));
        var location = source.At(heading.Span.Start, heading.Span.Length);
        var mentions = ResourceMentions.Find(marked);
        if (mentions.Count > 0)
        {
            foreach (var mention in mentions)
            {
                Add(mention, ValueCell.Unmark(marked), location);
            }
            return;
        }
        // A name under a kind heading ("### ECS Services" › "#### metricsdb"), or a kind heading over a table of its properties.
        var chain = outline.ChainAt(heading.Span.Start);
        var parent = chain.Count > 1 ? chain[^2] : null;
        if (parent is not null && parent.Level < heading.Level && KindOfHeading(parent.Text) is { } groupKind && BareName(marked) is { } bare)
        {
            Add(new Mention(groupKind, bare, false), ValueCell.Unmark(marked), location);
            return;
        }
        if (KindOfHeading(ValueCell.Unmark(marked)) is { } kind && PropertyName(heading, substitute) is { } name)
        {
            Add(new Mention(kind, name, false), ValueCell.Unmark(marked), location);
        }
    }

    /// <summary>
    /// The kind an item leads with. A bold lead counts only when its last word is a kind ("**AWS Lambda**",
    /// "**DynamoDB Table**", "**Lambda Layer**"), not when the kind only qualifies something else ("**Lambda
    /// Execution Role**" is a role, "**API Gateway Authorizer**" none).
    /// </summary>
    private static ResourceKind? LeadOf(ParagraphBlock paragraph, string plain, Func<string, string> substitute)
    {
        if (paragraph.Inline?.FirstChild is EmphasisInline { DelimiterCount: >= 2 } bold)
        {
            return ResourceMentions.Trailing(substitute(InlineText.Of(bold)).Trim().TrimEnd(':', '.').Trim());
        }
        return ResourceMentions.Lead(plain);
    }

    /// <summary>A bold name that is not kind words ("**orders-db**", not "**DynamoDB Table**" or "**Cognito Stack**").</summary>
    private static string? DiscoveredBoldName(ParagraphBlock paragraph, Func<string, string> substitute)
    {
        foreach (var emphasis in paragraph.Inline?.Descendants<EmphasisInline>() ?? [])
        {
            if (emphasis.DelimiterCount < 2)
            {
                continue;
            }
            var text = substitute(InlineText.Of(emphasis)).Trim().TrimEnd(':');
            if (text.Length > 0 && !ResourceMentions.NamesAKind(text) && !LabelWord().IsMatch(text))
            {
                return Slug(text);
            }
        }
        return null;
    }

    /// <summary>Sections that list resources: infrastructure, resources, services, CDK, stacks, overviews; not security, cost or decisions.</summary>
    private bool IsResourceContext(int offset)
    {
        var chain = outline.ChainAt(offset);
        return chain.Any(h => ResourceContext().IsMatch(h.Key)) && !chain.Any(h => DiscussionContext().IsMatch(h.Key));
    }

    /// <summary>A resource table: a type column (Service, Resource, Type) or a kind in the name column's header (Repository name, SSM path).</summary>
    private void DiscoverTable(Table table, Func<string, string> substitute)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2 || !rows[0].IsHeader)
        {
            return;
        }
        var headers = rows[0].OfType<TableCell>().Select(c => InlineText.Of(c, inTableCell: true)).ToList();
        if (ConfigTableReader.LooksLikeCostTable(headers, rows))
        {
            return;
        }
        if (headers.Any(h => ColumnRoles.IsVariableNameHeader(h) || ColumnRoles.IsContextNameHeader(h) || ColumnRoles.IsSecretNameHeader(h)))
        {
            // A configuration table: its descriptions may name resources ("URL of the SQS queue `jobs`").
            foreach (var row in rows.Skip(1))
            {
                var cells = row.OfType<TableCell>().ToList();
                var location = cells.Count > 0 ? source.At(cells[0].Span.Start, cells[0].Span.Length) : source.At(row.Span.Start);
                foreach (var cell in cells.Skip(1))
                {
                    var text = substitute(InlineText.Marked(cell, inTableCell: true));
                    foreach (var mention in ResourceMentions.Find(text).Where(m => !m.IsSecret))
                    {
                        Add(mention, ValueCell.Unmark(text), location);
                    }
                }
            }
            return;
        }
        var keys = headers.Select(Outline.Normalize).ToList();
        var typeColumn = keys.FindIndex(k => k is "resource" or "resource type" or "service" or "aws service" or "provider/service" or "aws resource" or "resources");
        var namedColumn = keys.FindIndex(k => NamedHeader().IsMatch(k) && ResourceMentions.KindOf(k) is { IsSecret: false });
        if (typeColumn < 0 && namedColumn < 0)
        {
            return;
        }
        var headingKind = namedColumn >= 0 ? ResourceMentions.KindOf(keys[namedColumn])!.Value.Kind : (ResourceKind?)null;
        foreach (var row in rows.Skip(1))
        {
            var cells = row.OfType<TableCell>().ToList();
            if (cells.Count == 0)
            {
                continue;
            }
            var location = source.At(cells[0].Span.Start, cells[0].Span.Length);
            var marked = substitute(string.Join(" — ", cells.Select(c => InlineText.Marked(c, inTableCell: true))));
            var plain = ValueCell.Unmark(marked);
            if (headingKind is { } named && namedColumn < cells.Count
                && (BareName(substitute(InlineText.Marked(cells[namedColumn], inTableCell: true))) ?? NameCell.Secret(substitute(InlineText.Marked(cells[namedColumn], inTableCell: true)))) is { } cellName
                && ResourceMentions.IsName(cellName, named))
            {
                Add(new Mention(named, cellName, false), plain, location);
                continue;
            }
            var mentions = ResourceMentions.Find(marked);
            if (mentions.Count > 0)
            {
                foreach (var mention in mentions)
                {
                    Add(mention, plain, location);
                }
                continue;
            }
            var typeText = typeColumn >= 0 && typeColumn < cells.Count ? ValueCell.Unmark(substitute(InlineText.Marked(cells[typeColumn], inTableCell: true))) : "";
            var kind = ResourceMentions.Lead(typeText) ?? ResourceMentions.Lead(plain);
            if (kind is null)
            {
                continue;
            }
            var code = CodeNames(marked).FirstOrDefault(n => ResourceMentions.IsName(n, kind.Value));
            Add(new Mention(kind.Value, code ?? NameFromProse(typeText.Length > 0 && ResourceMentions.Lead(typeText) is not null ? typeText : plain, kind.Value), false), plain, location);
        }
    }

    /// <summary>The name row ("Name", "Service name") of a property table right under a kind heading ("### Application Load Balancer").</summary>
    private string? PropertyName(HeadingBlock heading, Func<string, string> substitute)
    {
        foreach (var block in _siblings.Following(heading))
        {
            if (block is HeadingBlock)
            {
                return null;
            }
            if (block is not Table table)
            {
                continue;
            }
            foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
            {
                var cells = row.OfType<TableCell>().ToList();
                if (cells.Count >= 2 && Outline.Normalize(InlineText.Of(cells[0], inTableCell: true)) is "name" or "resource name"
                    && BareName(substitute(InlineText.Marked(cells[1], inTableCell: true))) is { } name)
                {
                    return name;
                }
            }
            return null;
        }
        return null;
    }

    /// <summary>The kind a heading names without naming a resource ("ECS Services (Pilot)", "Function Settings", "Application Load Balancer").</summary>
    private static ResourceKind? KindOfHeading(string text) => ResourceMentions.Lead(Unnumbered(text), allowNouns: true);

    /// <summary>A bare name: a line that is one code span (after a label or words in front of a parenthesis) or one lower-case word.</summary>
    private static string? BareName(string marked)
    {
        var text = marked.Trim().TrimEnd(':', '.').Trim();
        var spans = CodeNames(text).ToList();
        if (spans.Count == 1 && (text == $"`{spans[0]}`" || WordsThenCode().IsMatch(text)))
        {
            return ResourceMentions.IsName(spans[0], ResourceKind.Unknown) ? spans[0] : null;
        }
        return spans.Count == 0 && LowerName().IsMatch(text) ? text : null;
    }

    private static IEnumerable<string> CodeNames(string marked) =>
        CodeSpanName().Matches(marked).Select(m => m.Groups["code"].Value.Trim());

    private static string Unnumbered(string text) => SectionNumber().Replace(text.Trim(), "");

    private void Add(Mention mention, string text, SourceLocation location)
    {
        if (mention.IsSecret)
        {
            if (_secretNames.Add(mention.Name))
            {
                _secrets.Add(new PlannedSecret { Name = mention.Name, Description = text, Location = location, TableIndex = -1, Environment = EnvironmentNames.InSecretName(mention.Name) });
            }
            return;
        }
        var key = $"{mention.Kind}:{new string([.. mention.Name.ToLowerInvariant().Where(char.IsLetterOrDigit)])}";
        if (!_seen.Add(key))
        {
            return;
        }
        _drafts.Add(new Draft
        {
            Kind = mention.Kind,
            Name = mention.Name,
            Head = text,
            FullText = text,
            Location = location,
            IsDeadLetterQueueItem = mention.Kind == ResourceKind.SqsQueue && IsDeadLetterQueueItem(text, mention.Name) && DeadLetterLead().IsMatch(text),
        });
    }

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpanName();

    [GeneratedRegex(@"^(?:[A-Za-z][\w'&+.-]*\s+){0,4}\(\s*`[^`]+`\s*\)$|^[\w\s]{0,40}:\s*`[^`]+`$")]
    private static partial Regex WordsThenCode();

    [GeneratedRegex(@"\b(?:infrastructure|resources?|aws|cdk|stacks?|overview|deployed|services|architecture components|what gets deployed)\b")]
    private static partial Regex ResourceContext();

    [GeneratedRegex(@"\b(?:security|cost|costs|decisions?|alternatives?|trade-?offs?|risks?|testing|tests|integration|integrations|authentication|authorization|troubleshooting|performance|scalability|future|questions)\b")]
    private static partial Regex DiscussionContext();

    [GeneratedRegex(@"\b(?:stack|construct|package|module|service|layer|guide)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*[a-z0-9]$")]
    private static partial Regex LowerName();

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"\bname\b|\bpath\b|\bid\b|\barn\b")]
    private static partial Regex NamedHeader();
}
