using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Model;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>
/// Reads the relationships an Architecture section states outside the resource list: the edges of a Mermaid
/// <c>graph</c>/<c>flowchart</c> (node labels matched to resource names) and the steps of a numbered flow
/// ("1. `payments-api` invokes `payments-handler`"). They are added to the resources' links, as if the resource list
/// had said them.
/// </summary>
internal static partial class ArchitectureReader
{
    /// <param name="document">The parsed plan.</param>
    /// <param name="outline">Its headings.</param>
    /// <param name="source">Its text, for locations.</param>
    /// <param name="resources">The resources read from the resource lists, in plan order.</param>
    /// <param name="flows">The numbered steps each resource is the subject of ("`portal-api` routes `GET /x` to `get-x`"),
    /// by resource name: settings stated there (routes, for one) are read like the resource's own words.</param>
    public static List<PlannedResource> Read(MarkdownDocument document, Outline outline, SourceText source, IReadOnlyList<PlannedResource> resources,
        out Dictionary<string, List<PlanPhrase>> flows)
    {
        flows = new Dictionary<string, List<PlanPhrase>>(StringComparer.Ordinal);
        var result = resources.ToList();
        if (resources.Count < 2)
        {
            return result;
        }
        var sections = outline.Headings.Where(h => ArchitectureHeading().IsMatch(h.Key) && !SectionNames.IsAwsResources(h.Key)).ToList();
        if (sections.Count == 0)
        {
            return result;
        }
        var edges = new List<(PlannedResource From, PlannedResource To, string Words)>();
        // The diagram archplan draws from the infrastructure is not the plan's word: reading it would make the code the
        // source of its own plan.
        var generated = DiagramMarkers.Regions(document);
        foreach (var heading in sections)
        {
            var end = outline.SectionEnd(heading, source.Text.Length);
            foreach (var block in document.Descendants().OfType<Block>().Where(b => b.Span.Start > heading.Start && b.Span.Start < end && !DiagramMarkers.Inside(generated, b.Span.Start)))
            {
                switch (block)
                {
                    case FencedCodeBlock code when IsMermaidGraph(code):
                        edges.AddRange(MermaidEdges(code.Lines.ToString(), resources));
                        break;
                    case ListBlock { IsOrdered: true } list when list.Parent is MarkdownDocument:
                        foreach (var item in list.OfType<ListItemBlock>())
                        {
                            var text = InlineText.Of(item);
                            edges.AddRange(FlowEdges(text, resources));
                            if (Subject(text, resources) is { } subject)
                            {
                                flows.ListFor(subject.Name).Add(new PlanPhrase(text, source.At(item.Span.Start, item.Span.Length)));
                            }
                        }
                        break;
                }
            }
        }

        var added = new Dictionary<PlannedResource, List<ResourceLink>>();
        foreach (var (from, to, words) in edges)
        {
            if (Relate(from, to, words) is { } link)
            {
                added.ListFor(link.Owner).Add(link.Link);
            }
        }
        for (var i = 0; i < result.Count; i++)
        {
            if (added.TryGetValue(resources[i], out var links))
            {
                var merged = result[i].Links.Concat(links.Where(l => !result[i].Links.Any(k => k.Kind == l.Kind && k.Target == l.Target))).Distinct().ToEquatableArray();
                result[i] = result[i] with { Links = merged };
            }
        }
        return result;
    }

    private static bool IsMermaidGraph(FencedCodeBlock code) =>
        code.Info is { } info && info.Trim().Equals("mermaid", StringComparison.OrdinalIgnoreCase)
        && MermaidKind().IsMatch(code.Lines.ToString());

    /// <summary>Edges of a Mermaid flowchart, with their labels: <c>A[label] --&gt;|words| B[label]</c>, chains included.</summary>
    private static IEnumerable<(PlannedResource, PlannedResource, string)> MermaidEdges(string text, IReadOnlyList<PlannedResource> resources)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match node in MermaidNode().Matches(text))
        {
            labels.TryAdd(node.Groups["id"].Value, node.Groups["label"].Value);
        }
        foreach (var line in text.Split('\n'))
        {
            // The text between arrows (not Regex.Split, which would add the arrows' labels to the parts).
            var arrows = MermaidArrow().Matches(line);
            var parts = new List<string>();
            var start = 0;
            foreach (Match arrow in arrows)
            {
                parts.Add(line[start..arrow.Index]);
                start = arrow.Index + arrow.Length;
            }
            parts.Add(line[start..]);
            for (var i = 0; i + 1 < parts.Count && i < arrows.Count; i++)
            {
                var fromId = NodeId(parts[i]);
                var toId = NodeId(parts[i + 1]);
                if (fromId is null || toId is null)
                {
                    continue;
                }
                var from = Resolve(fromId, labels.GetValueOrDefault(fromId), resources);
                var to = Resolve(toId, labels.GetValueOrDefault(toId), resources);
                if (from is not null && to is not null && !ReferenceEquals(from, to))
                {
                    yield return (from, to, arrows[i].Groups["label"].Value);
                }
            }
        }
    }

    private static string? NodeId(string part)
    {
        var match = MermaidNodeStart().Match(part);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>The resource a Mermaid node stands for: a resource name in its label, else its id.</summary>
    private static PlannedResource? Resolve(string id, string? label, IReadOnlyList<PlannedResource> resources)
    {
        var text = label ?? id;
        var named = resources.Where(r => r.Name.Length > 1 && TextSearch.ContainsName(text, r.Name)).OrderByDescending(r => r.Name.Length).FirstOrDefault()
            ?? resources.FirstOrDefault(r => string.Equals(r.Name, id, StringComparison.OrdinalIgnoreCase));
        if (named is not null || label is null)
        {
            return named;
        }
        // "EventBridge rule, daily 10:00 UTC": the plan's only resource of the kind the label names.
        return ResourceRecognizer.Recognize(label) is { } kind && resources.Where(r => r.Kind == kind.Kind).ToList() is [var only] ? only : null;
    }

    /// <summary>The resource a numbered step starts with (its subject), or null.</summary>
    private static PlannedResource? Subject(string text, IReadOnlyList<PlannedResource> resources) =>
        resources
            .Where(r => r.Name.Length > 1)
            .SelectMany(r => TextSearch.WholeName(text, r.Name).Take(1).Select(at => (Resource: r, At: at)))
            .OrderBy(m => m.At)
            .Select(m => m.Resource)
            .FirstOrDefault();

    /// <summary>The resources a numbered step names, in order: the first is the subject, the others what it acts on.</summary>
    private static IEnumerable<(PlannedResource, PlannedResource, string)> FlowEdges(string text, IReadOnlyList<PlannedResource> resources)
    {
        var mentions = resources
            .SelectMany(r => TextSearch.WholeName(text, r.Name).Take(1).Select(at => (Resource: r, At: at)))
            .Where(m => m.Resource.Name.Length > 1)
            .OrderBy(m => m.At)
            .ToList();
        if (mentions.Count < 2)
        {
            yield break;
        }
        var subject = mentions[0];
        var previous = subject.At + subject.Resource.Name.Length;
        foreach (var mention in mentions.Skip(1))
        {
            yield return (subject.Resource, mention.Resource, text[previous..Math.Max(previous, mention.At)]);
            previous = mention.At + mention.Resource.Name.Length;
        }
    }

    /// <summary>What an edge means, from the kinds at its ends and the words on it; null when it means nothing to build.</summary>
    private static (PlannedResource Owner, ResourceLink Link)? Relate(PlannedResource from, PlannedResource to, string words)
    {
        var access = ResourceLinker.ActiveAccess(words.ToLowerInvariant());
        return (from.Kind, to.Kind) switch
        {
            (ResourceKind.EventBridgeRule, ResourceKind.LambdaFunction) => (from, new ResourceLink(LinkKind.Triggers, to.Name)),
            (ResourceKind.EventBridgeRule, ResourceKind.FargateTask or ResourceKind.StateMachine) => (from, new ResourceLink(LinkKind.Starts, to.Name)),
            (ResourceKind.RestApi or ResourceKind.HttpApi, ResourceKind.LambdaFunction) => (from, new ResourceLink(LinkKind.Fronts, to.Name)),
            (ResourceKind.SqsQueue or ResourceKind.SnsTopic or ResourceKind.S3Bucket, ResourceKind.LambdaFunction) => (from, new ResourceLink(LinkKind.Triggers, to.Name)),
            (ResourceKind.SqsQueue, ResourceKind.FargateService or ResourceKind.FargateTask) => (from, new ResourceLink(LinkKind.Triggers, to.Name)),
            (ResourceKind.SnsTopic, ResourceKind.SqsQueue) => (from, new ResourceLink(LinkKind.Notifies, to.Name)),
            (ResourceKind.CloudWatchAlarm, ResourceKind.SnsTopic) => (from, new ResourceLink(LinkKind.Notifies, to.Name)),
            (ResourceKind.StateMachine, ResourceKind.LambdaFunction or ResourceKind.FargateTask) => (from, new ResourceLink(LinkKind.Uses, to.Name)),
            (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask, ResourceKind.StateMachine) => (from, new ResourceLink(LinkKind.Starts, to.Name)),
            (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask, ResourceKind.SqsQueue or ResourceKind.SnsTopic)
                => (from, new ResourceLink(LinkKind.Uses, to.Name, access == Access.Unspecified ? Access.Write : access)),
            (ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask,
                ResourceKind.S3Bucket or ResourceKind.DynamoDbTable or ResourceKind.RdsInstance or ResourceKind.AuroraCluster or ResourceKind.LambdaFunction)
                => (from, new ResourceLink(LinkKind.Uses, to.Name, access)),
            // An arrow from data to the compute that reads it ("DB --> worker") is read access, not a trigger.
            (ResourceKind.DynamoDbTable or ResourceKind.RdsInstance or ResourceKind.AuroraCluster, ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask)
                => (to, new ResourceLink(LinkKind.Uses, from.Name, Access.Read)),
            _ => null,
        };
    }

    [GeneratedRegex(@"\barchitecture\b|\bdata\s+flow\b|\brequest\s+flow\b|\bflow\b|\bhow\s+it\s+works\b|\bdiagram\b|\bcomponents?\b|\boverview\b")]
    private static partial Regex ArchitectureHeading();

    [GeneratedRegex(@"^\s*(?:graph|flowchart)\b", RegexOptions.Multiline)]
    private static partial Regex MermaidKind();

    // id followed by a shape: [label], (label), ([label]), [(label)], ((label)), {label}, >label], [/label/]
    [GeneratedRegex(@"(?<![\w-])(?<id>[A-Za-z_][\w-]*)\s*(?:\[\(|\(\[|\(\(|\[\[|\[/|\[\\|\[|\(|\{\{|\{|>)\s*""?(?<label>[^\]\)\}""]*)""?\s*(?:\)\]|\]\)|\)\)|\]\]|/\]|\\\]|\]|\)|\}\}|\})")]
    private static partial Regex MermaidNode();

    [GeneratedRegex(@"^\s*(?<id>[A-Za-z_][\w-]*)")]
    private static partial Regex MermaidNodeStart();

    // -->, --->, -.->, ==>, --- and labelled forms: -->|words|, -- words -->
    [GeneratedRegex(@"\s*(?:-{2,}>|-\.+->|={2,}>|-{3,}|-\.-)\s*(?:\|(?<label>[^|]*)\|)?\s*|\s*--\s+(?<label>[^->|]+?)\s+-->\s*")]
    private static partial Regex MermaidArrow();
}
